package io.nativebundle.benchmarks.consumer;

import java.util.function.IntBinaryOperator;
import java.util.function.ToIntFunction;

import io.nativebundle.api.NativeFunction;

/**
 * A consumer that calls {@code NativeFunction} services by name with {@code invoke(Object...)},
 * boxing and unboxing as such a caller must.
 */
public final class InvokeCalls implements IntBinaryOperator, Runnable, ToIntFunction<String> {

    private final NativeFunction add;
    private final NativeFunction noop;
    private final NativeFunction length;

    /** @param add, noop, length the {@code NativeFunction} services of those symbols */
    public InvokeCalls(Object add, Object noop, Object length) {
        this.add = (NativeFunction) add;
        this.noop = (NativeFunction) noop;
        this.length = (NativeFunction) length;
    }

    @Override
    public int applyAsInt(int a, int b) {
        return (Integer) add.invoke(a, b);
    }

    @Override
    public void run() {
        noop.invoke();
    }

    @Override
    public int applyAsInt(String text) {
        return (Integer) length.invoke(text);
    }
}
