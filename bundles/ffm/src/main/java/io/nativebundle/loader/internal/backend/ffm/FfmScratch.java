package io.nativebundle.loader.internal.backend.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;

/**
 * A thread's native scratch memory for the C strings and primitive arrays of its downcalls, used as
 * a stack: a call takes its {@link #mark}, {@link #put}s its strings and arrays on top (an array
 * copied back out with {@link #copyOut} after the call), and {@link #reset}s to the mark when
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

    /** The largest scratch a thread keeps; a longer string or array is allocated for its call alone. */
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
        MemorySegment string = reserve(bytes.length + 1L, 1);
        MemorySegment.copy(bytes, 0, string, ValueLayout.JAVA_BYTE, 0, bytes.length);
        string.set(ValueLayout.JAVA_BYTE, bytes.length, (byte) 0);
        return string;
    }

    /**
     * A primitive array ({@code byte[]} to {@code double[]}) as C memory of its elements, valid until
     * the {@link #reset} of the current mark: copied in when {@code copyIn}, else zeroed (an
     * {@code @Out} array, which C only writes); the null pointer for {@code null}.
     */
    public MemorySegment put(Object array, boolean copyIn) {
        if (array == null) {
            return MemorySegment.NULL;
        }
        ValueLayout element = element(array);
        int length = Array.getLength(array);
        MemorySegment memory = reserve(element.byteSize() * length, Long.BYTES);
        if (copyIn) {
            MemorySegment.copy(array, 0, memory, element, 0, length);
        } else {
            memory.fill((byte) 0);
        }
        return memory;
    }

    /** Copies what C left in {@code memory} (from {@link #put(Object, boolean)}) back into {@code array}. */
    public static void copyOut(MemorySegment memory, Object array) {
        if (array != null) {
            MemorySegment.copy(memory, element(array), 0, array, 0, Array.getLength(array));
        }
    }

    private static ValueLayout element(Object array) {
        if (array instanceof int[]) {
            return ValueLayout.JAVA_INT;
        } else if (array instanceof long[]) {
            return ValueLayout.JAVA_LONG;
        } else if (array instanceof double[]) {
            return ValueLayout.JAVA_DOUBLE;
        } else if (array instanceof float[]) {
            return ValueLayout.JAVA_FLOAT;
        } else if (array instanceof short[]) {
            return ValueLayout.JAVA_SHORT;
        } else if (array instanceof byte[]) {
            return ValueLayout.JAVA_BYTE;
        }
        throw new IllegalArgumentException("expected a primitive array of byte to double, not " + array.getClass().getName());
    }

    /** {@code size} bytes of memory for the current call, aligned for any scalar, not initialized. */
    MemorySegment memory(long size) {
        return reserve(size, Long.BYTES);
    }

    /**
     * {@code size} bytes on top of the stack at a multiple of {@code alignment}; when they do not
     * fit, memory of their own, freed by the garbage collector once the call no longer uses it.
     */
    private MemorySegment reserve(long size, long alignment) {
        long start = (top + alignment - 1) & -alignment;
        if (start + size > stack.byteSize()) {
            if (top == 0 && size <= LIMIT) {
                // nothing on the stack yet: a larger one may replace it
                replaceStack((int) Math.min(LIMIT, Math.max(size, stack.byteSize() * 2)));
                start = 0;
            } else {
                // it stays in its automatic arena: the downcall keeps it alive while it runs
                return Arena.ofAuto().allocate(size, Long.BYTES);
            }
        }
        MemorySegment memory = stack.asSlice(start, size);
        top = start + size;
        return memory;
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
        // aligned for the widest array element
        owner = Arena.ofAuto().allocate(size, Long.BYTES);
        stack = MemorySegment.ofAddress(owner.address()).reinterpret(size);
    }
}
