package io.nativebundle.bnd;

import java.util.List;

import aQute.bnd.header.Attrs;
import aQute.bnd.osgi.Analyzer;
import aQute.bnd.osgi.Descriptors.PackageRef;
import aQute.bnd.osgi.Packages;

/**
 * Makes a bundle with a jnr-ffi interface import what jnr-ffi's generated class needs.
 *
 * <p>jnr-ffi defines the class that implements the interface in a class loader whose parent is
 * the interface's bundle, so that bundle must import the provider packages although none of its
 * own classes refer to them. The packages are added to the analyzer's referred set (the plugin
 * runs after class analysis and before imports are computed), so the author's
 * {@code Import-Package} instruction still applies: a {@code !com.kenai.*} there wins, and
 * versions come from the exporters on the build path like for any other import.
 */
final class JnrImports {

    /**
     * What the generated code refers to: the provider and its runtime (jnr.ffi.provider.jffi,
     * com.kenai.jffi), the converters it calls for strings, buffers and by-reference parameters
     * (jnr.ffi.mapper, jnr.ffi.provider.converters, jnr.ffi.byref), and the core types. Found by
     * a NoClassDefFoundError per missing package when a String-taking interface was bound in Felix.
     */
    static final List<String> PACKAGES = List.of("jnr.ffi", "jnr.ffi.byref", "jnr.ffi.mapper", "jnr.ffi.provider",
        "jnr.ffi.provider.converters", "jnr.ffi.provider.jffi", "com.kenai.jffi");

    private JnrImports() {
    }

    static void add(Analyzer analyzer) {
        Packages referred = analyzer.getReferred();
        for (String name : PACKAGES) {
            PackageRef ref = analyzer.getPackageRef(name);
            if (!referred.containsKey(ref) && !analyzer.getContained().containsKey(ref)) {
                referred.put(ref, new Attrs());
            }
        }
    }
}
