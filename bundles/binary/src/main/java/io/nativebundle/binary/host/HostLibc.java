package io.nativebundle.binary.host;

import java.util.Objects;
import java.util.Optional;

import io.nativebundle.binary.GlibcVersion;
import io.nativebundle.binary.LibcFlavour;

/**
 * The C library this host runs: its flavour and, for glibc, its release, each with where it came
 * from, because a refusal message has to say why the host is what it is.
 *
 * <pre>{@code
 * HostLibc libc = HostPlatform.current().libc();
 * libc.flavour();   // GLIBC
 * libc.version();   // Optional[2.36]
 * libc.source();    // "detected from /proc/self/exe; version from the banner of /usr/lib/x86_64-linux-gnu/libc.so.6"
 * }</pre>
 */
public final class HostLibc {

    private final LibcFlavour flavour;
    private final Optional<GlibcVersion> version;
    private final String source;

    /**
     * @param flavour the flavour, {@link LibcFlavour#UNKNOWN} when nothing tells
     * @param version the glibc release; empty for musl or when unknown
     * @param source  where both came from, for messages
     */
    public HostLibc(LibcFlavour flavour, Optional<GlibcVersion> version, String source) {
        this.flavour = Objects.requireNonNull(flavour, "flavour");
        this.version = flavour == LibcFlavour.GLIBC ? Objects.requireNonNull(version, "version") : Optional.empty();
        this.source = Objects.requireNonNull(source, "source");
    }

    /** glibc, musl, or unknown (not Linux, or nothing recognisable). */
    public LibcFlavour flavour() {
        return flavour;
    }

    /** The glibc release, e.g. {@code 2.36}; empty for musl or when it could not be read. */
    public Optional<GlibcVersion> version() {
        return version;
    }

    /** Where the facts came from, e.g. {@code detected from /proc/self/exe}. */
    public String source() {
        return source;
    }

    /** {@code glibc} or {@code musl}, the values of {@code io.nativebundle.libc}; empty when unknown. */
    public Optional<String> flavourName() {
        return flavour == LibcFlavour.UNKNOWN ? Optional.empty() : Optional.of(name(flavour));
    }

    /** {@code glibc 2.36}, {@code musl} or {@code an unknown libc}. */
    public String describe() {
        return flavour == LibcFlavour.UNKNOWN ? "an unknown libc"
                : name(flavour) + version.map(v -> " " + v).orElse("");
    }

    /** {@code glibc} or {@code musl}: the name of a flavour in settings and messages. */
    static String name(LibcFlavour flavour) {
        return flavour == LibcFlavour.GLIBC ? "glibc" : flavour == LibcFlavour.MUSL ? "musl" : "unknown";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostLibc l && flavour == l.flavour && version.equals(l.version);
    }

    @Override
    public int hashCode() {
        return Objects.hash(flavour, version);
    }

    /** {@code glibc 2.36 (detected from /proc/self/exe; ...)}. */
    @Override
    public String toString() {
        return describe() + " (" + source + ")";
    }
}
