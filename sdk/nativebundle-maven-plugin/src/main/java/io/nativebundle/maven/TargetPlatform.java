package io.nativebundle.maven;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A platform a native library is built for, named as the jar lays it out: {@code linux/x86-64}
 * is the folder {@code native/linux/x86-64/} and the {@code Bundle-NativeCode} clause
 * {@code osname=Linux;processor=x86-64}. {@code host} stands for the machine that runs the build.
 *
 * <p>This is a table of toolchains (which GNU triple, which compiler package, which environment
 * variable builds for which OSGi processor), not a platform detector: only {@link #host()} looks
 * at this JVM, to decide whether the plain {@code gcc} or the cross compiler builds a target.
 *
 * <p>Not named {@code Target}: Maven would try to build a {@code <target>} element of the pom into
 * a class of that name in the mojo's package.
 */
final class TargetPlatform {

    /** The processors this plugin can build for, with their GNU toolchain names. */
    enum Arch {
        X86_64("x86-64", "x86_64-linux-gnu", "X86_64", "amd64", Set.of("x86_64", "amd64")),
        AARCH64("aarch64", "aarch64-linux-gnu", "AARCH64", "arm64", Set.of("aarch64", "arm64"));

        private final String processor;
        private final String triple;
        private final String envSuffix;
        private final String debianArch;
        private final Set<String> javaNames;

        Arch(String processor, String triple, String envSuffix, String debianArch, Set<String> javaNames) {
            this.processor = processor;
            this.triple = triple;
            this.envSuffix = envSuffix;
            this.debianArch = debianArch;
            this.javaNames = javaNames;
        }

        /** Debian's name of the architecture, for multiarch packages: {@code arm64}. */
        String debianArch() {
            return debianArch;
        }

        /** The OSGi processor name, also the folder name: {@code x86-64}. */
        String processor() {
            return processor;
        }

        /** The GNU triple that prefixes the cross compiler: {@code aarch64-linux-gnu}. */
        String triple() {
            return triple;
        }

        /** The suffix of the environment variables that override the compiler: {@code CC_AARCH64}. */
        String envSuffix() {
            return envSuffix;
        }

        static Optional<Arch> ofProcessor(String name) {
            for (Arch arch : values()) {
                if (arch.processor.equals(name)) {
                    return Optional.of(arch);
                }
            }
            return Optional.empty();
        }

        static Optional<Arch> ofJavaOsArch(String osArch) {
            String name = osArch.toLowerCase(Locale.ROOT);
            for (Arch arch : values()) {
                if (arch.javaNames.contains(name)) {
                    return Optional.of(arch);
                }
            }
            return Optional.empty();
        }
    }

    static final String HOST = "host";
    static final String LINUX = "linux";
    /** What a native bundle is built for unless its pom says otherwise. */
    static final String DEFAULTS = "linux/x86-64,linux/aarch64";

    private final Arch arch;
    private final boolean host;

    private TargetPlatform(Arch arch, boolean host) {
        this.arch = arch;
        this.host = host;
    }

    /**
     * Parses {@code linux/x86-64}, {@code linux/aarch64} or {@code host}.
     *
     * @throws IllegalArgumentException naming what was expected and what was found
     */
    static TargetPlatform parse(String spec, String javaOsArch) {
        String text = spec.trim();
        Optional<Arch> hostArch = Arch.ofJavaOsArch(javaOsArch);
        if (text.equals(HOST)) {
            return new TargetPlatform(hostArch.orElseThrow(() -> new IllegalArgumentException("target 'host': this machine's "
                    + "os.arch '" + javaOsArch + "' is none of the supported processors " + processors())), true);
        }
        String[] parts = text.split("/", -1);
        Optional<Arch> arch = parts.length == 2 && parts[0].equals(LINUX) ? Arch.ofProcessor(parts[1]) : Optional.empty();
        if (arch.isEmpty()) {
            throw new IllegalArgumentException("unknown target '" + text + "'; expected host or linux/<processor> "
                    + "with a processor of " + processors() + ", e.g. linux/x86-64");
        }
        return new TargetPlatform(arch.get(), hostArch.equals(arch));
    }

    /** This machine as a target. */
    static TargetPlatform host() {
        return parse(HOST, System.getProperty("os.arch"));
    }

    private static String processors() {
        StringBuilder sb = new StringBuilder();
        for (Arch a : Arch.values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(a.processor());
        }
        return sb.toString();
    }

    Arch arch() {
        return arch;
    }

    /** Whether this machine runs this target's code, so the plain {@code gcc} builds it. */
    boolean isHost() {
        return host;
    }

    String os() {
        return LINUX;
    }

    /** {@code linux/x86-64}: the folder under {@code native/} and the name in messages. */
    String folder() {
        return os() + "/" + arch.processor();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TargetPlatform t && t.arch == arch;
    }

    @Override
    public int hashCode() {
        return arch.hashCode();
    }

    @Override
    public String toString() {
        return folder();
    }
}
