package io.nativebundle.loader.internal.backend.host;

import java.time.Duration;
import java.util.Optional;

import io.nativebundle.api.NativeBundleException;
import io.nativebundle.api.NativeCallTimeoutException;
import io.nativebundle.contract.Amounts;

/**
 * Sends requests to a generation's host and waits for the answers: the call side of the shared
 * file. A caller takes a slot ({@link #begin}), writes its request into it, {@link #exchange}s,
 * reads the answer, and gives the slot back ({@link #end}).
 *
 * <p>The wait polls first (a host thread that was polling answers a short call within a
 * microsecond or two), then sleeps on the slot's futex, waking at least every 100 ms. It ends
 * with the answer, with {@code NativeHostCrashedException} when the host process ended (the
 * supervisor wakes every sleeping caller then), or with {@code NativeCallTimeoutException} after
 * ending the host when the call overran its timeout.
 */
final class HostChannel {

    private static final long SLEEP_MICROS = 100_000;

    private final HostIdentity identity;
    private final SharedRegion region;
    private final SlotPool pool;
    private final HostSupervisor supervisor;
    private final long spinNanos;

    HostChannel(HostIdentity identity, SharedRegion region, SlotPool pool, HostSupervisor supervisor,
                HostSettings settings) {
        this.identity = identity;
        this.region = region;
        this.pool = pool;
        this.supervisor = supervisor;
        this.spinNanos = settings.callerSpin().toNanos();
    }

    HostIdentity identity() {
        return identity;
    }

    /** A call slot bound to the running host process, waiting for a slot or for a restart as needed. */
    Slot begin(String symbol) {
        Slot slot = pool.acquire();
        try {
            slot.process(supervisor.awaitRunning(symbol));
            return slot;
        } catch (RuntimeException | Error e) {
            pool.release(slot);
            throw e;
        }
    }

    void end(Slot slot) {
        slot.inFlight(null);
        pool.release(slot);
    }

    /** The control slot bound to {@code process}: for binding and looking up symbols. */
    Slot beginControl(HostProcess process) {
        Slot slot = pool.control();
        slot.process(process);
        return slot;
    }

    void endControl(Slot slot) {
        slot.inFlight(null);
        pool.releaseControl();
    }

    /**
     * Sends the request written into {@code slot} ({@link Slot#requestBytes()} bytes) and waits
     * for the answer.
     *
     * @param symbol  the function or variable, for the crash report and the messages
     * @param timeout how long the call may take; empty for as long as it takes
     * @return the bytes of the answer
     * @throws HostRequestException when the host answered with an error (its message)
     */
    int exchange(Slot slot, int op, int index, String symbol, Optional<Duration> timeout) {
        HostProcess p = slot.process();
        int base = slot.base();
        var buffer = region.buffer();
        buffer.putInt(base + Wire.S_EPOCH, p.epoch());
        buffer.putInt(base + Wire.S_OP, op);
        buffer.putInt(base + Wire.S_INDEX, index);
        buffer.putInt(base + Wire.S_REQUEST_BYTES, slot.requestBytes());
        slot.inFlight(symbol);
        int sequence = slot.nextSequence();
        region.setVolatile(base + Wire.S_REQ_SEQ, sequence);
        if (region.getVolatile(base + Wire.S_HOST_SLEEPING) != 0) {
            region.wake(base + Wire.S_REQ_SEQ);
        }
        long start = System.nanoTime();
        long deadline = timeout.map(t -> start + t.toNanos()).orElse(Long.MAX_VALUE);
        awaitAnswer(p, base, sequence, start, deadline, symbol, timeout);
        int status = buffer.getInt(base + Wire.S_STATUS);
        int bytes = buffer.getInt(base + Wire.S_RESPONSE_BYTES);
        if (status != Wire.STATUS_OK) {
            throw new HostRequestException("native " + identity.describe() + ", " + symbol + ": ", slot.message(bytes));
        }
        return bytes;
    }

    private void awaitAnswer(HostProcess p, int base, int sequence, long start, long deadline, String symbol,
                             Optional<Duration> timeout) {
        int answer = base + Wire.S_RESP_SEQ;
        for (int spins = 1;; spins++) {
            if (region.getAcquire(answer) == sequence) {
                return;
            }
            if ((spins & 63) == 0) {
                long now = System.nanoTime();
                if (p.isDead() || now - start > spinNanos || now - deadline > 0) {
                    break;
                }
                // on a machine with more busy threads than cores the host thread may be waiting for
                // this very core: give it up now and then (returns at once when nobody waits)
                Thread.yield();
            } else {
                Thread.onSpinWait();
            }
        }
        int waiting = base + Wire.S_JVM_WAITING;
        try {
            while (true) {
                // waiting before the re-check, both volatile: either the host sees the flag and
                // wakes the futex, or this thread sees the answer
                region.setVolatile(waiting, 1);
                int seen = region.getVolatile(answer);
                if (seen == sequence) {
                    return;
                }
                if (p.isDead()) {
                    throw supervisor.crashed(p, symbol);
                }
                long now = System.nanoTime();
                if (now - deadline >= 0) {
                    supervisor.killForTimeout(p, symbol, timeout.get());
                    throw new NativeCallTimeoutException(identity.library(), symbol, timeout.get(), p.pid(),
                            "native " + identity.describe() + ": the call of " + symbol + " overran its timeout of "
                            + Amounts.format(timeout.get()) + "; its host process " + p.pid() + " was ended and a new"
                            + " one is started");
                }
                long micros = deadline == Long.MAX_VALUE ? SLEEP_MICROS
                        : Math.min(SLEEP_MICROS, (deadline - now) / 1000 + 1);
                region.await(answer, seen, micros);
            }
        } finally {
            region.setOpaque(waiting, 0);
        }
    }

    /** An error the host answered with, e.g. a symbol it cannot bind; the message is the host's. */
    static final class HostRequestException extends NativeBundleException {

        private static final long serialVersionUID = 1L;

        private final String hostMessage;

        HostRequestException(String context, String hostMessage) {
            super(context + hostMessage);
            this.hostMessage = hostMessage;
        }

        /** The host's own words, e.g. {@code frob is not exported by the library (dlsym)}. */
        String hostMessage() {
            return hostMessage;
        }
    }
}
