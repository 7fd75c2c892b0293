package io.nativebundle.loader.internal.call;

import java.nio.ByteBuffer;
import java.util.List;

import io.nativebundle.api.NativeCallback;
import io.nativebundle.api.NativeParameter;
import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.NativeStruct;
import io.nativebundle.api.NativeStructType;
import io.nativebundle.api.NativeType;

/**
 * Checks the arguments of {@code NativeFunction.invoke} against the signature, for every
 * backend alike. A number is accepted where Java would accept it for a parameter of that type
 * (unboxing and widening: an {@code Integer} for a {@code long}, never a {@code Long} for an
 * {@code int}); a {@code string} is a {@code String} or {@code null}, a {@code buffer} a
 * {@code byte[]}, a direct {@code ByteBuffer} (from its position) or {@code null}. What passes
 * is what {@code FunctionInvoker.invoke} accepts. Since API 2.2.0: an unsigned value is a number
 * from 0 to the type's maximum ({@code ulong}: any {@code long}, its bits), a struct a
 * {@code NativeStruct} of the parameter's layout, and {@code out} parameters take no argument.
 */
final class Arguments {

    private final NativeSignature signature;
    /** The parameters the caller passes a value for: all but the out ones (all of them in the first vocabulary). */
    private final List<NativeParameter> parameters;

    private Arguments(NativeSignature signature) {
        this.signature = signature;
        this.parameters = signature.parameterList().stream().filter(NativeParameter::takesValue).toList();
    }

    /** The checks of one signature, worked out once: a call only walks the arguments. */
    static Arguments of(NativeSignature signature) {
        return new Arguments(signature);
    }

    /** {@code of(signature).check(symbol, args)}, for a single call. */
    static void check(String symbol, NativeSignature signature, Object[] args) {
        of(signature).check(symbol, args);
    }

    /**
     * @throws IllegalArgumentException naming the symbol, the signature, the argument and what it is,
     *                                  e.g. {@code add(int,int)int: argument 2 must be int but is String "x"}
     */
    void check(String symbol, Object[] args) {
        int given = args == null ? 0 : args.length;
        if (given != parameters.size()) {
            throw new IllegalArgumentException(symbol + signature + " expects " + count(parameters.size())
                    + (parameters.size() == signature.parameterList().size() ? "" : " (out-parameters are not passed)")
                    + " but got " + given);
        }
        for (int i = 0; i < given; i++) {
            NativeParameter p = parameters.get(i);
            if (p.isArray()) {
                Class<?> expected = p.arrayClass();
                if (args[i] != null && args[i].getClass() != expected) {
                    throw new IllegalArgumentException(symbol + signature + ": argument " + (i + 1) + " must be "
                            + expected.getSimpleName() + " or null but is " + describe(args[i]));
                }
                ArrayElements.check(symbol, signature, p, args[i], i);
            } else if (p.type() == NativeType.CALLBACK) {
                if (args[i] != null && !(args[i] instanceof NativeCallback)) {
                    throw new IllegalArgumentException(symbol + signature + ": argument " + (i + 1) + " must be a"
                            + " NativeCallback " + p.callbackName().orElseThrow() + p.callbackSignature().orElseThrow()
                            + " or null but is " + describe(args[i]));
                }
            } else if (p.type() == NativeType.STRUCT) {
                NativeStructType layout = p.structType().orElseThrow();
                if (!(args[i] instanceof NativeStruct s) || !s.type().equals(layout)) {
                    throw new IllegalArgumentException(symbol + signature + ": argument " + (i + 1) + " must be a"
                            + " NativeStruct of " + layout + " but is " + describe(args[i]));
                }
            } else {
                check(p.type(), args[i], symbol, signature, i);
            }
        }
    }

    private static void check(NativeType type, Object arg, String symbol, NativeSignature signature, int index) {
        switch (type) {
            case UBYTE -> unsigned(arg, 0xFFL, type, symbol, signature, index);
            case USHORT -> unsigned(arg, 0xFFFFL, type, symbol, signature, index);
            case UINT -> unsigned(arg, 0xFFFF_FFFFL, type, symbol, signature, index);
            // any long: its 64 bits are the value (NativeType.ULONG)
            case ULONG -> integral(arg, 8, type, symbol, signature, index);
            case BYTE -> integral(arg, 1, type, symbol, signature, index);
            case SHORT -> integral(arg, 2, type, symbol, signature, index);
            case INT -> integral(arg, 4, type, symbol, signature, index);
            case LONG, POINTER -> integral(arg, 8, type, symbol, signature, index);
            case FLOAT -> {
                if (arg instanceof Double) {
                    throw mismatch(type, arg, symbol, signature, index);
                }
                number(arg, type, symbol, signature, index);
            }
            case DOUBLE -> number(arg, type, symbol, signature, index);
            case BOOLEAN -> {
                if (!(arg instanceof Boolean)) {
                    throw mismatch(type, arg, symbol, signature, index);
                }
            }
            case STRING -> {
                if (arg != null && !(arg instanceof String)) {
                    throw mismatch(type, arg, symbol, signature, index);
                }
            }
            case BUFFER -> {
                if (arg != null && !(arg instanceof byte[]) && !(arg instanceof ByteBuffer b && b.isDirect())) {
                    throw mismatch(type, arg, symbol, signature, index);
                }
            }
            default -> throw new IllegalArgumentException(symbol + signature + ": parameter " + (index + 1)
                    + " has type " + type.token() + ", which cannot be passed");
        }
    }

    /** An integral box of at most {@code bytes} bytes (Java's widening), as a Number. */
    private static Number integral(Object arg, int bytes, NativeType type, String symbol, NativeSignature signature,
                                   int index) {
        int size = arg instanceof Byte ? 1 : arg instanceof Short ? 2 : arg instanceof Integer ? 4
                : arg instanceof Long ? 8 : Integer.MAX_VALUE;
        if (size > bytes) {
            throw mismatch(type, arg, symbol, signature, index);
        }
        return (Number) arg;
    }

    /** An integral box whose value is from 0 to {@code max}: out of range is refused, never truncated. */
    private static void unsigned(Object arg, long max, NativeType type, String symbol, NativeSignature signature,
                                 int index) {
        long value = integral(arg, 8, type, symbol, signature, index).longValue();
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(symbol + signature + ": argument " + (index + 1) + " must be "
                    + type.token() + " (0 to " + max + ") but is " + value);
        }
    }

    /** Any primitive number box; float and double parameters take integers by widening. */
    private static Number number(Object arg, NativeType type, String symbol, NativeSignature signature, int index) {
        if (arg instanceof Byte || arg instanceof Short || arg instanceof Integer || arg instanceof Long
                || arg instanceof Float || arg instanceof Double) {
            return (Number) arg;
        }
        throw mismatch(type, arg, symbol, signature, index);
    }

    private static IllegalArgumentException mismatch(NativeType type, Object arg, String symbol,
                                                     NativeSignature signature, int index) {
        return new IllegalArgumentException(symbol + signature + ": argument " + (index + 1) + " must be "
                + expected(type) + " but is " + describe(arg));
    }

    static String expected(NativeType type) {
        switch (type) {
            case POINTER: return "pointer (a long)";
            case STRING: return "string (a String or null)";
            case BUFFER: return "buffer (a byte[], a direct ByteBuffer or null)";
            default: return type.token();
        }
    }

    /** A value as an error message shows it: {@code String "x"}, {@code Long 5}, {@code byte[16]}, {@code null}. */
    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            String s = (String) value;
            return "String \"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
        }
        if (value.getClass().isArray()) {
            return value.getClass().getComponentType().getSimpleName() + "[" + java.lang.reflect.Array.getLength(value)
                    + "]";
        }
        if (value instanceof ByteBuffer) {
            ByteBuffer b = (ByteBuffer) value;
            return (b.isDirect() ? "direct" : "heap") + " ByteBuffer of " + b.remaining() + " bytes";
        }
        String text = String.valueOf(value);
        return value.getClass().getSimpleName() + " " + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
    }

    private static String count(int n) {
        return n == 1 ? "1 argument" : n + " arguments";
    }
}
