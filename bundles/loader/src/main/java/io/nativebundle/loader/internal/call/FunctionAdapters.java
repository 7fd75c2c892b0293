package io.nativebundle.loader.internal.call;

import java.util.function.Function;
import java.util.function.IntBinaryOperator;
import java.util.function.IntSupplier;
import java.util.function.IntUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.ToIntFunction;

import io.nativebundle.api.NativeSignature;
import io.nativebundle.loader.internal.backend.FunctionInvoker;

/**
 * The typed views of a {@link NativeFunctionService}, one class per supported signature. Each
 * call is the guard and metrics protocol of {@link NativeFunctionService#begin} and
 * {@link NativeFunctionService#end} around the backend's typed path: primitives in, primitives
 * out, no boxing here (the jnr backend's paths allocate nothing either; strings: only the
 * returned {@code String}). Each adapter spells the protocol out with its own primitive types on
 * purpose: a helper shared by all of them would have to box the result or take a lambda that
 * captures the arguments.
 */
final class FunctionAdapters {

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
        NativeSignature s = shape(f.signature());
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

    private static NativeSignature shape(NativeSignature s) {
        return TypedViewShape.of(s);
    }

    /** The adapter as {@code type} when the function's signature is {@code needed}. */
    <T> T require(Class<T> type, String accessor, NativeSignature needed) {
        TypedViewShape.require(function, accessor, needed);
        return type.cast(adapter);
    }

    private static final class IntBinary implements IntBinaryOperator {
        private final NativeFunctionService f;

        IntBinary(NativeFunctionService f) {
            this.f = f;
        }

        @Override
        public int applyAsInt(int a, int b) {
            long t = f.begin();
            FunctionInvoker s = null;
            try {
                s = f.enter();
                int r = s.intIntToInt(a, b);
                t = f.returned(t);
                return r;
            } finally {
                f.end(s, t);
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
            long t = f.begin();
            FunctionInvoker s = null;
            try {
                s = f.enter();
                int r = s.intToInt(a);
                t = f.returned(t);
                return r;
            } finally {
                f.end(s, t);
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
            long t = f.begin();
            FunctionInvoker s = null;
            try {
                s = f.enter();
                int r = s.toInt();
                t = f.returned(t);
                return r;
            } finally {
                f.end(s, t);
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
            long t = f.begin();
            FunctionInvoker s = null;
            try {
                s = f.enter();
                long r = s.longLongToLong(a, b);
                t = f.returned(t);
                return r;
            } finally {
                f.end(s, t);
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
            long t = f.begin();
            FunctionInvoker s = null;
            try {
                s = f.enter();
                s.toVoid();
                t = f.returned(t);
            } finally {
                f.end(s, t);
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
            long t = f.begin();
            FunctionInvoker s = null;
            try {
                s = f.enter();
                int r = s.stringToInt(text);
                t = f.returned(t);
                return r;
            } finally {
                f.end(s, t);
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
            long t = f.begin();
            FunctionInvoker s = null;
            try {
                s = f.enter();
                // the invoker reads the result inside the guard: it may point into the library's own memory
                String r = s.stringToString(text);
                t = f.returned(t);
                return r;
            } finally {
                f.end(s, t);
            }
        }
    }
}
