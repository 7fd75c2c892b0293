package io.nativebundle.loader.internal.backend.host;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/** The crashes of one library within the last window, for "K crashes in T" and the back-off. */
final class CrashHistory {

    private final Duration window;
    private final Deque<Long> times = new ArrayDeque<>();

    CrashHistory(Duration window) {
        this.window = window;
    }

    /** Records a crash at {@code nanos} ({@link System#nanoTime()}); the crashes within the window, this one included. */
    synchronized int record(long nanos) {
        times.addLast(nanos);
        while (!times.isEmpty() && nanos - times.peekFirst() > window.toNanos()) {
            times.removeFirst();
        }
        return times.size();
    }
}
