package io.nativebundle.loader.internal.call;

import java.util.function.Function;
import java.util.function.IntBinaryOperator;
import java.util.function.IntSupplier;
import java.util.function.IntUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.ToIntFunction;

import io.nativebundle.api.NativeSignature;
import io.nativebundle.loader.internal.backend.FunctionInvoker;
import io.nativebundle.loader.internal.metrics.SymbolMetrics;

/**
 * The typed views of a {@link NativeFunctionService}, one class per supported signature. Each
 * call is the {@link SymbolMetrics} protocol around the guarded typed path of the backend's
 * {@link FunctionInvoker}: primitives in, primitives out, no boxing here (the jnr backend's
 * paths allocate nothing either; strings: only the returned {@code String}).
 */
public final class FunctionAdapters {

    static final NativeSignature INT_INT_INT = NativeSignature.parse("(int,int)int");
    static final NativeSignature INT_INT = NativeSignature.parse("(int)int");
    static final NativeSignature INT = NativeSignature.parse("()int");
    static final NativeSignature LONG_LONG_LONG = NativeSignature.parse("(long,long)long");
    static final NativeSignature VOID = NativeSignature.parse("()void");
    static final NativeSignature STRING_INT = NativeSignature.parse("(string)int");
    static final NativeSignature STRING_STRING = NativeSignature.parse("(string)string");

    private final NativeFunctionService function;
    /** The adapter of the function's signature, {@code null} when none fits. */
    private final Object adapter;

    private FunctionAdapters(NativeFunctionService function, Object adapter) {
        this.function = function;
        this.adapter = adapter;
    }

    static FunctionAdapters of(NativeFunctionService f) {
        NativeSignature s = f.signature();
        Object adapter = s.equals(INT_INT_INT) ? new IntBinary(f)
                : s.equals(INT_INT) ? new IntUnary(f)
                : s.equals(INT) ? new IntNullary(f)
                : s.equals(LONG_LONG_LONG) ? new LongBinary(f)
                : s.equals(VOID) ? new Procedure(f)
                : s.equals(STRING_INT) ? new StringToInt(f)
                : s.equals(STRING_STRING) ? new StringToString(f)
                : null;
        return new FunctionAdapters(f, adapter);
    }

    /** The adapter as {@code type} when the function's signature is {@code needed}. */
    <T> T require(Class<T> type, String accessor, NativeSignature needed) {
        if (!function.signature().equals(needed)) {
            throw new IllegalStateException(function.name() + function.signature() + " is not a " + needed
                    + " function; " + accessor + " needs " + needed + ", use invoke(Object...) for "
                    + function.signature());
        }
        return type.cast(adapter);
    }

    private static final class IntBinary implements IntBinaryOperator {
        private final NativeFunctionService f;

        IntBinary(NativeFunctionService f) {
            this.f = f;
        }

        @Override
        public int applyAsInt(int a, int b) {
            SymbolMetrics m = f.metrics;
            if (!m.enabled()) {
                return call(a, b);
            }
            long t = m.start();
            try {
                int r = call(a, b);
                m.success(t);
                return r;
            } catch (Throwable e) {
                m.failure(t);
                throw e;
            }
        }

        private int call(int a, int b) {
            FunctionInvoker s = f.enter();
            try {
                return s.intIntToInt(a, b);
            } finally {
                f.exit(s);
            }
        }
    }

    private static final class IntUnary implements IntUnaryOperator {
        private final NativeFunctionService f;

        IntUnary(NativeFunctionService f) {
            this.f = f;
        }

        @Override
        public int applyAsInt(int a) {
            SymbolMetrics m = f.metrics;
            if (!m.enabled()) {
                return call(a);
            }
            long t = m.start();
            try {
                int r = call(a);
                m.success(t);
                return r;
            } catch (Throwable e) {
                m.failure(t);
                throw e;
            }
        }

        private int call(int a) {
            FunctionInvoker s = f.enter();
            try {
                return s.intToInt(a);
            } finally {
                f.exit(s);
            }
        }
    }

    private static final class IntNullary implements IntSupplier {
        private final NativeFunctionService f;

        IntNullary(NativeFunctionService f) {
            this.f = f;
        }

        @Override
        public int getAsInt() {
            SymbolMetrics m = f.metrics;
            if (!m.enabled()) {
                return call();
            }
            long t = m.start();
            try {
                int r = call();
                m.success(t);
                return r;
            } catch (Throwable e) {
                m.failure(t);
                throw e;
            }
        }

        private int call() {
            FunctionInvoker s = f.enter();
            try {
                return s.toInt();
            } finally {
                f.exit(s);
            }
        }
    }

    private static final class LongBinary implements LongBinaryOperator {
        private final NativeFunctionService f;

        LongBinary(NativeFunctionService f) {
            this.f = f;
        }

        @Override
        public long applyAsLong(long a, long b) {
            SymbolMetrics m = f.metrics;
            if (!m.enabled()) {
                return call(a, b);
            }
            long t = m.start();
            try {
                long r = call(a, b);
                m.success(t);
                return r;
            } catch (Throwable e) {
                m.failure(t);
                throw e;
            }
        }

        private long call(long a, long b) {
            FunctionInvoker s = f.enter();
            try {
                return s.longLongToLong(a, b);
            } finally {
                f.exit(s);
            }
        }
    }

    private static final class Procedure implements Runnable {
        private final NativeFunctionService f;

        Procedure(NativeFunctionService f) {
            this.f = f;
        }

        @Override
        public void run() {
            SymbolMetrics m = f.metrics;
            if (!m.enabled()) {
                call();
                return;
            }
            long t = m.start();
            try {
                call();
                m.success(t);
            } catch (Throwable e) {
                m.failure(t);
                throw e;
            }
        }

        private void call() {
            FunctionInvoker s = f.enter();
            try {
                s.toVoid();
            } finally {
                f.exit(s);
            }
        }
    }

    private static final class StringToInt implements ToIntFunction<String> {
        private final NativeFunctionService f;

        StringToInt(NativeFunctionService f) {
            this.f = f;
        }

        @Override
        public int applyAsInt(String text) {
            SymbolMetrics m = f.metrics;
            if (!m.enabled()) {
                return call(text);
            }
            long t = m.start();
            try {
                int r = call(text);
                m.success(t);
                return r;
            } catch (Throwable e) {
                m.failure(t);
                throw e;
            }
        }

        private int call(String text) {
            FunctionInvoker s = f.enter();
            try {
                return s.stringToInt(text);
            } finally {
                f.exit(s);
            }
        }
    }

    private static final class StringToString implements Function<String, String> {
        private final NativeFunctionService f;

        StringToString(NativeFunctionService f) {
            this.f = f;
        }

        @Override
        public String apply(String text) {
            SymbolMetrics m = f.metrics;
            if (!m.enabled()) {
                return call(text);
            }
            long t = m.start();
            try {
                String r = call(text);
                m.success(t);
                return r;
            } catch (Throwable e) {
                m.failure(t);
                throw e;
            }
        }

        private String call(String text) {
            FunctionInvoker s = f.enter();
            try {
                // the invoker reads the result inside the guard: it may point into the library's own memory
                return s.stringToString(text);
            } finally {
                f.exit(s);
            }
        }
    }
}
