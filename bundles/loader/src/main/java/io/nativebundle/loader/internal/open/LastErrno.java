package io.nativebundle.loader.internal.open;

import java.util.OptionalInt;

/**
 * The errno each thread's last errno-capturing call of one library generation left: a typed
 * method annotated {@code @SaveError}, or a {@code NativeFunction} whose signature ends in
 * {@code errno}. What {@code NativeLibrary.lastErrno()} reads.
 *
 * <p>Per generation and per thread, as C's errno is per thread: a call of another library, or
 * of this one on another thread, never changes what this thread reads here. The values are
 * boxed {@code Integer}s of errno's small range, which the JVM caches, so recording allocates
 * nothing; they are JDK classes, so a thread that outlives the generation pins no bundle class.
 */
public final class LastErrno {

    private final ThreadLocal<Integer> values = new ThreadLocal<>();

    /** Records {@code errno} as the calling thread's last. */
    public void record(int errno) {
        values.set(errno);
    }

    /** The calling thread's last recorded errno; empty when this thread made no such call. */
    public OptionalInt get() {
        Integer value = values.get();
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }
}
