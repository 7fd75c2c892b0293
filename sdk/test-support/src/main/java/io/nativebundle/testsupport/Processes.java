package io.nativebundle.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Ends the processes a test started, by pid, with everything they started in turn, and says which
 * are still there: a test stops what it starts, also when it fails.
 *
 * <pre>{@code
 * Process launcher = builder.start();
 * try {
 *     ...
 * } finally {
 *     assertEquals(List.of(), Processes.kill(launcher.toHandle(), Duration.ofSeconds(30)));
 * }
 * }</pre>
 */
public final class Processes {

    private Processes() {
    }

    /**
     * Kills {@code process} and its descendants (SIGKILL) and waits, at most {@code timeout} in all,
     * until each has ended.
     *
     * @return the pids still alive afterwards; none normally
     */
    public static List<Long> kill(ProcessHandle process, Duration timeout) {
        return killAll(tree(process), timeout);
    }

    /**
     * Asks {@code process} to stop (SIGTERM, so its shutdown hooks run) and gives it {@code grace};
     * then kills what is left of it and of the processes it had started, as {@link #kill} does.
     *
     * @return the pids still alive afterwards; none normally
     */
    public static List<Long> stop(ProcessHandle process, Duration grace, Duration timeout) {
        // taken first: once the process ends, its children belong to init and are no descendants
        List<ProcessHandle> tree = tree(process);
        process.destroy();
        await(process, grace.toNanos());
        return killAll(tree, timeout);
    }

    /** The descendants of {@code process}, deepest first, then {@code process}. */
    private static List<ProcessHandle> tree(ProcessHandle process) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        Collections.reverse(tree);
        tree.add(process);
        return tree;
    }

    private static List<Long> killAll(List<ProcessHandle> processes, Duration timeout) {
        processes.forEach(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Long> alive = new ArrayList<>();
        for (ProcessHandle process : processes) {
            if (!await(process, deadline - System.nanoTime())) {
                alive.add(process.pid());
            }
        }
        return alive;
    }

    /** Waits up to {@code nanos} for the end of {@code process}; whether it ended. */
    private static boolean await(ProcessHandle process, long nanos) {
        try {
            process.onExit().get(Math.max(0, nanos), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !process.isAlive();
    }
}
