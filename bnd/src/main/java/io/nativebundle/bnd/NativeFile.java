package io.nativebundle.bnd;

/**
 * A file under {@code native/<os>/<arch>/} in the bundle, with its content read once.
 *
 * @param path     the path in the jar, e.g. {@code native/linux/x86-64/libmath.so}
 * @param platform the platform folder it sits in
 * @param content  the bytes
 */
record NativeFile(String path, Platform platform, byte[] content) {

    /** The file name without folders, e.g. {@code libmath.so}. */
    String fileName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
