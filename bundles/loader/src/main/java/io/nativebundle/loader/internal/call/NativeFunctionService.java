package io.nativebundle.loader.internal.call;

import java.lang.ref.Reference;
import java.util.function.Function;
import java.util.function.IntBinaryOperator;
import java.util.function.IntSupplier;
import java.util.function.IntUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.ToIntFunction;

import com.kenai.jffi.CallContext;
import com.kenai.jffi.HeapInvocationBuffer;

import io.nativebundle.api.NativeFunction;
import io.nativebundle.api.NativeLibrary;
import io.nativebundle.api.NativeSignature;
import io.nativebundle.loader.internal.backend.jnr.JffiTypes;
import io.nativebundle.loader.internal.backend.jnr.Results;
import io.nativebundle.loader.internal.metrics.SymbolMetrics;

/**
 * A {@link NativeFunction} service: one exported function called through jffi, guarded by its
 * generation's lease and metered by its {@link SymbolMetrics}.
 *
 * <p>{@link #invoke} checks and boxes (jffi's heap invocation buffer); the typed adapters call
 * jffi's fast invokers with primitives and allocate nothing per call. The adapter that fits the
 * signature is built once; the others throw {@link IllegalStateException} naming the signature.
 *
 * <p>A call that throws, for wrong arguments or after unload, counts as a call and an error.
 */
public final class NativeFunctionService extends SymbolGuard implements NativeFunction {

    private final NativeSignature signature;
    final CallContext context;
    final SymbolMetrics metrics;
    private final FunctionAdapters adapters;

    public NativeFunctionService(String name, NativeSignature signature, NativeLibrary library, SymbolAddress target,
                          Lease lease, SymbolMetrics metrics) {
        super(name, library, target, lease);
        this.signature = signature;
        this.metrics = metrics;
        this.context = JffiTypes.context(signature);
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
        SymbolAddress s = enter();
        try {
            HeapInvocationBuffer buffer = Arguments.encode(name(), signature, context, args);
            return Results.invoke(context, s.address(), buffer, signature.returnType());
        } finally {
            exit(s);
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
