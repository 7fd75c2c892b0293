package io.nativebundle.benchmarks.consumer;

import java.util.function.IntBinaryOperator;
import java.util.function.IntUnaryOperator;
import java.util.function.LongSupplier;
import java.util.function.LongUnaryOperator;

import io.nativebundle.examples.abitest.AbiTest;
import jnr.ffi.byref.DoubleByReference;
import jnr.ffi.byref.IntByReference;
import jnr.ffi.byref.LongLongByReference;

/**
 * A consumer of abitest's typed interface calling the shapes FFM carries itself since issue 16's
 * typed vocabulary (and jnr through jnr-ffi): an unsigned value ({@code next_u32}), an array read
 * by C ({@code sum_ints} over {@link #ELEMENTS} ints), an array written by C ({@code fill_doubles}
 * of {@link #ELEMENTS}), out-parameters by reference ({@code divmod}'s three) and a
 * {@code @SaveError} method ({@code fail_with}). Each is a {@code java.util.function} view, so the
 * benchmark calls it with one {@code invokeinterface} and no reflection; arrays and references are
 * made once, as a consumer reusing them would.
 */
public final class TypedShapeCalls {

    /** How many elements the array calls pass. */
    public static final int ELEMENTS = 64;

    private final AbiTest typed;

    /** @param typed the {@code AbiTest} service */
    public TypedShapeCalls(Object typed) {
        this.typed = (AbiTest) typed;
    }

    /** {@code next_u32(v)}: {@code (v + 1) mod 2^32}, the unsigned int in a {@code long}. */
    public LongUnaryOperator unsigned() {
        return typed::next_u32;
    }

    /** {@code sum_ints(values, 64)} over {@code values[i] = i}, with {@code values[0]} set per call. */
    public IntUnaryOperator arrayIn() {
        int[] values = new int[ELEMENTS];
        for (int i = 0; i < ELEMENTS; i++) {
            values[i] = i;
        }
        return first -> {
            values[0] = first;
            return (int) typed.sum_ints(values, ELEMENTS);
        };
    }

    /** {@code fill_doubles(values, 64, x)}, then {@code values[63]}: {@code 63 * x}. */
    public LongSupplier arrayOut() {
        double[] values = new double[ELEMENTS];
        long[] x = {0};
        return () -> {
            typed.fill_doubles(values, ELEMENTS, ++x[0]);
            return (long) values[ELEMENTS - 1];
        };
    }

    /** {@code divmod(a, b, &quot, &rem, &ratio)}, then {@code quot + rem}: {@code a} for {@code b == 1}. */
    public IntBinaryOperator byReference() {
        IntByReference quot = new IntByReference();
        LongLongByReference rem = new LongLongByReference();
        DoubleByReference ratio = new DoubleByReference();
        return (a, b) -> {
            typed.divmod(a, b, quot, rem, ratio);
            return quot.intValue() + rem.intValue();
        };
    }

    /** {@code fail_with(e)}: sets errno to {@code e} and returns -1; the loader saves errno per library. */
    public IntUnaryOperator saveError() {
        return typed::fail_with;
    }
}
