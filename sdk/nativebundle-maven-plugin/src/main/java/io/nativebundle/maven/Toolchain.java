package io.nativebundle.maven;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.maven.plugin.MojoFailureException;

/**
 * Chooses the compiler for a target and a language: the plain driver ({@code gcc}, {@code g++})
 * when the target is this machine, the cross driver ({@code aarch64-linux-gnu-gcc}) otherwise,
 * or what {@code CC_X86_64}, {@code CC_AARCH64}, {@code CXX_X86_64} or {@code CXX_AARCH64} names.
 * A compiler that is not there fails the build at once, saying which one and how to install it.
 */
final class Toolchain {

    private final Map<String, String> environment;

    /** @param environment the process environment, normally {@code System.getenv()} */
    Toolchain(Map<String, String> environment) {
        this.environment = environment;
    }

    /** The variable that overrides the compiler of this language for this target: {@code CC_AARCH64}. */
    static String variable(Language language, TargetPlatform target) {
        return language.envPrefix() + target.arch().envSuffix();
    }

    /** The compiler used when no variable overrides it. */
    static String defaultCompiler(Language language, TargetPlatform target) {
        return target.isHost() ? language.driver() : target.arch().triple() + "-" + language.driver();
    }

    /** The Debian/Ubuntu package of the cross compiler: {@code gcc-aarch64-linux-gnu}. */
    static String debianPackage(Language language, TargetPlatform target) {
        String driver = language.driver();
        return target.isHost() ? driver : driver + "-" + target.arch().triple().replace('_', '-');
    }

    /**
     * The compiler to run.
     *
     * @throws MojoFailureException when it is neither an executable path nor found on {@code PATH}
     */
    String compiler(Language language, TargetPlatform target) throws MojoFailureException {
        String variable = variable(language, target);
        String configured = environment.get(variable);
        boolean overridden = configured != null && !configured.isBlank();
        String compiler = overridden ? configured.trim() : defaultCompiler(language, target);
        if (!onPath(compiler, environment)) {
            throw new MojoFailureException(missing(language, target, compiler, overridden));
        }
        return compiler;
    }

    private String missing(Language language, TargetPlatform target, String compiler, boolean overridden) {
        String where = compiler.contains("/") ? "does not exist or is not executable" : "was not found on PATH";
        return "[nativebundle] the " + language.description() + " for " + target + ", '" + compiler + "', " + where
                + (overridden ? " (set by " + variable(language, target) + ")" : "") + ".\n"
                + "[nativebundle]   Install it with:   apt-get update && apt-get install -y "
                + debianPackage(language, target) + "   (Debian/Ubuntu)\n"
                + "[nativebundle]   or point " + variable(language, target) + " at a " + language.description()
                + " for " + target + ",\n"
                + "[nativebundle]   or build for this machine only: -Dnativebundle.targets=host";
    }

    /**
     * Checks that the target's compiler finds {@code lib<name>.a}, which the output links statically.
     *
     * @param found what {@code <compiler> -print-file-name=lib<name>.a} printed: a path when found,
     *              the bare file name when not
     * @throws MojoFailureException naming the library, the target and how to install it
     */
    static void requireStaticLibrary(String name, TargetPlatform target, String compiler, String found)
            throws MojoFailureException {
        String file = "lib" + name + ".a";
        if (found != null && !found.strip().equals(file) && found.strip().endsWith("/" + file)) {
            return;
        }
        String debian = target.arch().debianArch();
        throw new MojoFailureException("[nativebundle] the static library " + file + " for " + target + " was not found by '"
                + compiler + "' (it links the output statically, so that the target machine needs no lib" + name + ").\n"
                + "[nativebundle]   Install it with:   dpkg --add-architecture " + debian + " && apt-get update"
                + " && apt-get install -y lib" + name + "-dev:" + debian + "   (Debian/Ubuntu multiarch;"
                + " scripts/install-toolchain.sh does this)\n"
                + "[nativebundle]   or build for this machine only: -Dnativebundle.targets=host");
    }

    /** Whether {@code command} is an executable path, or an executable file in a folder of {@code PATH}. */
    static boolean onPath(String command, Map<String, String> environment) {
        if (command.contains("/")) {
            return Files.isExecutable(Path.of(command));
        }
        String path = environment.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
