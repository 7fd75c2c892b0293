package io.nativebundle.binary;

/**
 * The C library a binary was linked against, as far as the binary tells: from {@code PT_INTERP}
 * ({@code ld-linux*} or {@code ld-musl*}), else from {@code DT_NEEDED} ({@code libc.so.6} or
 * {@code libc.musl-*.so.1} / {@code libc.so}), else from {@code GLIBC_*} version needs.
 */
public enum LibcFlavour {
    GLIBC, MUSL, UNKNOWN
}
