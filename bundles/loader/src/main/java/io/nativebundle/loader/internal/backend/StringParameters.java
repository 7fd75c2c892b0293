package io.nativebundle.loader.internal.backend;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * String arguments as NUL-terminated UTF-8 in native memory, without allocating: each thread
 * keeps one direct scratch buffer per parameter position, encodes into it and passes its address.
 *
 * <pre>{@code
 * ByteBuffer utf8 = StringParameters.encode(text, 0);
 * try { call(address(utf8)); } finally { StringParameters.release(utf8, 0); }
 * }</pre>
 *
 * <p>A scratch is taken for the duration of one call. A nested call on the same thread at the
 * same position (a callback that calls the function again, or a missed {@link #release}) finds
 * it taken and gets a one-off heap copy, as does a string of more than {@value #SCRATCH_MAX}
 * bytes, so that one huge argument does not stay pinned to a thread. Only scratches are direct:
 * a caller passes a direct buffer by address and a heap one as an array to copy in.
 *
 * <p>The thread-local holds only the JDK's types ({@code ByteBuffer[]}), so a thread that
 * outlives this bundle keeps no class of it, and no class loader, alive.
 */
public final class StringParameters {

    /** The largest encoded string, NUL included, that a scratch holds; longer ones get a one-off copy. */
    public static final int SCRATCH_MAX = 4096;
    private static final int FIRST_CAPACITY = 256;
    /** Marks a position whose scratch is in use by a call on this thread. */
    private static final ByteBuffer TAKEN = ByteBuffer.allocate(0);
    private static final ThreadLocal<ByteBuffer[]> SCRATCH = ThreadLocal.withInitial(() -> new ByteBuffer[2]);

    private StringParameters() {
    }

    /**
     * {@code text} in UTF-8 with a NUL, from index 0 to the buffer's limit (the NUL included):
     * this thread's scratch of {@code position}, direct, or a one-off heap buffer. Hand it back
     * with {@link #release} after the call.
     */
    public static ByteBuffer encode(String text, int position) {
        ByteBuffer[] slots = slots(position);
        ByteBuffer scratch = slots[position];
        if (scratch == TAKEN) {
            return oneOff(text, Utf8.length(text) + 1);
        }
        long worst = (long) text.length() * Utf8.MAX_BYTES_PER_CHAR + 1;
        if (scratch == null || worst > scratch.capacity()) {
            int needed = worst <= FIRST_CAPACITY ? (int) worst : Utf8.length(text) + 1;
            if (needed > SCRATCH_MAX) {
                return oneOff(text, needed);
            }
            if (scratch == null || needed > scratch.capacity()) {
                int grown = scratch == null ? FIRST_CAPACITY : scratch.capacity() * 2;
                scratch = ByteBuffer.allocateDirect(Math.min(SCRATCH_MAX, Math.max(needed, grown)));
            }
        }
        slots[position] = TAKEN;
        return terminate(scratch.clear(), text);
    }

    /** Gives {@code utf8}, from {@link #encode} for {@code position} on this thread, back after the call. */
    public static void release(ByteBuffer utf8, int position) {
        if (utf8.isDirect()) {
            SCRATCH.get()[position] = utf8;
        }
    }

    /** Whether this thread's scratch of {@code position} is taken; for tests. */
    static boolean taken(int position) {
        ByteBuffer[] slots = SCRATCH.get();
        return position < slots.length && slots[position] == TAKEN;
    }

    private static ByteBuffer[] slots(int position) {
        ByteBuffer[] slots = SCRATCH.get();
        if (position >= slots.length) {
            slots = Arrays.copyOf(slots, Math.max(position + 1, slots.length * 2));
            SCRATCH.set(slots);
        }
        return slots;
    }

    private static ByteBuffer oneOff(String text, int bytes) {
        return terminate(ByteBuffer.allocate(bytes), text);
    }

    private static ByteBuffer terminate(ByteBuffer out, String text) {
        int n = Utf8.encode(text, out);
        out.put(n, (byte) 0);
        return out.limit(n + 1);
    }
}
