package io.nativebundle.benchmarks.consumer;

import java.util.Map;
import java.util.function.IntBinaryOperator;

import io.nativebundle.api.NativeFunction;
import io.nativebundle.api.NativeStruct;
import io.nativebundle.api.NativeStructType;
import io.nativebundle.examples.abitest.AbiTest;

/**
 * A consumer of abitest's {@code point_add}, a struct by value as parameters and result (issue
 * 15), through the typed interface ({@code @ByValue AbiTest.Point}) and its {@code NativeFunction}
 * service, each as an {@link IntBinaryOperator} of {@code (x, y)}: adds the point {@code (1, 2)} to
 * {@code (x, y)} and returns the sum's {@code x + y}. Each path keeps its second argument made once,
 * as a consumer reusing it would; the first is set per call.
 */
public final class PointCalls {

    private final AbiTest typed;
    private final NativeFunction function;

    /**
     * @param typed    the {@code AbiTest} service
     * @param function the {@code NativeFunction} service of {@code point_add}
     */
    public PointCalls(Object typed, Object function) {
        this.typed = (AbiTest) typed;
        this.function = (NativeFunction) function;
    }

    /** Through the typed interface: the result is a new {@code AbiTest.Point}. */
    public IntBinaryOperator typed() {
        AbiTest.Point a = new AbiTest.Point(jnr.ffi.Runtime.getSystemRuntime());
        AbiTest.Point b = new AbiTest.Point(jnr.ffi.Runtime.getSystemRuntime());
        b.x.set(1);
        b.y.set(2);
        return (x, y) -> {
            a.x.set(x);
            a.y.set(y);
            AbiTest.Point sum = typed.point_add(a, b);
            return sum.x.get() + sum.y.get();
        };
    }

    /** Through {@code NativeFunction.invoke}: the result is a {@code NativeStruct}. */
    public IntBinaryOperator function() {
        NativeStructType point = function.signature().returnStructType().orElseThrow();
        NativeStruct b = NativeStruct.of(point, Map.of("x", 1, "y", 2));
        return (x, y) -> {
            NativeStruct sum = (NativeStruct) function.invoke(NativeStruct.of(point, Map.of("x", x, "y", y)), b);
            return (Integer) sum.get("x") + (Integer) sum.get("y");
        };
    }
}
