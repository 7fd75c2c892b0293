package io.nativebundle.benchmarks.consumer;

import java.util.function.IntBinaryOperator;
import java.util.function.ToIntFunction;

import io.nativebundle.examples.math.MathLib;

/**
 * A consumer of the typed {@code MathLib} service, as a bundle would write it: the service
 * object in a field, plain interface calls. Loaded from the benchmark's consumer bundle, so
 * {@code MathLib} is the math bundle's class; the benchmark sees it through {@code java.*}
 * interfaces only, which every class space shares.
 */
public final class MathCalls implements IntBinaryOperator, Runnable, ToIntFunction<String> {

    private final MathLib math;

    /** @param service the {@code MathLib} service object, from the consumer bundle's context */
    public MathCalls(Object service) {
        this.math = (MathLib) service;
    }

    @Override
    public int applyAsInt(int a, int b) {
        return math.add(a, b);
    }

    @Override
    public void run() {
        math.noop();
    }

    @Override
    public int applyAsInt(String text) {
        return math.length(text);
    }
}
