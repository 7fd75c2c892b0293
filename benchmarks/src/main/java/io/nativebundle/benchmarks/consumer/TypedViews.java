package io.nativebundle.benchmarks.consumer;

import java.util.function.IntBinaryOperator;
import java.util.function.ToIntFunction;

import io.nativebundle.api.NativeFunction;
import io.nativebundle.api.NativeMetrics;

/**
 * Setup-time helpers of the consumer bundle: the typed views of {@code NativeFunction} services
 * (a consumer keeps the returned {@code java.util.function} object and calls it directly) and the
 * metrics switch. Called once, reflectively, before measuring; never on the measured path.
 */
public final class TypedViews {

    private TypedViews() {
    }

    public static IntBinaryOperator intBinary(Object function) {
        return ((NativeFunction) function).asIntBinaryOperator();
    }

    public static Runnable runnable(Object function) {
        return ((NativeFunction) function).asRunnable();
    }

    public static ToIntFunction<String> stringToInt(Object function) {
        return ((NativeFunction) function).asStringToIntFunction();
    }

    public static void setMetrics(Object metrics, String library, boolean enabled) {
        ((NativeMetrics) metrics).setEnabled(library, enabled);
    }

    /** The calls counted for a symbol, or -1 when the library reports no such symbol. */
    public static long countedCalls(Object metrics, String library, String symbol) {
        return ((NativeMetrics) metrics).stats(library).stream()
                .filter(s -> s.symbol().equals(symbol))
                .mapToLong(s -> s.calls())
                .findFirst().orElse(-1L);
    }
}
