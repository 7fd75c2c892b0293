package io.nativebundle.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.nativebundle.testsupport.Processes;

/**
 * A process a test starts: its output goes to files, and it is stopped by the test, by pid with
 * all its children, when it outlives its time or the test gives up on it.
 */
final class Subprocess implements AutoCloseable {

    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(30);

    /** What a finished process printed and returned. */
    record Result(int exitCode, String out, String err) {

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final Process process;
    private final List<String> command;
    private final Path out;
    private final Path err;

    private Subprocess(Process process, List<String> command, Path out, Path err) {
        this.process = process;
        this.command = command;
        this.out = out;
        this.err = err;
    }

    /**
     * Starts {@code command} in {@code directory} with {@code stdin} as its input (closed after),
     * its output in {@code logs}.
     */
    static Subprocess start(List<String> command, Path directory, Map<String, String> environment, String stdin,
            Path logs) throws IOException {
        Files.createDirectories(logs);
        Path out = Files.createTempFile(logs, "out-", ".log");
        Path err = Files.createTempFile(logs, "err-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        return new Subprocess(process, command, out, err);
    }

    /**
     * Waits for the end, at most {@code timeout}; a process that does not end in time is killed
     * with its children and fails the test with what it printed so far.
     */
    Result finish(Duration timeout) throws IOException, InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            close();
            throw new AssertionError(String.join(" ", command) + " did not end within " + timeout.toSeconds()
                    + " s and was killed (pid " + process.pid() + ")\n--- stdout\n" + tail(out) + "--- stderr\n"
                    + tail(err));
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** Kills the process and everything it started, by pid, and waits until they are gone; nothing when it has ended. */
    @Override
    public void close() {
        List<Long> left = Processes.kill(process.toHandle(), KILL_TIMEOUT);
        if (!left.isEmpty()) {
            throw new AssertionError(String.join(" ", command) + ": processes " + left + " did not end when killed");
        }
    }

    /** The last 60 lines of a log, enough to see why a build failed. */
    static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size())) + "\n";
    }
}
