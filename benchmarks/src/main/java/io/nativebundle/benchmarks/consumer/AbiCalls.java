package io.nativebundle.benchmarks.consumer;

import java.nio.ByteBuffer;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

import io.nativebundle.api.NativeCallResult;
import io.nativebundle.api.NativeCallback;
import io.nativebundle.api.NativeFunction;
import io.nativebundle.api.NativeStruct;

/**
 * A consumer of libc's {@code NativeFunction} services declared by a descriptor (issue 15):
 * {@code clock_gettime(int, out timespec)}, a struct filled through a pointer, as a
 * {@link LongSupplier} of the time in nanoseconds; and {@code qsort} over the ints of a direct
 * buffer with a Java comparator, as an {@link IntConsumer} of the element count. The comparator
 * is made once, so one upcall stub serves every sort.
 */
public final class AbiCalls implements LongSupplier, IntConsumer {

    /** CLOCK_MONOTONIC of Linux. */
    static final int CLOCK_MONOTONIC = 1;

    private final NativeFunction clockGettime;
    private final NativeFunction qsort;
    private final ByteBuffer ints;
    private final long address;
    private final NativeCallback byValue;

    /**
     * @param clockGettime, qsort, memset the {@code NativeFunction} services of those symbols
     * @param ints                        the direct buffer (native order) whose ints {@code qsort} sorts
     */
    public AbiCalls(Object clockGettime, Object qsort, Object memset, ByteBuffer ints) {
        this.clockGettime = (NativeFunction) clockGettime;
        this.qsort = (NativeFunction) qsort;
        this.ints = ints;
        // memset(s, 0, 0) returns s: the buffer's address, which qsort's pointers are relative to
        this.address = (Long) ((NativeFunction) memset).invoke(ints, 0, 0L);
        this.byValue = args -> Integer.compare(at((Long) args[0]), at((Long) args[1]));
    }

    private int at(long pointer) {
        return ints.getInt((int) (pointer - address));
    }

    /** The buffer's address, for comparators of other paths that read the same memory. */
    public long address() {
        return address;
    }

    @Override
    public long getAsLong() {
        NativeCallResult result = clockGettime.call(CLOCK_MONOTONIC);
        NativeStruct ts = (NativeStruct) result.outValues().get("ts");
        return (Long) ts.get("tv_sec") * 1_000_000_000L + (Long) ts.get("tv_nsec");
    }

    @Override
    public void accept(int count) {
        qsort.call(address, (long) count, 4L, byValue);
    }
}
