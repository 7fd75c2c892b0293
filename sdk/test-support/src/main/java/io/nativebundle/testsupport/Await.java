package io.nativebundle.testsupport;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Waits for a condition, not for a time: a test says what it waits for and how long it may take
 * at most, and goes on the moment the condition holds. A sleep is a guess about the machine's
 * speed; this is the one place that polls, and its failure says what did not happen and what was
 * seen last.
 *
 * <pre>{@code
 * Bundle math = Await.value("the math bundle installed by FileInstall", () -> find(context, "math"));
 * Await.until("the library unmapped", () -> !mapped("libmath.so"));
 * }</pre>
 */
public final class Await {

    /** How long a test waits unless it says otherwise: generous, since CI machines are shared. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    private static final long FIRST_PAUSE_NANOS = TimeUnit.MICROSECONDS.toNanos(500);
    private static final long LONGEST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    /** A probe of the state a test waits for: the value once there, {@code null} until then. */
    @FunctionalInterface
    public interface Probe<T> {
        T get() throws Exception;
    }

    /** A condition a test waits for. */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    private Await() {
    }

    /** Waits up to {@link #DEFAULT_TIMEOUT} for a non-null value of {@code probe}. */
    public static <T> T value(String what, Probe<T> probe) {
        return value(what, DEFAULT_TIMEOUT, probe);
    }

    /**
     * Waits up to {@code timeout} for a non-null value of {@code probe} and returns it. An exception
     * of the probe counts as "not yet" and is reported if the wait fails.
     *
     * @throws AssertionError naming {@code what}, the timeout and the last value or exception seen
     */
    public static <T> T value(String what, Duration timeout, Probe<T> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = FIRST_PAUSE_NANOS;
        Object last = null;
        while (true) {
            try {
                T value = probe.get();
                if (value != null) {
                    return value;
                }
                last = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            } catch (Exception e) {
                last = e;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                AssertionError failure = new AssertionError(what + " did not happen within " + timeout.toMillis()
                        + " ms" + (last == null ? "" : "; last: " + last));
                if (last instanceof Throwable t) {
                    failure.initCause(t);
                }
                throw failure;
            }
            pause(Math.min(pause, left));
            pause = Math.min(pause * 2, LONGEST_PAUSE_NANOS);
        }
    }

    /** Waits up to {@link #DEFAULT_TIMEOUT} until {@code condition} holds. */
    public static void until(String what, Condition condition) {
        until(what, DEFAULT_TIMEOUT, condition);
    }

    /**
     * Waits up to {@code timeout} until {@code condition} holds.
     *
     * @throws AssertionError naming {@code what} and the timeout
     */
    public static void until(String what, Duration timeout, Condition condition) {
        value(what, timeout, () -> condition.holds() ? Boolean.TRUE : null);
    }

    /** Waits for a value that is present; the {@link Optional} form of {@link #value(String, Probe)}. */
    public static <T> T present(String what, Duration timeout, Probe<Optional<T>> probe) {
        return value(what, timeout, () -> probe.get().orElse(null));
    }

    private static void pause(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
