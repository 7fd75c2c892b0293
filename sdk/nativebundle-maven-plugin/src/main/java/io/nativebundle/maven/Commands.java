package io.nativebundle.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * Runs the external tools (compilers, cargo) and turns a failure into a build error that shows
 * the command line and everything the tool printed.
 */
final class Commands {

    private final Log log;

    Commands(Log log) {
        this.log = log;
    }

    /**
     * Runs a query such as {@code gcc -print-file-name=libffi.a} and returns what it printed,
     * stripped; a tool that cannot start or fails gives an empty answer, which the caller reports.
     */
    String output(List<String> command, Path directory) {
        log.debug("[nativebundle] " + String.join(" ", command));
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor() == 0 ? output.strip() : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /**
     * Runs {@code command} in {@code directory} and waits for it.
     *
     * @param what       what the command does, for messages: {@code compiling libmath.so for linux/x86-64}
     * @param environment variables to add to this process's environment
     * @throws MojoFailureException when it exits with another status than 0
     */
    void run(String what, List<String> command, Path directory, Map<String, String> environment)
            throws MojoExecutionException, MojoFailureException {
        log.debug("[nativebundle] " + String.join(" ", command));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new MojoExecutionException("[nativebundle] " + what + ": cannot start " + command.get(0) + ": "
                    + e.getMessage(), e);
        }
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = process.waitFor();
            if (status != 0) {
                throw new MojoFailureException("[nativebundle] " + what + " failed (exit status " + status + "):\n  "
                        + String.join(" ", command) + "\n" + output);
            }
            if (!output.isBlank()) {
                log.info(output.strip());
            }
        } catch (IOException e) {
            process.destroyForcibly();
            throw new MojoExecutionException("[nativebundle] " + what + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("[nativebundle] " + what + ": interrupted", e);
        }
    }
}
