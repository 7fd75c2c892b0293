package io.nativebundle.loader.internal.backend;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.ToLongFunction;

/**
 * String arguments as NUL-terminated UTF-8 in native memory, without allocating: each thread
 * keeps one direct scratch buffer per parameter position, encodes into it and passes its
 * address, which is looked up once per scratch (on jnr-ffi a JNI call that would cost more than
 * the encoding) and kept boxed, so a converter that hands jnr-ffi a {@code Long} allocates nothing.
 *
 * <pre>{@code
 * Long address = strings.take(text, 0);
 * if (address == null) { ... pass StringParameters.oneOff(text), a heap copy ... }
 * else try { call(address); } finally { strings.release(address, 0); }
 * }</pre>
 *
 * <p>A scratch is taken for the duration of one call. A nested call on the same thread at the
 * same position (a callback that calls the function again, or a missed {@link #release}) finds
 * it taken, and a string of more than {@value #SCRATCH_MAX} bytes does not fit, so that one huge
 * argument does not stay pinned to a thread: both get {@code null} and pass a one-off copy.
 *
 * <p>The thread-local holds only the JDK's types ({@code Object[]} of {@code ByteBuffer[]},
 * {@code Long[]} and {@code boolean[]}), so a thread that outlives this bundle keeps no class of
 * it, and no class loader, alive.
 */
public final class StringParameters {

    /** The largest encoded string, NUL included, that a scratch holds; longer ones get a one-off copy. */
    public static final int SCRATCH_MAX = 4096;
    private static final int FIRST_CAPACITY = 256;
    private static final int BUFFERS = 0;
    private static final int ADDRESSES = 1;
    private static final int TAKEN = 2;

    private final ToLongFunction<ByteBuffer> addressOf;
    private final ThreadLocal<Object[]> threads = ThreadLocal.withInitial(() -> newState(2));

    /** @param addressOf the native address of a direct buffer, asked once per scratch */
    public StringParameters(ToLongFunction<ByteBuffer> addressOf) {
        this.addressOf = addressOf;
    }

    /**
     * Encodes {@code text} into this thread's scratch of {@code position} and takes it until
     * {@link #release}.
     *
     * @return the address of the NUL-terminated UTF-8, or {@code null} when the scratch is taken
     *         or the string needs more than {@value #SCRATCH_MAX} bytes: pass {@link #oneOff} then
     */
    public Long take(String text, int position) {
        Object[] state = state(position);
        boolean[] taken = (boolean[]) state[TAKEN];
        if (taken[position]) {
            return null;
        }
        ByteBuffer[] buffers = (ByteBuffer[]) state[BUFFERS];
        ByteBuffer scratch = buffers[position];
        long worst = (long) text.length() * Utf8.MAX_BYTES_PER_CHAR + 1;
        if (scratch == null || worst > scratch.capacity()) {
            int needed = worst <= FIRST_CAPACITY ? (int) worst : Utf8.length(text) + 1;
            if (needed > SCRATCH_MAX) {
                return null;
            }
            if (scratch == null || needed > scratch.capacity()) {
                int grown = scratch == null ? FIRST_CAPACITY : scratch.capacity() * 2;
                scratch = ByteBuffer.allocateDirect(Math.min(SCRATCH_MAX, Math.max(needed, grown)));
                buffers[position] = scratch;
                ((Long[]) state[ADDRESSES])[position] = addressOf.applyAsLong(scratch);
            }
        }
        terminate(scratch.clear(), text);
        taken[position] = true;
        return ((Long[]) state[ADDRESSES])[position];
    }

    /**
     * After the call: gives this thread's scratch of {@code position} back when {@code address}
     * is its address, as {@link #take} returned it.
     *
     * @return whether {@code address} was the scratch; {@code false} for the address of a copy,
     *         which the caller frees
     */
    public boolean release(Long address, int position) {
        Object[] state = state(position);
        // identity: a copy's address is another Long, even if its memory happened to be a freed scratch's
        if (address != ((Long[]) state[ADDRESSES])[position]) {
            return false;
        }
        ((boolean[]) state[TAKEN])[position] = false;
        return true;
    }

    /** {@code text} in UTF-8 with a NUL, in a new heap buffer from index 0 to its limit (the NUL included). */
    public static ByteBuffer oneOff(String text) {
        return terminate(ByteBuffer.allocate(Utf8.length(text) + 1), text);
    }

    /** This thread's scratch of {@code position}, as the last {@link #take} left it; for tests. */
    ByteBuffer scratch(int position) {
        return ((ByteBuffer[]) state(position)[BUFFERS])[position];
    }

    /** Whether this thread's scratch of {@code position} is taken; for tests. */
    boolean taken(int position) {
        return ((boolean[]) state(position)[TAKEN])[position];
    }

    private Object[] state(int position) {
        Object[] state = threads.get();
        int size = ((boolean[]) state[TAKEN]).length;
        if (position >= size) {
            int grown = Math.max(position + 1, size * 2);
            state[BUFFERS] = Arrays.copyOf((ByteBuffer[]) state[BUFFERS], grown);
            state[ADDRESSES] = Arrays.copyOf((Long[]) state[ADDRESSES], grown);
            state[TAKEN] = Arrays.copyOf((boolean[]) state[TAKEN], grown);
        }
        return state;
    }

    private static Object[] newState(int positions) {
        return new Object[] {new ByteBuffer[positions], new Long[positions], new boolean[positions]};
    }

    private static ByteBuffer terminate(ByteBuffer out, String text) {
        int n = Utf8.encode(text, out);
        out.put(n, (byte) 0);
        return out.limit(n + 1);
    }
}
