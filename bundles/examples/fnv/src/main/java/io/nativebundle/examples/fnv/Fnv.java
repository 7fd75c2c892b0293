package io.nativebundle.examples.fnv;

/**
 * FNV-1a, 64 bits, from a Rust library ({@code src/main/rust}, built by cargo): the typed interface
 * of the {@code fnv} native bundle. Rust's {@code u64} comes back as a Java {@code long} with the
 * same 64 bits; {@link Long#toUnsignedString(long, int)} prints it as the usual hex.
 *
 * <pre>{@code
 * @Reference(target = "(nativebundle.library=fnv)")
 * Fnv fnv;
 * long hash = fnv.fnv1a64("hello");            // 0xa430d84680aabd0b
 * }</pre>
 */
public interface Fnv {

    /** The hash of the UTF-8 bytes of {@code text}. */
    long fnv1a64(String text);

    /** The hash of the first {@code length} bytes of {@code data}. */
    long fnv1a64_bytes(byte[] data, long length);
}
