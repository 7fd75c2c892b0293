package io.nativebundle.loader.internal.backend;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleReference;

import io.nativebundle.api.NativeCallback;
import io.nativebundle.api.NativeSignature;
import io.nativebundle.loader.internal.backend.jnr.JnrBackend;

/**
 * The owner rule of upcalls with the real lookup ({@code FrameworkUtil.getBundle}): a callback
 * whose class a bundle's class loader defined runs while that bundle runs and is refused (zero,
 * counted) once it stopped, through a pointer C kept.
 */
public class CallbackOwnersTest {

    /** A bundle's class loader, as the framework's implement {@link BundleReference}; defines {@link OwnedCallback}. */
    private static final class BundleLoader extends ClassLoader implements BundleReference {
        private final AtomicInteger state = new AtomicInteger(Bundle.ACTIVE);
        private final Bundle bundle = (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(),
                new Class<?>[] {Bundle.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getState" -> state.get();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "fake bundle";
                    default -> throw new UnsupportedOperationException(method.getName());
                });

        BundleLoader() {
            super(CallbackOwnersTest.class.getClassLoader());
        }

        @Override
        public Bundle getBundle() {
            return bundle;
        }

        @Override
        protected synchronized Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(OwnedCallback.class.getName())) {
                return super.loadClass(name, resolve);
            }
            Class<?> loaded = findLoadedClass(name);
            if (loaded != null) {
                return loaded;
            }
            try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }

        NativeCallback newCallback() throws ReflectiveOperationException {
            return (NativeCallback) loadClass(OwnedCallback.class.getName()).getConstructor().newInstance();
        }
    }

    @Test
    public void aClassOfARunningBundleIsLiveAndOfAStoppedOneIsNot() throws Exception {
        BundleLoader loader = new BundleLoader();
        BooleanSupplier live = CallbackOwners.liveness(loader.newCallback().getClass());
        for (int state : new int[] {Bundle.STARTING, Bundle.ACTIVE, Bundle.STOPPING}) {
            loader.state.set(state);
            assertTrue("state " + state, live.getAsBoolean());
        }
        for (int state : new int[] {Bundle.RESOLVED, Bundle.INSTALLED, Bundle.UNINSTALLED}) {
            loader.state.set(state);
            assertFalse("state " + state, live.getAsBoolean());
        }
        // a class outside any bundle (this test's own) is always live
        assertTrue(CallbackOwners.liveness(OwnedCallback.class).getAsBoolean());
    }

    @Test
    public void aKeptPointerStopsCallingIntoTheBundleOnceItStopped() throws Exception {
        BackendLibrary upcalls = new JnrBackend().open(Path.of(System.getProperty("nativebundle.test.libupcalls")),
                List.of());
        UpcallErrors counted = new UpcallErrors();
        try {
            BundleLoader loader = new BundleLoader();
            FunctionInvoker keep = upcalls.function("keep_callback", NativeSignature.parse("(cb(int)int)void"),
                    counted);
            FunctionInvoker callKept = upcalls.function("call_kept", NativeSignature.parse("(int)int"));
            keep.call(new Object[] {loader.newCallback()});
            assertEquals(42, callKept.invoke(new Object[] {41}));
            loader.state.set(Bundle.RESOLVED);
            assertEquals(0, callKept.invoke(new Object[] {41}));
            assertEquals(1, counted.staleCalls());
            loader.state.set(Bundle.ACTIVE);
            assertEquals(42, callKept.invoke(new Object[] {41}));
            keep.call(new Object[] {null});
        } finally {
            upcalls.close();
        }
    }
}
