package io.nativebundle.loader.internal.call;

import java.lang.ref.Reference;
import java.util.function.Function;
import java.util.function.IntBinaryOperator;
import java.util.function.IntSupplier;
import java.util.function.IntUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.ToIntFunction;

import io.nativebundle.api.NativeCallResult;
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

    /**
     * The token of a call that is not to be counted, or already was; no start token of
     * {@link SymbolMetrics} is this value (it would be a clock reading of {@code Long.MIN_VALUE}).
     */
    private static final long NOT_COUNTED = Long.MIN_VALUE;

    private final NativeSignature signature;
    /** Whether {@link #invoke} takes the first vocabulary's path; the others go through {@link #call}. */
    private final boolean basic;
    private final Arguments arguments;
    private final SymbolMetrics metrics;
    private final FunctionAdapters adapters;

    public NativeFunctionService(String name, NativeSignature signature, NativeLibrary library,
                                 FunctionInvoker target, Lease lease, SymbolMetrics metrics) {
        super(name, library, target, lease);
        this.signature = signature;
        this.basic = signature.isBasic();
        this.arguments = Arguments.of(signature);
        this.metrics = metrics;
        this.adapters = FunctionAdapters.of(this);
    }

    @Override
    public NativeSignature signature() {
        return signature;
    }

    @Override
    public Object invoke(Object... args) {
        if (!basic) {
            return call(args).value();
        }
        long t = begin();
        FunctionInvoker f = null;
        try {
            f = enter();
            arguments.check(name(), args);
            Object result = f.invoke(args);
            t = returned(t);
            return result;
        } finally {
            end(f, t);
            // direct ByteBuffers were passed by address: keep them alive until the call returned
            Reference.reachabilityFence(args);
        }
    }

    @Override
    public NativeCallResult call(Object... args) {
        long t = begin();
        FunctionInvoker f = null;
        try {
            f = enter();
            arguments.check(name(), args);
            NativeCallResult result = f.call(args);
            t = returned(t);
            return result;
        } finally {
            end(f, t);
            Reference.reachabilityFence(args);
        }
    }

    // --- the protocol of every call, spelled out by invoke and each typed adapter: ---
    // long t = begin(); FunctionInvoker f = null;
    // try { f = enter(); R r = f.call(...); t = returned(t); return r; } finally { end(f, t); }

    /** Starts a call: the metrics' start token, or {@link #NOT_COUNTED} when metrics are off. */
    long begin() {
        SymbolMetrics m = metrics;
        return m.enabled() ? m.start() : NOT_COUNTED;
    }

    /** The call returned: counts it as a success; the token to hand to {@link #end}. */
    long returned(long token) {
        if (token != NOT_COUNTED) {
            metrics.success(token);
        }
        return NOT_COUNTED;
    }

    /**
     * Ends a call: gives the lease back when {@code f} was entered, and counts the call as failed
     * unless {@link #returned} counted it, e.g. when it was refused after the unload or threw.
     */
    void end(FunctionInvoker f, long token) {
        if (f != null) {
            exit(f);
        }
        if (token != NOT_COUNTED) {
            metrics.failure(token);
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
