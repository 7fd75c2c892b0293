package io.nativebundle.benchmarks.lifecycle;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a lifecycle measurement in a JVM of its own (so that one measurement's heap, loaded
 * libraries and JIT state never leak into the next) and reads its {@code RESULT} line. Other
 * output is passed through, indented.
 */
final class Subprocess {

    private static final long TIMEOUT_MINUTES = 10;

    private Subprocess() {
    }

    /** Runs {@code mainClass} with this JVM's class path; returns its RESULT values. */
    static Map<String, String> java(Class<?> mainClass, List<String> jvmArgs, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        Map<String, String> result = Map.of("error", mainClass.getSimpleName() + " printed no RESULT line");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader out = reader(process)) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(Result.PREFIX)) {
                    result = Result.parse(line);
                } else {
                    System.out.println("    | " + line);
                }
            }
        }
        await(process, mainClass.getSimpleName());
        return result;
    }

    /** Milliseconds from spawning the command until it prints a line equal to {@code readyLine}, or until it exits 0 when that is null. */
    static double timeUntil(List<String> command, String readyLine, Path workingDirectory) throws IOException {
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true).start();
        long ready = -1;
        StringBuilder output = new StringBuilder();
        try (BufferedReader out = reader(process)) {
            String line;
            while ((line = out.readLine()) != null) {
                if (ready < 0 && line.equals(readyLine)) {
                    ready = System.nanoTime();
                }
                output.append("    | ").append(line).append('\n');
            }
        }
        int exit = await(process, command.get(0));
        long end = System.nanoTime();
        if (readyLine == null && exit == 0) {
            ready = end;
        }
        if (ready < 0) {
            throw new IOException(String.join(" ", command) + " exited with " + exit + " before it was ready:\n" + output);
        }
        return (ready - t0) / 1e6;
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static BufferedReader reader(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    private static int await(Process process, String what) throws IOException {
        try {
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException(what + " did not finish within " + TIMEOUT_MINUTES + " minutes; killed");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while waiting for " + what, e);
        }
    }
}
