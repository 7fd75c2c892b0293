package io.nativebundle.examples.abitest;

import static org.junit.Assert.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The C compiler of one target of the build, found as nativebundle-maven-plugin finds it: the
 * machine's {@code gcc} for its own processor, the Debian cross driver
 * ({@code aarch64-linux-gnu-gcc}, {@code x86_64-linux-gnu-gcc}) for the other. The targets are
 * the build's ({@code -Dnativebundle.targets}, both by default, {@code host} for this machine
 * only), so a build that needs the cross compiler for its libraries needs it here too, and fails
 * the same way without it.
 */
record CCompiler(String target, String command) {

    private static final String DEFAULT_TARGETS = "linux/x86-64,linux/aarch64";

    /** This machine's target, which its own {@code gcc} compiles for. */
    static final String HOST = "linux/" + ("aarch64".equals(System.getProperty("os.arch")) ? "aarch64" : "x86-64");

    /** The compilers of the targets {@code -Dnativebundle.targets} names. */
    static List<CCompiler> ofBuildTargets() {
        String targets = System.getProperty("nativebundle.targets", "");
        if (targets.isBlank() || targets.startsWith("${")) {
            targets = DEFAULT_TARGETS;
        }
        List<CCompiler> compilers = new ArrayList<>();
        for (String t : targets.split(",")) {
            String target = t.trim().equals("host") ? HOST : t.trim();
            String processor = target.substring(target.indexOf('/') + 1);
            compilers.add(new CCompiler(target, target.equals(HOST) ? "gcc"
                    : processor.replace('-', '_') + "-linux-gnu-gcc"));
        }
        return compilers;
    }

    /**
     * Compiles {@code source} to an object file ({@code -c}, C11, warnings as errors).
     *
     * @return what the compiler printed when it failed, null when it succeeded
     * @throws AssertionError when the compiler is not installed, saying how to install it
     */
    String compile(Path folder, String name, String source, String... options) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("-c"));
        arguments.addAll(Arrays.asList(options));
        return run(folder, name, source, ".o", arguments);
    }

    /**
     * Compiles and links {@code source} to a program ({@code folder/name-<target>}), with
     * {@code options} (libraries) after the source, as the linker wants them.
     *
     * @throws AssertionError when the compiler is not installed or the program does not build
     */
    Path program(Path folder, String name, String source, String... options) throws IOException, InterruptedException {
        String failure = run(folder, name, source, "", Arrays.asList(options));
        if (failure != null) {
            fail(failure);
        }
        return folder.resolve(name + "-" + target.replace('/', '-'));
    }

    private String run(Path folder, String name, String source, String suffix, List<String> options)
            throws IOException, InterruptedException {
        requireOnPath(command, "the C compiler for " + target, "the contract's struct layouts cannot be checked for "
                + target, target.endsWith("aarch64") ? "gcc-aarch64-linux-gnu libc6-dev-arm64-cross"
                        : "gcc-x86-64-linux-gnu libc6-dev-amd64-cross");
        String base = name + "-" + target.replace('/', '-');
        Path c = Files.writeString(folder.resolve(base + ".c"), source);
        List<String> command = new ArrayList<>(List.of(this.command, "-std=c11", "-Wall", "-Werror", c.toString()));
        command.addAll(options);
        command.addAll(List.of("-o", folder.resolve(base + suffix).toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                fail(command + " did not finish in 2 minutes");
            }
            return p.exitValue() == 0 ? null : command + " failed:\n" + new String(out, StandardCharsets.UTF_8);
        } finally {
            p.destroyForcibly();
        }
    }

    /**
     * Fails unless {@code program} is on {@code PATH}, saying what cannot be checked without it
     * and how to install it: as the build does for a missing compiler.
     */
    static void requireOnPath(String program, String what, String consequence, String debianPackages) {
        if (!onPath(program)) {
            fail(what + ", '" + program + "', was not found on PATH, so " + consequence + ".\n  Install it with"
                    + " scripts/install-toolchain.sh (Debian/Ubuntu: apt-get install -y " + debianPackages + "),\n"
                    + "  or build for this machine only: -Dnativebundle.targets=host");
        }
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
