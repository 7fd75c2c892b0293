package io.nativebundle.runtime;

import java.util.Optional;

/**
 * The C library this JVM runs on, as far as native plugins care: its flavour ({@code glibc} or
 * {@code musl}) and, for glibc, its version.
 */
final class Libc {

    static final String GLIBC = "glibc";
    static final String MUSL = "musl";

    /** Not Linux, or nothing recognisable: the launcher then sets no libc properties. */
    static final Libc UNKNOWN = new Libc(null, null);

    private final String flavour;
    private final String version;

    Libc(String flavour, String version) {
        this.flavour = flavour;
        this.version = version;
    }

    static Libc glibc(String version) {
        return new Libc(GLIBC, version);
    }

    static Libc musl() {
        return new Libc(MUSL, null);
    }

    Optional<String> flavour() {
        return Optional.ofNullable(flavour);
    }

    /** The glibc release, e.g. {@code 2.36}; empty for musl or when it could not be read. */
    Optional<String> version() {
        return Optional.ofNullable(version);
    }

    @Override
    public String toString() {
        return flavour == null ? "unknown libc" : flavour + (version == null ? "" : " " + version);
    }
}
