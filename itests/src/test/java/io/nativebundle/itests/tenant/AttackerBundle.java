package io.nativebundle.itests.tenant;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

import io.nativebundle.itests.tenant.attacker.Attacker;

/**
 * Packs {@link Attacker} into a plugin bundle of a tenant (by its {@code NativeBundle-Tenant}
 * header), installs it, and runs its attacks inside it: the class is loaded from the attacker
 * bundle and called with the attacker bundle's own context.
 */
final class AttackerBundle {

    static final String SYMBOLIC_NAME = "io.nativebundle.itests.attacker";
    private static final String CLASS = Attacker.class.getName();

    private final Bundle bundle;
    private final Class<?> attacker;

    private AttackerBundle(Bundle bundle) throws ClassNotFoundException {
        this.bundle = bundle;
        this.attacker = bundle.loadClass(CLASS);
        if (attacker == Attacker.class) {
            throw new IllegalStateException("the attacker class must come from the attacker bundle, not the test's");
        }
    }

    /** Installs and starts the attacker bundle of {@code tenant}, or finds the one installed before. */
    static AttackerBundle of(BundleContext context, String tenant) throws BundleException, IOException,
            ClassNotFoundException {
        for (Bundle b : context.getBundles()) {
            if (SYMBOLIC_NAME.equals(b.getSymbolicName()) && b.getState() == Bundle.ACTIVE) {
                return new AttackerBundle(b);
            }
        }
        Bundle b = context.installBundle("test:attacker-" + tenant, new ByteArrayInputStream(jar(tenant)));
        b.start();
        return new AttackerBundle(b);
    }

    Bundle bundle() {
        return bundle;
    }

    BundleContext context() {
        return bundle.getBundleContext();
    }

    /** Runs {@code Attacker.<attack>(attacker's context, arguments...)}. */
    @SuppressWarnings("unchecked")
    Map<String, List<String>> run(String attack, Object... arguments) throws Exception {
        return (Map<String, List<String>>) call(attack, arguments);
    }

    /** Calls a static method of the attacker's {@code Attacker} class with the attacker's context first. */
    Object call(String method, Object... arguments) throws Exception {
        for (var m : attacker.getMethods()) {
            if (m.getName().equals(method) && m.getParameterCount() == arguments.length + 1) {
                Object[] all = new Object[arguments.length + 1];
                all[0] = context();
                System.arraycopy(arguments, 0, all, 1, arguments.length);
                try {
                    return m.invoke(null, all);
                } catch (InvocationTargetException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        }
        throw new NoSuchMethodException(CLASS + "." + method + " with " + arguments.length + " argument(s)");
    }

    private static byte[] jar(String tenant) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", SYMBOLIC_NAME);
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("NativeBundle-Tenant", tenant);
        main.putValue("Import-Package", "org.osgi.framework;version=\"[1.8,2)\",io.nativebundle.api;version=\"[2.0,3)\"");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            for (String name : new String[] {"Attacker", "Attacker$Result"}) {
                String entry = Attacker.class.getPackageName().replace('.', '/') + "/" + name + ".class";
                try (InputStream in = AttackerBundle.class.getClassLoader().getResourceAsStream(entry)) {
                    if (in == null) {
                        throw new IOException("class file " + entry + " is not on the class path");
                    }
                    jar.putNextEntry(new JarEntry(entry));
                    in.transferTo(jar);
                    jar.closeEntry();
                }
            }
        }
        return bytes.toByteArray();
    }
}
