package io.nativebundle.api;

/**
 * Why the loader refused a native bundle. Each reason is checked before any native code of the
 * bundle runs; the refusal message says what was expected and what was found.
 */
public enum RefusalReason {
    /** {@code NativeBundle-Library} or another nativebundle header does not parse. */
    MALFORMED_HEADER,
    /** No {@code Bundle-NativeCode} clause matches this platform, or its file is not in the bundle. */
    NO_NATIVE_CODE,
    /** A native path or jar entry leaves the bundle ({@code ..}, absolute path, link). */
    UNSAFE_PATH,
    /** The SHA-256 of the file differs from {@code NativeBundle-Digest}. */
    DIGEST_MISMATCH,
    /** The ELF class or machine differs from this JVM's. */
    WRONG_MACHINE,
    /** The library needs another libc flavour (glibc vs musl). */
    LIBC_MISMATCH,
    /** The library needs a newer glibc than this host has. */
    GLIBC_TOO_OLD,
    /** A declared symbol is not exported with default visibility. */
    SYMBOL_MISSING,
    /** The {@code .note.nativebundle} build note disagrees with the manifest. */
    BUILD_NOTE_MISMATCH,
    /** A {@code DT_NEEDED} library is neither in the bundle nor on the system's search path. */
    DEPENDENCY_MISSING,
    /** The file is not a well-formed ELF shared object. */
    MALFORMED_BINARY,
    /** The declared Java interface cannot be loaded or bound. */
    INTERFACE_MISMATCH,
    /** The tenant is invalid, contradicts its folder, or is over quota. */
    TENANT_REFUSED,
    /** The dynamic linker or jnr-ffi could not open the library. */
    LOAD_FAILED,
    /**
     * The host library named by {@code system=} in {@code NativeBundle-Library} is not on the
     * host's default library search path (as an ELF file of this JVM's class and machine); the
     * message lists the directories searched.
     *
     * @since 1.2
     */
    SYSTEM_LIBRARY_MISSING,
    /**
     * The host library's actual version lies outside the range {@code NativeBundle-Library}
     * declares; the message names the range, the version found and where it was read from (the
     * {@code version-symbol} function, the real file name or the {@code SONAME}).
     *
     * @since 1.2
     */
    VERSION_MISMATCH,
    /**
     * The library runs out of process and its host process crashed too often: more than
     * {@code io.nativebundle.host.crash.limit} times within {@code io.nativebundle.host.crash.window};
     * the message names the last crashes. It stays refused until the bundle is started again.
     *
     * @since 2.1
     */
    HOST_CRASHED,
    /**
     * A trust store is configured (framework properties {@code io.nativebundle.trust.*}, the
     * tenant's {@code io.nativebundle.tenant.<t>.trust.*}, or its Config Admin policy), and no valid
     * signature by a trusted certificate covers the bundle's manifest and every native file of the
     * selected clause: the bundle is unsigned, signed by an untrusted, expired or revoked
     * certificate, or was changed after signing. The message names the signer found (or
     * {@code unsigned}) and the trusted subjects.
     *
     * @since 2.1
     */
    UNTRUSTED,
    /**
     * A lock file is configured ({@code io.nativebundle.lockfile}) and the SHA-256 of a native file
     * of the library is not locked in it for the bundle's tenant; the message names the digest.
     *
     * @since 2.1
     */
    NOT_LOCKED
}
