package io.nativebundle.examples.zlib;

import org.osgi.annotation.versioning.ProviderType;

import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.byref.NativeLongByReference;

/**
 * The typed interface of the host's zlib ({@code libz.so.1}), which the loader finds on the
 * host's library search path, checks ({@code [1.2,2)} by {@code zlibVersion()}) and binds with
 * jnr-ffi. zlib's {@code uLong} is a C {@code unsigned long}, 64 bits on LP64 Linux: a Java
 * {@code long} here, and a {@link NativeLongByReference} where zlib reads and writes a length
 * ({@code uLongf *destLen}).
 *
 * <pre>{@code
 * @Reference
 * Zlib zlib;
 * ...
 * byte[] data = "hello".getBytes(StandardCharsets.UTF_8);
 * long crc = zlib.crc32(0, data, data.length);                        // 907060870
 *
 * byte[] packed = new byte[(int) zlib.compressBound(data.length)];
 * NativeLongByReference packedLength = new NativeLongByReference(packed.length);
 * int status = zlib.compress2(packed, packedLength, data, data.length, Zlib.Z_BEST_COMPRESSION);
 * // status == Z_OK; packedLength.longValue() bytes of packed are the zlib stream
 * }</pre>
 */
@ProviderType
public interface Zlib {

    /** Success. */
    int Z_OK = 0;
    /** The output buffer was too small. */
    int Z_BUF_ERROR = -5;
    /** Not enough memory. */
    int Z_MEM_ERROR = -4;
    /** The input is not a valid zlib stream, or is incomplete. */
    int Z_DATA_ERROR = -3;
    /** A level outside -1..9. */
    int Z_STREAM_ERROR = -2;
    /** zlib's default compression level (6). */
    int Z_DEFAULT_COMPRESSION = -1;
    /** The fastest compression level. */
    int Z_BEST_SPEED = 1;
    /** The smallest output. */
    int Z_BEST_COMPRESSION = 9;

    /**
     * Updates a CRC-32 (the one of {@code java.util.zip.CRC32}) with the first {@code len} bytes of
     * {@code buf}; start with {@code crc = 0}.
     *
     * @return the new CRC, in the low 32 bits
     */
    long crc32(long crc, @In byte[] buf, int len);

    /**
     * Updates an Adler-32 (the one of {@code java.util.zip.Adler32}) with the first {@code len}
     * bytes of {@code buf}; start with {@code adler = 1}.
     *
     * @return the new checksum, in the low 32 bits
     */
    long adler32(long adler, @In byte[] buf, int len);

    /** The largest size {@link #compress2} can produce from {@code sourceLen} bytes. */
    long compressBound(long sourceLen);

    /**
     * Compresses {@code sourceLen} bytes of {@code source} into a zlib stream (RFC 1950, what
     * {@code java.util.zip.Inflater} reads).
     *
     * @param dest    receives the stream; at least {@link #compressBound} bytes guarantee room
     * @param destLen in: the room in {@code dest}; out: the length of the stream
     * @param level   0..9, or {@link #Z_DEFAULT_COMPRESSION}
     * @return {@link #Z_OK}, {@link #Z_BUF_ERROR}, {@link #Z_MEM_ERROR} or {@link #Z_STREAM_ERROR}
     */
    int compress2(@Out byte[] dest, NativeLongByReference destLen, @In byte[] source, long sourceLen, int level);

    /**
     * Decompresses a whole zlib stream (e.g. from {@code java.util.zip.Deflater}).
     *
     * @param dest    receives the data
     * @param destLen in: the room in {@code dest}; out: the length of the data
     * @return {@link #Z_OK}, {@link #Z_BUF_ERROR}, {@link #Z_MEM_ERROR} or {@link #Z_DATA_ERROR}
     */
    int uncompress(@Out byte[] dest, NativeLongByReference destLen, @In byte[] source, long sourceLen);

    /** The version of the host's zlib, e.g. {@code 1.2.13}. */
    String zlibVersion();
}
