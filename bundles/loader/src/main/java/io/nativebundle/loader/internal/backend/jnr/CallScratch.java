package io.nativebundle.loader.internal.backend.jnr;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import com.kenai.jffi.MemoryIO;

/**
 * The memory of one {@link JnrAbiFunction} call for what C reads or writes through a pointer and
 * has a size fixed by the signature ({@code out} and {@code inout} scalars and structs): a zeroed
 * slice of the calling thread's direct scratch, passed to jffi by address, so jffi copies no heap
 * array in and out (its {@code ObjectBuffer} per call) and the values are read straight from it.
 *
 * <p>The scratch is a stack: a call {@link #take}s its slice from the top and {@link #close}s it
 * when it returns, however it returns, so a call made from a callback inside another call on the
 * same thread gets memory above the outer call's. The scratch grows, while no call uses it, up to
 * {@link #LIMIT}; a call that does not fit gets a direct buffer of its own, left to the garbage
 * collector. The thread-local holds only JDK types, as {@code StringParameters}' does, so a thread
 * that outlives the loader bundle keeps none of its classes.
 */
final class CallScratch implements AutoCloseable {

    /** The largest scratch a thread keeps. */
    static final int LIMIT = 4096;
    private static final int INITIAL = 256;
    private static final MemoryIO IO = MemoryIO.getInstance();
    private static final int MEMORY = 0;
    private static final int ADDRESS = 1;
    private static final int TOP = 2;
    /** Per thread: {ByteBuffer memory (native order), long[] {its address}, int[] {top}}. */
    private static final ThreadLocal<Object[]> THREADS = ThreadLocal.withInitial(() -> {
        Object[] state = new Object[3];
        replace(state, INITIAL);
        state[TOP] = new int[1];
        return state;
    });

    private final ByteBuffer memory;
    private final int base;
    private final long address;
    /** The thread's top, given back {@link #mark} on close; null for memory of its own. */
    private final int[] top;
    private final int mark;

    private CallScratch(ByteBuffer memory, int base, long address, int[] top, int mark) {
        this.memory = memory;
        this.base = base;
        this.address = address;
        this.top = top;
        this.mark = mark;
    }

    /** {@code size} zeroed bytes (a multiple of 8, so every slice stays 8-aligned) for one call. */
    static CallScratch take(int size) {
        Object[] state = THREADS.get();
        int[] top = (int[]) state[TOP];
        int mark = top[0];
        ByteBuffer memory = (ByteBuffer) state[MEMORY];
        if (mark + size > memory.capacity()) {
            if (mark != 0 || size > LIMIT) {
                ByteBuffer own = ByteBuffer.allocateDirect(size).order(ByteOrder.nativeOrder());
                return new CallScratch(own, 0, IO.getDirectBufferAddress(own), null, 0);
            }
            // nothing on the stack: a larger one may replace it
            replace(state, Math.min(LIMIT, Math.max(size, memory.capacity() * 2)));
            memory = (ByteBuffer) state[MEMORY];
        }
        long address = ((long[]) state[ADDRESS])[0];
        IO.setMemory(address + mark, size, (byte) 0);
        top[0] = mark + size;
        return new CallScratch(memory, mark, address + mark, top, mark);
    }

    private static void replace(Object[] state, int capacity) {
        ByteBuffer memory = ByteBuffer.allocateDirect(capacity).order(ByteOrder.nativeOrder());
        state[MEMORY] = memory;
        state[ADDRESS] = new long[] {IO.getDirectBufferAddress(memory)};
    }

    /** The native address of the slice's byte {@code offset}. */
    long address(int offset) {
        return address + offset;
    }

    /** The thread's scratch (or the call's own buffer), in native order; the slice starts at {@link #index}. */
    ByteBuffer memory() {
        return memory;
    }

    /** The index in {@link #memory()} of the slice's byte {@code offset}. */
    int index(int offset) {
        return base + offset;
    }

    /** Gives the slice back. */
    @Override
    public void close() {
        if (top != null) {
            top[0] = mark;
        }
    }

    /** How much of the calling thread's scratch calls hold now (for tests). */
    static int used() {
        return ((int[]) THREADS.get()[TOP])[0];
    }
}
