package io.nativebundle.loader.internal.backend.host;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.nativebundle.api.NativeSignature;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.backend.BackendLibrary;
import io.nativebundle.loader.internal.backend.FunctionInvoker;
import io.nativebundle.loader.internal.backend.NativeBackend;

/**
 * The JVM's half of the wake-ups: Java cannot wait on or wake a futex, so the loader opens
 * {@code libnativebundle-futex.so} through its in-process backend (the SPI, never jnr-ffi
 * directly) and calls it. Waiting and waking go through the allocation-free {@code (long,long)long}
 * path; only the one-off address lookup boxes.
 */
final class Futex implements AutoCloseable {

    private static final NativeSignature ADDRESS = NativeSignature.parse("(buffer)long");
    private static final NativeSignature LONG_LONG = NativeSignature.parse("(long,long)long");

    private final BackendLibrary library;
    private final FunctionInvoker address;
    private final FunctionInvoker await;
    private final FunctionInvoker wake;
    /** Threads inside the helper right now: it is closed only when none is, or it would unmap under them. */
    private final AtomicInteger inside = new AtomicInteger();
    private volatile boolean closed;

    private Futex(BackendLibrary library) throws LoadRefusal {
        this.library = library;
        this.address = library.function("nbh_address", ADDRESS);
        this.await = library.function("nbh_wait", LONG_LONG);
        this.wake = library.function("nbh_wake", LONG_LONG);
    }

    /** Opens the helper, whose digest the caller checked. */
    static Futex open(NativeBackend inProcess, Path helper) throws LoadRefusal {
        BackendLibrary library = inProcess.open(helper, List.of());
        try {
            return new Futex(library);
        } catch (LoadRefusal | RuntimeException e) {
            library.close();
            throw e;
        }
    }

    /** The native address of a direct buffer's start. */
    long address(ByteBuffer direct) {
        return (Long) address.invoke(new Object[] {direct.duplicate().position(0)});
    }

    /**
     * Sleeps while the 32-bit word at {@code address} holds {@code expected}, at most {@code micros}.
     *
     * @return whether it timed out
     */
    boolean await(long address, int expected, long micros) {
        long packed = (Math.min(micros, 0xffff_ffffL) << 32) | (expected & 0xffff_ffffL);
        inside.incrementAndGet();
        try {
            if (closed) {
                return false;
            }
            return await.longLongToLong(address, packed) == 1;
        } finally {
            inside.decrementAndGet();
        }
    }

    /** Wakes whoever sleeps on the word at {@code address}. */
    void wake(long address) {
        inside.incrementAndGet();
        try {
            if (!closed) {
                wake.longLongToLong(address, Integer.MAX_VALUE);
            }
        } finally {
            inside.decrementAndGet();
        }
    }

    /**
     * Closes the helper once no thread is inside it, waiting at most a second (the hosts are
     * stopped and their callers woken by then); otherwise it stays open, which costs one small
     * mapping, rather than unmapping code a thread still runs.
     *
     */
    @Override
    public void close() {
        closed = true;
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (inside.get() != 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            Thread.yield();
        }
        if (inside.get() == 0) {
            library.close();
        }
    }
}
