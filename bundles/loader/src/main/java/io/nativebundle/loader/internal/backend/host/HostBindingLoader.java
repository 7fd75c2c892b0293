package io.nativebundle.loader.internal.backend.host;

import java.util.Map;

import io.nativebundle.loader.internal.backend.FunctionInvoker;

/**
 * Defines the host binding class of one interface: the interface and its types come from the
 * interface's class loader, the few loader types the generated code calls from here (as the
 * guards' class loader does).
 */
final class HostBindingLoader extends ClassLoader {

    private static final Map<String, Class<?>> PROTOCOL = Map.of(
            FunctionInvoker.class.getName(), FunctionInvoker.class,
            BindingSupport.class.getName(), BindingSupport.class);

    static {
        registerAsParallelCapable();
    }

    HostBindingLoader(Class<?> type) {
        super("nativebundle-host-binding:" + type.getName(), type.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        Class<?> own = PROTOCOL.get(name);
        return own != null ? own : super.loadClass(name, resolve);
    }

    Class<?> define(String name, byte[] bytes) {
        return defineClass(name, bytes, 0, bytes.length);
    }
}
