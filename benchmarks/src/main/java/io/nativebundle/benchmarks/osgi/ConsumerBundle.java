package io.nativebundle.benchmarks.osgi;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;

/**
 * Packs the classes of {@code io.nativebundle.benchmarks.consumer} into a bundle that imports
 * the math interface (optionally) and the API, and installs it. The benchmark then loads those classes
 * from the bundle, so each call goes through the same class space and the same
 * {@code invokeinterface} a consumer bundle compiles to, with no reflection per call.
 */
public final class ConsumerBundle {

    /** The symbolic name of the consumer bundle. */
    public static final String SYMBOLIC_NAME = "io.nativebundle.benchmarks.consumer";

    static final String PACKAGE = "io.nativebundle.benchmarks.consumer";
    private static final String[] CLASSES = {"MathCalls", "InvokeCalls", "TypedViews", "AbiCalls", "PointCalls",
        "TypedShapeCalls"};

    private ConsumerBundle() {
    }

    /** Installs and starts the consumer bundle; the math bundle must be installed already. */
    public static Bundle install(EmbeddedFramework felix) throws BundleException {
        try (InputStream in = new ByteArrayInputStream(jar())) {
            Bundle bundle = felix.install("bench:consumer", in);
            bundle.start();
            return bundle;
        } catch (IOException e) {
            throw new BundleException("cannot pack the consumer bundle: " + e, e);
        }
    }

    static byte[] jar() throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", SYMBOLIC_NAME);
        main.putValue("Bundle-Version", "1.0.0");
        // consumer ranges (up to the next major), so that a minor API release of a colleague's
        // build does not leave the benchmark unresolved
        // math optional: the C ABI benchmark runs without the math bundle (AbiCalls uses libc only)
        // abitest and jnr-ffi optional too: only PointCalls (AbiBench's struct by value) and
        // TypedShapeCalls (TypedShapeBench, with jnr-ffi's by-reference classes) use them
        main.putValue("Import-Package", "io.nativebundle.examples.math;version=\"[1.2,2)\";resolution:=optional,"
                + "io.nativebundle.examples.abitest;version=\"[1.0,2)\";resolution:=optional,"
                + "jnr.ffi;version=\"[2.2,3)\";resolution:=optional,"
                + "jnr.ffi.byref;version=\"[2.2,3)\";resolution:=optional,"
                + "io.nativebundle.api;version=\"[2.0,3)\"");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            for (String simpleName : CLASSES) {
                String entry = PACKAGE.replace('.', '/') + "/" + simpleName + ".class";
                try (InputStream in = ConsumerBundle.class.getClassLoader().getResourceAsStream(entry)) {
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
