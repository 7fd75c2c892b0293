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
 * <p>A call that never reaches its {@link #release} strands nothing: jnr-ffi converts the
 * parameters one after the other and releases them after the call, so a later parameter whose
 * conversion throws skips the release of the strings converted before it. Each take and copy is
 * numbered by a per-thread counter; {@link #abandon} gives back everything the thread took from a
 * {@link #mark()} on, and the typed service's guard calls it (or {@link #abandonCall()}, from where
 * the call's first string began) when a call throws. The fast path stores only primitives: a
 * reference store into the long-lived state costs a GC barrier per call.
 *
 * <p>The thread-locals hold only the JDK's types ({@code Object[]} of {@code ByteBuffer[]},
 * {@code Long[]}, {@code boolean[]}, {@code long[]}, direct buffers), so a thread that outlives
 * this bundle keeps no class of it, and no class loader, alive. Each instance's state of a thread
 * is also listed in the thread's state, for {@link #abandon}: an instance is meant to live as
 * long as its backend (the jnr backend has one).
 */
public final class StringParameters {

    /** The largest encoded string, NUL included, that a scratch holds; longer ones get a one-off copy. */
    public static final int SCRATCH_MAX = 4096;
    private static final int FIRST_CAPACITY = 256;
    private static final int BUFFERS = 0;
    private static final int ADDRESSES = 1;
    private static final int TAKEN = 2;
    /** {@code long[]}: by position, the number of the take that holds the scratch. */
    private static final int TAKEN_AT = 3;
    /** The thread's {@link #THREAD} state, kept in each instance's state to save a look-up per take. */
    private static final int OF_THREAD = 4;
    /**
     * Per thread, across instances: {@code {long[] {next number, first number of the latest call},
     * Object[] the instances' states of the thread, Object[] held copies as (direct buffer, boxed
     * address, Long number) triples, int[] {states, copies}}}. JDK types only, as the states.
     */
    private static final ThreadLocal<Object[]> THREAD = ThreadLocal.withInitial(
            () -> new Object[] {new long[2], new Object[2], new Object[6], new int[2]});
    private static final int NUMBERS = 0;
    private static final int NEXT = 0;
    private static final int CALL = 1;
    private static final int STATES = 1;
    private static final int COPIES = 2;
    private static final int COUNTS = 3;

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
        return take(text, position, false);
    }

    /**
     * {@link #take(String, int)} by the first string parameter of a call, which first notes where
     * the call's strings begin, for {@link #abandonCall()}.
     */
    public Long take(String text, int position, boolean beginsCall) {
        Object[] state = state(position);
        long[] numbers = (long[]) ((Object[]) state[OF_THREAD])[NUMBERS];
        if (beginsCall) {
            numbers[CALL] = numbers[NEXT];
        }
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
        ((long[]) state[TAKEN_AT])[position] = numbers[NEXT]++;
        return ((Long[]) state[ADDRESSES])[position];
    }

    /**
     * {@code text} as a NUL-terminated UTF-8 copy in native memory of its own (a direct buffer),
     * held until {@link #release} or {@link #abandon}, then left to the garbage collector: for a
     * string the scratch cannot take, where the callee needs an address. When there is no memory
     * for it, what the latest call took is given back first ({@link #abandonCall()}): the
     * {@code OutOfMemoryError} is a conversion that throws, after which jnr-ffi releases nothing.
     *
     * @return its address, a new {@code Long}, never a scratch's
     */
    public Long copy(String text) {
        Object[] thread = THREAD.get();
        ByteBuffer copy;
        try {
            copy = terminate(ByteBuffer.allocateDirect(Utf8.length(text) + 1), text);
        } catch (OutOfMemoryError e) {
            abandonCall();
            throw e;
        }
        Long address = addressOf.applyAsLong(copy);
        long[] numbers = (long[]) thread[NUMBERS];
        int[] counts = (int[]) thread[COUNTS];
        Object[] copies = (Object[]) thread[COPIES];
        if (3 * counts[1] + 3 > copies.length) {
            copies = Arrays.copyOf(copies, copies.length * 2);
            thread[COPIES] = copies;
        }
        int at = 3 * counts[1]++;
        copies[at] = copy;
        copies[at + 1] = address;
        copies[at + 2] = numbers[NEXT]++;
        return address;
    }

    /** Notes that a call begins converting its strings here, when its first one is null (takes nothing). */
    public static void beginCall() {
        long[] numbers = (long[]) THREAD.get()[NUMBERS];
        numbers[CALL] = numbers[NEXT];
    }

    /**
     * After the call: gives this thread's scratch of {@code position} back when {@code address}
     * is its address, as {@link #take} returned it.
     *
     * @return whether {@code address} was the scratch; {@code false} for the address of a copy,
     *         which is dropped and left to the garbage collector
     */
    public boolean release(Long address, int position) {
        Object[] state = state(position);
        // identity: a copy's address is another Long, even if its memory happened to be a freed scratch's
        if (address != ((Long[]) state[ADDRESSES])[position] || !((boolean[]) state[TAKEN])[position]) {
            dropCopy((Object[]) state[OF_THREAD], address);
            return false;
        }
        ((boolean[]) state[TAKEN])[position] = false;
        return true;
    }

    /** The number the thread's next take or copy gets: what {@link #abandon} goes back to. */
    public static long mark() {
        return ((long[]) THREAD.get()[NUMBERS])[NEXT];
    }

    /**
     * {@link #abandon} from where the latest call of the thread began converting its strings: for
     * a call that threw after its first string parameter was converted (a later conversion, or the
     * call itself, whose strings were already released, so nothing of it is left). Not for a call
     * that can throw before its first string conversion: the beginning would be an earlier call's.
     */
    public static void abandonCall() {
        abandon(((long[]) THREAD.get()[NUMBERS])[CALL]);
    }

    /**
     * Gives back everything the calling thread took or copied from {@code mark} on and did not
     * release: its scratches are free again, its copies left to the garbage collector. For a call
     * that threw before it could release its strings; what outer calls of the thread hold (taken
     * before the mark) stays held.
     */
    public static void abandon(long mark) {
        Object[] thread = THREAD.get();
        int[] counts = (int[]) thread[COUNTS];
        Object[] states = (Object[]) thread[STATES];
        for (int i = 0; i < counts[0]; i++) {
            Object[] state = (Object[]) states[i];
            boolean[] taken = (boolean[]) state[TAKEN];
            long[] takenAt = (long[]) state[TAKEN_AT];
            for (int p = 0; p < taken.length; p++) {
                if (taken[p] && takenAt[p] >= mark) {
                    taken[p] = false;
                }
            }
        }
        Object[] copies = (Object[]) thread[COPIES];
        int kept = 0;
        for (int i = 0; i < counts[1]; i++) {
            if ((Long) copies[3 * i + 2] < mark) {
                System.arraycopy(copies, 3 * i, copies, 3 * kept++, 3);
            }
        }
        Arrays.fill(copies, 3 * kept, 3 * counts[1], null);
        counts[1] = kept;
    }

    /** Drops the held copy at {@code address} (the same {@code Long}), if there is one. */
    private static void dropCopy(Object[] thread, Long address) {
        Object[] copies = (Object[]) thread[COPIES];
        int[] counts = (int[]) thread[COUNTS];
        for (int i = counts[1] - 1; i >= 0; i--) {
            if (copies[3 * i + 1] == address) {
                int end = 3 * counts[1];
                System.arraycopy(copies, 3 * i + 3, copies, 3 * i, end - 3 * i - 3);
                Arrays.fill(copies, end - 3, end, null);
                counts[1]--;
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

    /** How many copies the calling thread holds; for tests. */
    static int copiesHeld() {
        return ((int[]) THREAD.get()[COUNTS])[1];
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
            state[TAKEN_AT] = Arrays.copyOf((long[]) state[TAKEN_AT], grown);
        }
        return state;
    }

    /** A new state of the calling thread, registered with the thread's {@link #THREAD} state for {@link #abandon}. */
    private static Object[] newState(int positions) {
        Object[] thread = THREAD.get();
        Object[] state = {new ByteBuffer[positions], new Long[positions], new boolean[positions], new long[positions],
                thread};
        int[] counts = (int[]) thread[COUNTS];
        Object[] states = (Object[]) thread[STATES];
        if (counts[0] == states.length) {
            states = Arrays.copyOf(states, states.length * 2);
            thread[STATES] = states;
        }
        states[counts[0]++] = state;
        return state;
    }

    private static ByteBuffer terminate(ByteBuffer out, String text) {
        int n = Utf8.encode(text, out);
        out.put(n, (byte) 0);
        return out.limit(n + 1);
    }
}
