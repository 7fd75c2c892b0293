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
 * same position (a callback that calls the function again) finds it taken, and a string of more
 * than {@value #SCRATCH_MAX} bytes does not fit, so that one huge argument does not stay pinned
 * to a thread: both get {@code null} and pass a copy ({@link #oneOff} on the heap, or
 * {@link #copy} in native memory).
 *
 * <p>What a thread holds (taken scratches, native copies) is also on the thread's stack of held
 * strings, so that a call that never reaches its {@link #release} cannot strand anything: jnr-ffi
 * converts the parameters one after the other and releases them after the call, so a later
 * parameter whose conversion throws skips the release of the strings converted before it. The
 * typed service's guard takes the stack's {@link #mark()} before such a call and hands it to
 * {@link #abandon} when the call throws, which frees everything held since.
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
    /** The thread's stack of held strings ({@link #HELD}), kept in each state to save a look-up per take. */
    private static final int HELD_STACK = 3;
    /**
     * Per thread, what is held, across instances: {@code {Object[] entries, int[] {size}}}, two
     * slots an entry: a scratch as (its instance's state, position), a native copy as (its direct
     * buffer, its boxed address). JDK types only, as the states.
     */
    private static final ThreadLocal<Object[]> HELD = ThreadLocal.withInitial(
            () -> new Object[] {new Object[16], new int[1]});
    private static final int ENTRIES = 0;
    private static final int SIZE = 1;

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
        hold((Object[]) state[HELD_STACK], state, Integer.valueOf(position));
        return ((Long[]) state[ADDRESSES])[position];
    }

    /**
     * {@code text} as a NUL-terminated UTF-8 copy in native memory of its own (a direct buffer),
     * held until {@link #release} or {@link #abandon}, then left to the garbage collector: for a
     * string the scratch cannot take, where the callee needs an address.
     *
     * @return its address, a new {@code Long}, never a scratch's
     */
    public Long copy(String text) {
        ByteBuffer copy = terminate(ByteBuffer.allocateDirect(Utf8.length(text) + 1), text);
        Long address = addressOf.applyAsLong(copy);
        hold(HELD.get(), copy, address);
        return address;
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
        Object[] held = (Object[]) state[HELD_STACK];
        // identity: a copy's address is another Long, even if its memory happened to be a freed scratch's
        if (address != ((Long[]) state[ADDRESSES])[position] || !((boolean[]) state[TAKEN])[position]) {
            unhold(held, null, address);
            return false;
        }
        ((boolean[]) state[TAKEN])[position] = false;
        unhold(held, state, position);
        return true;
    }

    /** How much the calling thread holds now: what {@link #abandon} goes back to. */
    public static int mark() {
        return ((int[]) HELD.get()[SIZE])[0];
    }

    /**
     * Frees everything the calling thread took since {@code mark} and did not release: its
     * scratches are free again, its native copies left to the garbage collector. For a call that
     * threw before it could release its strings; what outer calls of the thread hold, below the
     * mark, stays held.
     */
    public static void abandon(int mark) {
        Object[] held = HELD.get();
        Object[] entries = (Object[]) held[ENTRIES];
        int[] size = (int[]) held[SIZE];
        for (int e = size[0] - 1; e >= mark; e--) {
            if (entries[2 * e] instanceof Object[] state) {
                ((boolean[]) state[TAKEN])[(Integer) entries[2 * e + 1]] = false;
            }
            entries[2 * e] = null;
            entries[2 * e + 1] = null;
        }
        size[0] = Math.min(size[0], mark);
    }

    private static void hold(Object[] held, Object owner, Object key) {
        Object[] entries = (Object[]) held[ENTRIES];
        int[] size = (int[]) held[SIZE];
        int at = 2 * size[0];
        if (at + 2 > entries.length) {
            entries = Arrays.copyOf(entries, entries.length * 2);
            held[ENTRIES] = entries;
        }
        entries[at] = owner;
        entries[at + 1] = key;
        size[0]++;
    }

    /**
     * Removes the topmost entry of a scratch ({@code state} and its {@code position}) or, with a
     * null {@code state}, of the copy at {@code key} (the same {@code Long}).
     */
    private static void unhold(Object[] held, Object[] state, Object key) {
        Object[] entries = (Object[]) held[ENTRIES];
        int[] size = (int[]) held[SIZE];
        for (int e = size[0] - 1; e >= 0; e--) {
            int i = 2 * e;
            boolean match = state == null ? entries[i + 1] == key
                    : entries[i] == state && key.equals(entries[i + 1]);
            if (match) {
                int end = 2 * size[0];
                System.arraycopy(entries, i + 2, entries, i, end - i - 2);
                entries[end - 2] = null;
                entries[end - 1] = null;
                size[0]--;
                return;
            }
        }
    }

    /** {@code text} in UTF-8 with a NUL, in a new heap buffer from index 0 to its limit (the NUL included). */
    public static ByteBuffer oneOff(String text) {
        return terminate(ByteBuffer.allocate(Utf8.length(text) + 1), text);
    }

    /** This thread's scratch of {@code position}, as the last {@link #take} left it; for tests. */
    ByteBuffer scratch(int position) {
        return ((ByteBuffer[]) state(position)[BUFFERS])[position];
    }

    /** How many strings the calling thread holds; for tests. */
    static int held() {
        return mark();
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
        return new Object[] {new ByteBuffer[positions], new Long[positions], new boolean[positions], HELD.get()};
    }

    private static ByteBuffer terminate(ByteBuffer out, String text) {
        int n = Utf8.encode(text, out);
        out.put(n, (byte) 0);
        return out.limit(n + 1);
    }
}
