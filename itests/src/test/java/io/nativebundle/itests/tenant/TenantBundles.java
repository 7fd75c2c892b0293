package io.nativebundle.itests.tenant;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.testsupport.BundleRewriter;

/**
 * Builds the bundles of a multi-tenant deployment from the real example jars.
 *
 * <p>The math example exports its own interface package (and imports it). Two tenants' copies of
 * it would then export {@code io.nativebundle.examples.math} twice; each consumer wires to one exporter, and the
 * service of the other is not assignable to it, so the framework would hide it for a reason that
 * has nothing to do with tenants. So the interface moves into one API bundle that only exports
 * the package, and every tenant's native bundle imports it instead.
 *
 * <p>Tenants run different versions of the same library. The second version is the real
 * {@code libmath.so} with the version in its build note ({@code version=1.2.0} in
 * {@code .note.nativebundle}) and in {@code nativebundle_info()} patched in place to 1.3.0, the
 * same number of bytes, with the manifest and digests to match. The file is then a different
 * library as far as every check before {@code dlopen} can tell, without a second C build.
 */
public final class TenantBundles {

    public static final String API_PACKAGE = "io.nativebundle.examples.math";
    static final String MATH_BSN = "io.nativebundle.examples.math";
    private static final String NATIVE = "native/";

    private TenantBundles() {
    }

    /** The API bundle: the math example's interface package and nothing native. */
    public static File api() throws IOException {
        BundleRewriter api = BundleRewriter.of(NativeBundleOptions.jar("math"))
                .symbolicName("io.nativebundle.itests.math.api")
                .header("Bundle-Name", "nativebundle itests: math API")
                .removeEntries(NATIVE);
        for (String header : new String[] {"Bundle-NativeCode", "NativeBundle-Library", "NativeBundle-Digest",
                "NativeBundle-Symbols", "Provide-Capability", "Require-Capability"}) {
            api.header(header, null);
        }
        // kept: Export-Package of the interface, and the jnr imports that the class loader jnr-ffi
        // defines the binding in needs (its parent is the interface's bundle)
        return api.write(NativeBundleOptions.rewritten());
    }

    /**
     * A native math bundle that imports the interface package.
     *
     * @param version the library version, 1.2.0 (as built) or 1.3.0 (patched)
     * @param tenant  the {@code NativeBundle-Tenant} header, or null for none
     */
    public static BundleRewriter math(String symbolicName, String version, String tenant) throws IOException {
        BundleRewriter math = importingInterface(BundleRewriter.of(NativeBundleOptions.jar("math")))
                .symbolicName(symbolicName)
                .header("Bundle-Version", version)
                .header("NativeBundle-Tenant", tenant);
        if (!version.equals("1.2.0")) {
            math.replaceBytes(NATIVE, "version=1.2.0", "version=" + version)
                    .replaceBytes(NATIVE, "math 1.2.0 (", "math " + version + " (");
            math.header("NativeBundle-Library", math.header("NativeBundle-Library").replace("1.2.0", version))
                    .header("Provide-Capability", math.header("Provide-Capability").replace("1.2.0", version));
        }
        return math.fixDigests();
    }

    /**
     * A native library named {@code calc} without a Java interface: the loader publishes only its
     * {@code NativeLibrary} description. It is the real libmath.so renamed in its build note.
     */
    static BundleRewriter calc(String symbolicName) throws IOException {
        BundleRewriter calc = importingInterface(BundleRewriter.of(NativeBundleOptions.jar("math")))
                .symbolicName(symbolicName)
                .replaceBytes(NATIVE, "library=math", "library=calc")
                .replaceBytes(NATIVE, "math 1.2.0 (", "calc 1.2.0 (")
                .header("NativeBundle-Library", "calc;version=1.2.0");
        calc.header("Provide-Capability", calc.header("Provide-Capability").replace("=math", "=calc"));
        return calc.fixDigests();
    }

    /** The example SCR consumer under another symbolic name, optionally with a tenant header. */
    static BundleRewriter consumer(String symbolicName, String tenant) throws IOException {
        return BundleRewriter.of(NativeBundleOptions.jar("consumer"))
                .symbolicName(symbolicName)
                .header("NativeBundle-Tenant", tenant);
    }

    /**
     * Writes {@code bundle} to {@code folder/name}, written next to the plugins folder first and
     * then renamed, so that FileInstall never reads half a jar.
     */
    static File deploy(BundleRewriter bundle, File folder, String name) throws IOException {
        Path dir = Files.createDirectories(folder.toPath());
        Path part = Files.createTempFile(NativeBundleOptions.WORK.toPath(), name, ".part");
        Files.write(part, bundle.toBytes());
        return Files.move(part, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE).toFile();
    }

    private static BundleRewriter importingInterface(BundleRewriter math) {
        String imports = math.header("Import-Package");
        // the example already imports the package it exports (the bnd plugin makes it substitutable)
        boolean imported = imports != null && Arrays.stream(imports.split(","))
                .anyMatch(clause -> clause.strip().startsWith(API_PACKAGE + ";") || clause.strip().equals(API_PACKAGE));
        return math.removeEntries(API_PACKAGE.replace('.', '/') + "/")
                .header("Export-Package", null)
                .header("Import-Package", imported ? imports
                        : API_PACKAGE + ";version=\"[1.2,2)\"" + (imports == null ? "" : "," + imports));
    }
}
