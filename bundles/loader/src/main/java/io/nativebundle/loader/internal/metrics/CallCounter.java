package io.nativebundle.loader.internal.metrics;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * An exact counter that every thread increments in a cell of its own, with a plain store: no
 * CAS, no lock and no shared cache line on the hot path.
 *
 * <p>The first thread that counts gets the {@code fast} field of the counter itself (one id
 * compare); every other thread gets a {@link Cell} in a small open-addressed table, keyed by
 * thread id and replaced as a whole (copy on write) when a thread joins. A cell is written only
 * by its thread, so an opaque store is enough for {@link #sum} to see it. Threads that ended are
 * folded into {@code base} when the table changes and on every {@link #sum}: their counts are
 * kept and their cells (and the fast field) freed, so a pool that replaces its threads neither
 * loses counts nor grows the table forever.
 *
 * <pre>{@code
 * CallCounter calls = new CallCounter();
 * long mine = calls.increment(); // 1, 2, 3 ... for each thread on its own
 * long all = calls.sum();        // exact once the incrementing calls returned
 * }</pre>
 *
 * <p>Thread ids are never reused in a JVM, so an id names one thread for good; a cell keeps its
 * thread only weakly, to tell when it ended.
 */
public final class CallCounter {

    private static final VarHandle FAST;
    private static final VarHandle COUNT;
    private static final long NOBODY = -1L;
    private static final Cell[] NO_CELLS = new Cell[0];

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            FAST = lookup.findVarHandle(CallCounter.class, "fast", long.class);
            COUNT = lookup.findVarHandle(Cell.class, "count", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The id of the thread that owns {@link #fast}, or {@link #NOBODY}. */
    private volatile long fastId = NOBODY;
    /** Written by the owner of {@link #fast} only (opaque), reset under the lock. */
    private long fast;
    private WeakReference<Thread> fastThread;
    /** The other threads' cells, open addressing by thread id; never changed in place. */
    private volatile Cell[] cells = NO_CELLS;
    /** The counts of threads that ended; guarded by {@code this}. */
    private long base;

    /**
     * Adds one for the calling thread.
     *
     * @return how many times the calling thread has incremented this counter, this one included
     */
    public long increment() {
        long id = Thread.currentThread().getId();
        if (id == fastId) {
            long n = fast + 1;
            FAST.setOpaque(this, n);
            return n;
        }
        Cell[] table = cells;
        if (table.length > 0) {
            int mask = table.length - 1;
            for (int i = slot(id, mask); ; i = (i + 1) & mask) {
                Cell c = table[i];
                if (c == null) {
                    break;
                }
                if (c.id == id) {
                    return c.increment();
                }
            }
        }
        return join(id);
    }

    /** The exact total of every increment that returned before this call. */
    public synchronized long sum() {
        foldEnded();
        long total = base + (long) FAST.getOpaque(this);
        for (Cell c : cells) {
            if (c != null) {
                total += (long) COUNT.getOpaque(c);
            }
        }
        return total;
    }

    /** How many threads hold a cell or the fast field now; for tests that threads leave nothing behind. */
    synchronized int threads() {
        int n = fastId == NOBODY ? 0 : 1;
        for (Cell c : cells) {
            if (c != null) {
                n++;
            }
        }
        return n;
    }

    /** The slow path, once per thread: takes the fast field if it is free, or adds a cell. */
    private synchronized long join(long id) {
        foldEnded();
        if (fastId == NOBODY) {
            fastThread = new WeakReference<>(Thread.currentThread());
            FAST.setOpaque(this, 1L);
            fastId = id;
            return 1L;
        }
        Cell mine = new Cell(id, Thread.currentThread());
        List<Cell> live = liveCells();
        live.add(mine);
        cells = table(live);
        return mine.increment();
    }

    /** Moves the counts of threads that ended into {@link #base}; caller holds the lock. */
    private void foldEnded() {
        if (fastId != NOBODY && ended(fastThread)) {
            // Thread.isAlive() returning false orders the ended thread's last store before this read
            base += (long) FAST.getOpaque(this);
            fastId = NOBODY;
            FAST.setOpaque(this, 0L);
            fastThread = null;
        }
        boolean anyEnded = false;
        for (Cell c : cells) {
            if (c != null && ended(c.thread)) {
                anyEnded = true;
                break;
            }
        }
        if (anyEnded) {
            List<Cell> live = new ArrayList<>();
            for (Cell c : cells) {
                if (c == null) {
                    continue;
                }
                if (ended(c.thread)) {
                    base += (long) COUNT.getOpaque(c);
                } else {
                    live.add(c);
                }
            }
            cells = live.isEmpty() ? NO_CELLS : table(live);
        }
    }

    private List<Cell> liveCells() {
        List<Cell> live = new ArrayList<>();
        for (Cell c : cells) {
            if (c != null) {
                live.add(c);
            }
        }
        return live;
    }

    /** A table at most half full, so a probe for a missing id ends soon at an empty slot. */
    private static Cell[] table(List<Cell> live) {
        int size = Integer.highestOneBit(Math.max(2, live.size() * 2 - 1)) << 1;
        Cell[] table = new Cell[size];
        int mask = size - 1;
        for (Cell c : live) {
            int i = slot(c.id, mask);
            while (table[i] != null) {
                i = (i + 1) & mask;
            }
            table[i] = c;
        }
        return table;
    }

    private static int slot(long id, int mask) {
        // Fibonacci hashing spreads consecutive thread ids over the table
        return (int) ((id * 0x9E3779B97F4A7C15L) >>> 40) & mask;
    }

    private static boolean ended(WeakReference<Thread> thread) {
        Thread t = thread.get();
        // a collected thread had ended: a live thread is always reachable
        return t == null || !t.isAlive();
    }

    /** One thread's count. */
    private static final class Cell {
        final long id;
        final WeakReference<Thread> thread;
        /** Written by its thread only. */
        long count;

        Cell(long id, Thread thread) {
            this.id = id;
            this.thread = new WeakReference<>(thread);
        }

        long increment() {
            long n = count + 1;
            COUNT.setOpaque(this, n);
            return n;
        }
    }
}
