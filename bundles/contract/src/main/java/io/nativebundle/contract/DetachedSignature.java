package io.nativebundle.contract;

/**
 * Where the detached signature of a {@code .nativebundle} drop-in lives. Beside the descriptor it is
 * {@code <descriptor>.sig} ({@code libz.nativebundle.sig}): a signed jar whose manifest lists the
 * SHA-256 of the descriptor and of its library file by file name, with the {@code META-INF/*.SF}
 * file and block of its signer; the two files themselves may be left out of it. The wrapper copies
 * the descriptor and its signature into the bundle it writes, under {@link #FOLDER}, and the loader
 * checks the signature against that copy of the descriptor and the library it opens.
 *
 * <pre>
 * jar --create --file libz.nativebundle.sig libz.nativebundle libz.so
 * jarsigner -keystore signer.p12 libz.nativebundle.sig signer
 * </pre>
 */
public final class DetachedSignature {

    /** The suffix of a detached signature file, after the descriptor's own name. */
    public static final String SUFFIX = ".sig";
    /** The folder of a wrapped bundle that holds its descriptor and the descriptor's signature. */
    public static final String FOLDER = "META-INF/nativebundle/";

    private DetachedSignature() {
    }

    /** {@code libz.nativebundle} → {@code libz.nativebundle.sig}. */
    public static String fileOf(String descriptor) {
        return descriptor + SUFFIX;
    }

    /** The entry of a wrapped bundle that holds the descriptor, e.g. {@code META-INF/nativebundle/libz.nativebundle}. */
    public static String descriptorEntry(String descriptor) {
        return FOLDER + descriptor;
    }

    /** The entry of a wrapped bundle that holds the descriptor's signature. */
    public static String signatureEntry(String descriptor) {
        return FOLDER + fileOf(descriptor);
    }
}
