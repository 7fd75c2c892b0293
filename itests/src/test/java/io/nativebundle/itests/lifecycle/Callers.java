package io.nativebundle.itests.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

import io.nativebundle.api.NativeLibraryUnloadedException;

/**
 * Threads that call {@code MathLib.add} through the service registry without pause. A thread
 * keeps its service object until a call throws {@link NativeLibraryUnloadedException}, then
 * fetches the current one; every call ends in exactly one counter.
 */
final class Callers {

    /** What the callers saw. */
    record Result(long attempts, long successes, long unloaded, long wrong, long other, long noService,
                  Throwable firstProblem) {
    }

    private final ServiceTracker<Object, Object> tracker;
    private final int count;
    private final List<Thread> threads = new ArrayList<>();
    private final LongAdder attempts = new LongAdder();
    private final LongAdder successes = new LongAdder();
    private final LongAdder unloaded = new LongAdder();
    private final LongAdder wrong = new LongAdder();
    private final LongAdder other = new LongAdder();
    private final LongAdder noService = new LongAdder();
    private final AtomicReference<Throwable> firstProblem = new AtomicReference<>();
    private volatile boolean running = true;

    Callers(BundleContext context, int count) throws InvalidSyntaxException {
        this.tracker = new ServiceTracker<>(context,
                FrameworkUtil.createFilter("(objectClass=" + MathBundle.MATH_LIB + ")"), null);
        this.count = count;
    }

    void start() {
        tracker.open();
        for (int i = 0; i < count; i++) {
            Thread t = new Thread(this::call, "math-caller-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    long attempts() {
        return attempts.sum();
    }

    Result stop() throws InterruptedException {
        running = false;
        for (Thread t : threads) {
            t.join(10_000);
            if (t.isAlive()) {
                throw new AssertionError(t.getName() + " did not stop: a call never returned");
            }
        }
        tracker.close();
        return new Result(attempts.sum(), successes.sum(), unloaded.sum(), wrong.sum(), other.sum(), noService.sum(),
                firstProblem.get());
    }

    private void call() {
        MathBundle math = new MathBundle();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Object service = null;
        while (running) {
            if (service == null) {
                service = tracker.getService();
                if (service == null) {
                    noService.increment();
                    LockSupport.parkNanos(100_000);
                    continue;
                }
            }
            int a = random.nextInt(-1_000_000, 1_000_000);
            int b = random.nextInt(-1_000_000, 1_000_000);
            attempts.increment();
            try {
                int sum = math.add(service, a, b);
                if (sum == a + b) {
                    successes.increment();
                } else {
                    wrong.increment();
                    firstProblem.compareAndSet(null, new AssertionError("add(" + a + ", " + b + ") returned " + sum));
                }
            } catch (NativeLibraryUnloadedException e) {
                unloaded.increment();
                service = null;
            } catch (Throwable e) {
                other.increment();
                firstProblem.compareAndSet(null, e);
                service = null;
            }
        }
    }
}
