package io.nativebundle.loader.internal.backend.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * A thread's native scratch memory for the C strings of its downcalls, used as a stack: a call
 * takes its {@link #mark}, {@link #put}s its strings on top, and {@link #reset}s to the mark when
 * it returns, however it returns. A call made while another one of the same thread is under way
 * (from a callback, say) puts its strings above the outer call's, so nothing the outer call passed
 * is overwritten. This replaces a confined arena per call, whose open and close cost about as much
 * as the downcall itself.
 *
 * <p>The memory comes from an automatic arena, freed by the garbage collector once the thread and
 * its scratch are gone. The downcalls get a view of it in the global scope: passing a segment of an
 * automatic (shared) arena would acquire and release it on every call. The view is safe because
 * this object holds the arena's segment for as long as any call can use the view. The scratch
 * starts small and grows, while no call uses it, up to {@link #LIMIT}; a string that does not fit
 * on the stack (larger than the limit, or too deep a nesting) gets memory of its own, freed by the
 * garbage collector.
 *
 * <p>As a {@link SegmentAllocator} it gives the fixed-size memory of a C ABI call the same way
 * ({@link FfmAbiFunction}: out and inout values, structs by value and a struct result), zeroed,
 * under the same mark and reset.
 */
public final class FfmScratch implements SegmentAllocator {

    /** The largest scratch a thread keeps; a longer string is allocated for its call alone. */
    static final int LIMIT = 4096;
    private static final int INITIAL = 256;
    private static final ThreadLocal<FfmScratch> THREADS = ThreadLocal.withInitial(FfmScratch::new);

    /** Keeps the memory of {@link #stack} alive. */
    private MemorySegment owner;
    /** The memory in the global scope, as the downcalls are given it. */
    private MemorySegment stack;
    private long top;

    private FfmScratch() {
        replaceStack(INITIAL);
    }

    /** The calling thread's scratch. */
    public static FfmScratch current() {
        return THREADS.get();
    }

    /** Where the strings of the call about to be made start; give it back to {@link #reset}. */
    public long mark() {
        return top;
    }

    /** Frees what was put since {@code mark}. */
    public void reset(long mark) {
        top = mark;
    }

    /**
     * {@code text} as a NUL-terminated UTF-8 C string valid until the {@link #reset} of the current
     * mark, or the null pointer for {@code null}.
     */
    public MemorySegment put(String text) {
        if (text == null) {
            return MemorySegment.NULL;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        long size = bytes.length + 1L;
        if (top + size > stack.byteSize()) {
            if (top == 0 && size <= LIMIT) {
                // nothing on the stack yet: a larger one may replace it
                replaceStack((int) Math.min(LIMIT, Math.max(size, stack.byteSize() * 2)));
            } else {
                return oneOff(bytes);
            }
        }
        MemorySegment string = stack.asSlice(top, size);
        MemorySegment.copy(bytes, 0, string, ValueLayout.JAVA_BYTE, 0, bytes.length);
        string.set(ValueLayout.JAVA_BYTE, bytes.length, (byte) 0);
        top += size;
        return string;
    }

    /**
     * Zeroed memory of {@code byteSize} bytes aligned to {@code byteAlignment}, valid until the
     * {@link #reset} of the current mark; memory of its own (freed by the garbage collector) when
     * it does not fit on the stack.
     */
    @Override
    public MemorySegment allocate(long byteSize, long byteAlignment) {
        long padding = -(stack.address() + top) & (byteAlignment - 1);
        if (top + padding + byteSize > stack.byteSize()) {
            if (top == 0 && byteSize + byteAlignment <= LIMIT) {
                replaceStack((int) Math.min(LIMIT, Math.max(byteSize + byteAlignment, stack.byteSize() * 2)));
                return allocate(byteSize, byteAlignment);
            }
            return Arena.ofAuto().allocate(byteSize, byteAlignment);
        }
        MemorySegment memory = stack.asSlice(top + padding, byteSize);
        memory.fill((byte) 0);
        top += padding + byteSize;
        return memory;
    }

    /** The capacity of the stack now: how far it grew (for tests). */
    long capacity() {
        return stack.byteSize();
    }

    private void replaceStack(int size) {
        owner = Arena.ofAuto().allocate(size);
        stack = MemorySegment.ofAddress(owner.address()).reinterpret(size);
    }

    /**
     * Memory of this call alone. It stays in its automatic arena: the downcall keeps it alive
     * while it runs, and the collector frees it afterwards.
     */
    private static MemorySegment oneOff(byte[] bytes) {
        MemorySegment string = Arena.ofAuto().allocate(bytes.length + 1L);
        MemorySegment.copy(bytes, 0, string, ValueLayout.JAVA_BYTE, 0, bytes.length);
        string.set(ValueLayout.JAVA_BYTE, bytes.length, (byte) 0);
        return string;
    }
}
