package io.nativebundle.loader.internal.backend.host;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The slots of one shared file: slot 0 for the loader's own requests (binding symbols, looking
 * them up), under a lock; the others for calls, one caller each. A caller beyond the number of
 * host threads waits for a slot: the host runs that many calls at once.
 */
final class SlotPool {

    private final Slot control;
    private final ReentrantLock controlLock = new ReentrantLock();
    private final Slot[] calls;
    private final AtomicIntegerArray taken;
    private final Semaphore free;

    SlotPool(SharedRegion region) {
        this.control = new Slot(region, 0);
        this.calls = new Slot[region.slots() - 1];
        for (int i = 0; i < calls.length; i++) {
            calls[i] = new Slot(region, i + 1);
        }
        this.taken = new AtomicIntegerArray(calls.length);
        this.free = new Semaphore(calls.length);
    }

    /** A free call slot, waiting for one if every slot is busy. */
    Slot acquire() {
        free.acquireUninterruptibly();
        // start where this thread likely found one before, so two steady callers keep their slots
        int start = (int) (Thread.currentThread().getId() % calls.length);
        for (int round = 0;; round++) {
            int i = (start + round) % calls.length;
            if (taken.get(i) == 0 && taken.compareAndSet(i, 0, 1)) {
                return calls[i];
            }
        }
    }

    void release(Slot slot) {
        slot.process(null);
        taken.set(slot.index() - 1, 0);
        free.release();
    }

    /** The control slot, locked; release with {@link #releaseControl()}. */
    Slot control() {
        controlLock.lock();
        return control;
    }

    void releaseControl() {
        control.process(null);
        controlLock.unlock();
    }

    /** Every slot, the control slot first: to wake their callers when the host died, and to name the calls in flight. */
    Slot[] all() {
        Slot[] all = new Slot[calls.length + 1];
        all[0] = control;
        System.arraycopy(calls, 0, all, 1, calls.length);
        return all;
    }
}
