package io.nativebundle.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.nativebundle.testsupport.Processes;

/**
 * A command run on a pseudo-terminal by util-linux {@code script}, as a person at a terminal
 * would run it: keys are typed into it, and what it draws is read back with the terminal's
 * escape sequences taken out. {@link #close} kills it and everything it started, by pid.
 */
final class PseudoTerminal implements AutoCloseable {

    private static final String ESCAPES = "\u001B(\\[[0-9;?]*[A-Za-z]|[=>]|\\][^\u0007]*\u0007)";

    private final Process script;
    private final OutputStream keys;
    private final StringBuilder screen = new StringBuilder();
    private final Thread reader;

    private PseudoTerminal(Process script) {
        this.script = script;
        this.keys = script.getOutputStream();
        this.reader = new Thread(this::read, "pty-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code command} (a shell command line) on a terminal of {@code columns} x 40. */
    static PseudoTerminal start(String command, int columns) throws IOException {
        // script's terminal has no size of its own; JLine needs one to lay out the line
        String sized = "stty cols " + columns + " rows 40; exec " + command;
        ProcessBuilder builder = new ProcessBuilder("script", "-qfec", sized, "/dev/null").redirectErrorStream(true);
        // a terminal type with arrow keys: the test JVM may have none, or "dumb"
        builder.environment().put("TERM", "xterm");
        return new PseudoTerminal(builder.start());
    }

    /** Single-quotes {@code word} for the shell. */
    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    void type(String text) throws IOException {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    /** What the terminal showed so far, escape sequences removed. */
    synchronized String screen() {
        return screen.toString().replaceAll(ESCAPES, "");
    }

    /** Waits until what the terminal showed fits {@code condition}; fails with the screen after {@code timeout}. */
    synchronized String await(String what, Predicate<String> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.test(screen())) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || (!script.isAlive() && !reader.isAlive())) {
                throw new AssertionError("the terminal never showed " + what + "; it shows:\n" + screen());
            }
            wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
        return screen();
    }

    /** Waits for the command to end; returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!script.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("the command did not end within " + timeout.toSeconds() + " s; the terminal shows:\n"
                    + screen());
        }
        return script.exitValue();
    }

    private void read() {
        byte[] buffer = new byte[4096];
        try (InputStream in = script.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                synchronized (this) {
                    screen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // the terminal closed
        } finally {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    /** Kills script and everything below it, by pid, and waits until they are gone. */
    @Override
    public void close() {
        List<Long> left = Processes.kill(script.toHandle(), Duration.ofSeconds(30));
        if (!left.isEmpty()) {
            throw new AssertionError("processes " + left + " did not end when killed");
        }
    }
}
