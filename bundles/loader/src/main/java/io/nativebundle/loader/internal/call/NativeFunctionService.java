package io.nativebundle.loader.internal.call;

import java.lang.ref.Reference;
import java.util.function.Function;
import java.util.function.IntBinaryOperator;
import java.util.function.IntSupplier;
import java.util.function.IntUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.ToIntFunction;

import io.nativebundle.api.NativeFunction;
import io.nativebundle.api.NativeLibrary;
import io.nativebundle.api.NativeSignature;
import io.nativebundle.loader.internal.backend.FunctionInvoker;
import io.nativebundle.loader.internal.metrics.SymbolMetrics;

/**
 * A {@link NativeFunction} service: one exported function called through its backend's
 * {@link FunctionInvoker}, guarded by its generation's lease and metered by its
 * {@link SymbolMetrics}.
 *
 * <p>{@link #invoke} checks the arguments against the signature ({@link Arguments}), then the
 * backend packs, calls and boxes; the typed adapters call the invoker's typed paths with
 * primitives. The adapter that fits the signature is built once; the others throw
 * {@link IllegalStateException} naming the signature.
 *
 * <p>A call that throws, for wrong arguments or after unload, counts as a call and an error.
 */
public final class NativeFunctionService extends SymbolGuard<FunctionInvoker> implements NativeFunction {

    private final NativeSignature signature;
    final SymbolMetrics metrics;
    private final FunctionAdapters adapters;

    public NativeFunctionService(String name, NativeSignature signature, NativeLibrary library,
                                 FunctionInvoker target, Lease lease, SymbolMetrics metrics) {
        super(name, library, target, lease);
        this.signature = signature;
        this.metrics = metrics;
        this.adapters = FunctionAdapters.of(this);
    }

    @Override
    public NativeSignature signature() {
        return signature;
    }

    @Override
    public Object invoke(Object... args) {
        SymbolMetrics m = metrics;
        if (!m.enabled()) {
            return call(args);
        }
        long t = m.start();
        try {
            Object result = call(args);
            m.success(t);
            return result;
        } catch (Throwable e) {
            m.failure(t);
            throw e;
        }
    }

    private Object call(Object[] args) {
        FunctionInvoker f = enter();
        try {
            Arguments.check(name(), signature, args);
            return f.invoke(args);
        } finally {
            exit(f);
            // direct ByteBuffers were passed by address: keep them alive until the call returned
            Reference.reachabilityFence(args);
        }
    }

    @Override
    public IntBinaryOperator asIntBinaryOperator() {
        return adapters.require(IntBinaryOperator.class, "asIntBinaryOperator()", FunctionAdapters.INT_INT_INT);
    }

    @Override
    public IntUnaryOperator asIntUnaryOperator() {
        return adapters.require(IntUnaryOperator.class, "asIntUnaryOperator()", FunctionAdapters.INT_INT);
    }

    @Override
    public IntSupplier asIntSupplier() {
        return adapters.require(IntSupplier.class, "asIntSupplier()", FunctionAdapters.INT);
    }

    @Override
    public LongBinaryOperator asLongBinaryOperator() {
        return adapters.require(LongBinaryOperator.class, "asLongBinaryOperator()", FunctionAdapters.LONG_LONG_LONG);
    }

    @Override
    public Runnable asRunnable() {
        return adapters.require(Runnable.class, "asRunnable()", FunctionAdapters.VOID);
    }

    @Override
    @SuppressWarnings("unchecked")
    public ToIntFunction<String> asStringToIntFunction() {
        return adapters.require(ToIntFunction.class, "asStringToIntFunction()", FunctionAdapters.STRING_INT);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Function<String, String> asStringFunction() {
        return adapters.require(Function.class, "asStringFunction()", FunctionAdapters.STRING_STRING);
    }

    @Override
    public String toString() {
        return "NativeFunction[" + library().namespace() + ":" + name() + signature + ", generation "
                + library().generation() + (isCut() ? ", unloaded" : "") + "]";
    }
}
