package io.nativebundle.benchmarks.lifecycle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.nativebundle.benchmarks.BenchPaths;

/**
 * Runs the lifecycle measurements, each in a fresh JVM: install-to-service latency, the scale
 * runs for each N, and the cold start of the runtime to a ready shell.
 */
public final class LifecycleRunner {

    /** The launcher script of the distribution the runtime module builds. */
    static final String LAUNCHER = "runtime/target/nativebundle/bin/nativebundle";

    private static final List<String> JVM = jvm("-Xmx2g");

    private LifecycleRunner() {
    }

    public static LifecycleResults run(int warmup, int installs, int[] sizes, int coldStarts) throws IOException {
        System.out.println("[bench] install to service: " + warmup + " warm-up + " + installs + " measured installs");
        Map<String, String> install = Subprocess.java(InstallLatency.class, JVM,
                String.valueOf(warmup), String.valueOf(installs));
        System.out.println("[bench]   " + install);
        List<Map<String, String>> scale = new ArrayList<>();
        for (int n : sizes) {
            System.out.println("[bench] scale: " + n + " native bundles into one framework");
            Map<String, String> values = Subprocess.java(ScaleRun.class, JVM, String.valueOf(n));
            System.out.println("[bench]   " + values);
            scale.add(values);
        }
        return coldStart(install, scale, coldStarts);
    }

    private static LifecycleResults coldStart(Map<String, String> install, List<Map<String, String>> scale, int runs) {
        Path launcher = BenchPaths.repositoryRoot().resolve(LAUNCHER);
        boolean distribution = Files.isExecutable(launcher);
        String how = distribution
                ? LAUNCHER + " --cache <fresh folder> exec 'lb', to process exit"
                : "embedded stand-in (no " + LAUNCHER + " yet): new JVM, Felix + core bundles + math, Gogo 'lb', to its output";
        System.out.println("[bench] cold start, " + runs + " runs: " + how);
        double[] samples = new double[runs];
        try {
            for (int i = 0; i < runs; i++) {
                samples[i] = distribution ? launcherOnce(launcher) : embeddedOnce();
                System.out.printf("[bench]   run %d: %.0f ms%n", i + 1, samples[i]);
            }
            return new LifecycleResults(install, scale, samples, how, null);
        } catch (IOException e) {
            System.out.println("[bench]   cold start failed: " + e.getMessage());
            return new LifecycleResults(install, scale, new double[0], how, e.getMessage());
        }
    }

    private static double launcherOnce(Path launcher) throws IOException {
        Path cache = BenchPaths.newWorkDir("launcher-cache");
        return Subprocess.timeUntil(List.of(launcher.toString(), "--cache", cache.toString(), "exec", "lb"), null,
                BenchPaths.repositoryRoot());
    }

    /** {@code options} plus the JVM flags of the parent pom, which every runtime JVM gets. */
    private static List<String> jvm(String... options) {
        List<String> jvm = new ArrayList<>(List.of(options));
        jvm.addAll(BenchPaths.jvmFlags());
        return jvm;
    }

    private static double embeddedOnce() throws IOException {
        List<String> command = new ArrayList<>(List.of(Subprocess.javaExecutable()));
        command.addAll(jvm());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), EmbeddedColdStart.class.getName()));
        return Subprocess.timeUntil(command, EmbeddedColdStart.READY, BenchPaths.target());
    }
}
