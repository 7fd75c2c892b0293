package io.nativebundle.shell.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

import io.nativebundle.api.NativeParameter;
import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.NativeStructType;
import io.nativebundle.api.NativeType;

/**
 * Turns the words typed after {@code native:call math add} into the Java values
 * {@code NativeFunction.invoke} expects, by the declared signature:
 *
 * <ul>
 * <li>{@code byte}, {@code short}, {@code int}, {@code long}, {@code pointer}: decimal, or hex
 *     with {@code 0x}; hex may use the whole unsigned range ({@code 0xff} is the byte -1);</li>
 * <li>{@code float}, {@code double}: a decimal number such as {@code 2.5} or {@code 1e-3};</li>
 * <li>{@code boolean}: {@code true}, {@code false}, {@code 1} or {@code 0};</li>
 * <li>{@code string}: the word as given;</li>
 * <li>{@code buffer}: the word's UTF-8 bytes, or the bytes written after {@code hex:}, e.g. {@code hex:0a0b};</li>
 * <li>{@code ubyte}, {@code ushort}, {@code uint}, {@code ulong}: decimal or {@code 0x} hex from 0
 *     to the type's maximum ({@code 18446744073709551615} for {@code ulong});</li>
 * <li>a struct: a literal {@code {quot=3, rem=2}} ({@link StructLiteral});</li>
 * <li>an array: {@code [1, 2, 3]} or {@code null}.</li>
 * </ul>
 * An {@code out} parameter takes no word.
 *
 * Every error is an {@link IllegalArgumentException} whose message names the argument, the word
 * and the expected signature.
 */
final class ValueParser {

    private static final String HEX_PREFIX = "hex:";

    private ValueParser() {
    }

    /**
     * The arguments of a call of {@code library}'s {@code symbol}.
     *
     * @throws IllegalArgumentException on a wrong count or a word that does not fit its type
     */
    static Object[] arguments(String library, String symbol, NativeSignature signature, List<?> words) {
        for (NativeParameter p : signature.parameterList()) {
            if (p.type() == NativeType.CALLBACK) {
                // before the count: no word could stand for it
                throw new IllegalArgumentException(symbol + signature + " of " + library + " cannot be called from the"
                        + " shell: parameter " + (p.index() + 1) + " (" + p.label() + ") is a callback "
                        + p.callbackName().orElseThrow() + p.callbackSignature().orElseThrow() + ", and a shell cannot"
                        + " supply the Java code C would call; call it from a bundle through NativeFunction.call with a"
                        + " NativeCallback");
            }
        }
        // out-parameters take no word: the runtime allocates them and the call prints their values
        List<NativeParameter> passed = signature.parameterList().stream().filter(NativeParameter::takesValue).toList();
        List<NativeType> types = passed.stream().map(NativeParameter::type).toList();
        if (words.size() != types.size()) {
            throw new IllegalArgumentException(symbol + signature + " of " + library + " takes " + count(types.size())
                    + ", got " + words.size() + "; usage: " + usage(library, symbol, passed));
        }
        Object[] values = new Object[types.size()];
        for (int i = 0; i < values.length; i++) {
            Object word = words.get(i);
            try {
                if (word == null) {
                    throw new IllegalArgumentException("Gogo reads a bare null as no value; quote it ('null') to pass the text");
                }
                values[i] = passed.get(i).isArray() ? array(passed.get(i), word.toString())
                        : types.get(i) == NativeType.STRUCT
                        ? StructLiteral.parse(passed.get(i).structType().orElseThrow(), word.toString())
                        : parse(types.get(i), word.toString());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("argument " + (i + 1) + " of " + symbol + signature + " of " + library
                        + ": " + e.getMessage(), e);
            }
        }
        return values;
    }

    /**
     * One value of {@code type}: a {@code Byte}, {@code Short}, {@code Integer}, {@code Long} (also
     * for {@code pointer}), {@code Float}, {@code Double}, {@code Boolean}, {@code String} or {@code byte[]}.
     *
     * @throws IllegalArgumentException saying what was expected
     */
    static Object parse(NativeType type, String text) {
        switch (type) {
            case BYTE: return (byte) integer(text, type, 8, false);
            case SHORT: return (short) integer(text, type, 16, false);
            case INT: return (int) integer(text, type, 32, false);
            case LONG: return integer(text, type, 64, false);
            case POINTER: return integer(text, type, 64, true);
            case UBYTE: return (short) unsigned(text, type, 8);
            case USHORT: return (int) unsigned(text, type, 16);
            case UINT: return unsigned(text, type, 32);
            case ULONG: return unsigned(text, type, 64);
            case FLOAT: return floating(text, true);
            case DOUBLE: return floating(text, false);
            case BOOLEAN: return bool(text);
            case STRING: return text;
            case BUFFER: return buffer(text);
            default:
                throw new IllegalArgumentException("no value can be passed as " + type.token());
        }
    }

    /**
     * An array argument, {@code [1, 2, 3]} (or {@code null} for a null pointer), its elements read
     * by the element type into the Java array {@code NativeParameter.arrayClass()} names (an
     * {@code ubyte[]} into a {@code short[]}, {@code [true, false]} for a {@code boolean[]}, struct
     * literals for an array of structs: {@code [{quot=1, rem=2}, {quot=3, rem=0}]}); for an
     * {@code out} array the values only give the length ({@code [0, 0]}).
     */
    static Object array(NativeParameter parameter, String text) {
        NativeType element = parameter.type();
        String t = text.strip();
        if (t.equals("null")) {
            return null;
        }
        if (!t.startsWith("[") || !t.endsWith("]")) {
            throw new IllegalArgumentException("'" + text + "' is not an array of " + element.token()
                    + ": write [1, 2, 3], or null");
        }
        if (element == NativeType.STRUCT) {
            return StructLiteral.parseArray(parameter.structType().orElseThrow(), t);
        }
        String body = t.substring(1, t.length() - 1).strip();
        String[] words = body.isEmpty() ? new String[0] : body.split(",", -1);
        Object array = java.lang.reflect.Array.newInstance(parameter.arrayClass().getComponentType(), words.length);
        for (int i = 0; i < words.length; i++) {
            try {
                java.lang.reflect.Array.set(array, i, parse(element, words[i].strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("element " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return array;
    }

    /** A placeholder per passed parameter, e.g. {@code native:call math add <int> <int>}, {@code <div_t>} for a struct. */
    static String usage(String library, String symbol, List<NativeParameter> parameters) {
        StringJoiner j = new StringJoiner(" ");
        j.add("native:call").add(library).add(symbol);
        parameters.forEach(p -> j.add("<" + p.structType().map(NativeStructType::name).orElse(p.type().token())
                + (p.isArray() ? "[]" : "") + ">"));
        return j.toString();
    }

    /**
     * An unsigned integer of {@code bits} bits, decimal or {@code 0x} hex, from 0 to 2^bits - 1;
     * a {@code ulong} above {@code Long.MAX_VALUE} comes back as the long of its 64 bits.
     */
    private static long unsigned(String text, NativeType type, int bits) {
        String t = text.strip();
        boolean hex = t.startsWith("0x") || t.startsWith("0X");
        String digits = hex ? t.substring(2) : t.startsWith("+") ? t.substring(1) : t;
        BigInteger max = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        if (digits.isEmpty() || !digits.chars().allMatch(c -> hex ? Character.digit(c, 16) >= 0 : c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("'" + text + "' is not " + article(type) + ": write a number from 0 to "
                    + max + " in decimal or 0x hex");
        }
        BigInteger value = new BigInteger(digits, hex ? 16 : 10);
        if (value.compareTo(max) > 0) {
            throw new IllegalArgumentException("'" + text + "' is out of range for " + type.token() + ": 0.." + max);
        }
        return value.longValue();
    }

    /**
     * A signed integer of {@code bits} bits. Decimal must fit the signed range (or, with
     * {@code unsignedDecimal}, the unsigned one); hex may use the unsigned range and is read as
     * two's complement.
     */
    private static long integer(String text, NativeType type, int bits, boolean unsignedDecimal) {
        String t = text.strip();
        boolean negative = t.startsWith("-");
        String body = negative || t.startsWith("+") ? t.substring(1) : t;
        boolean hex = body.startsWith("0x") || body.startsWith("0X");
        String digits = hex ? body.substring(2) : body;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> hex ? Character.digit(c, 16) >= 0 : c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("'" + text + "' is not " + article(type) + ": write a decimal number or 0x hex");
        }
        BigInteger value = new BigInteger(digits, hex ? 16 : 10);
        if (negative) {
            value = value.negate();
        }
        BigInteger min = BigInteger.ONE.shiftLeft(bits - 1).negate();
        BigInteger signedMax = BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE);
        BigInteger unsignedMax = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        BigInteger max = hex || unsignedDecimal ? unsignedMax : signedMax;
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException("'" + text + "' is out of range for " + type.token() + ": "
                    + min + ".." + signedMax + " or 0x0..0x" + unsignedMax.toString(16));
        }
        return value.longValue();
    }

    private static Object floating(String text, boolean single) {
        String kind = single ? "float" : "double";
        String t = text.strip();
        double value;
        try {
            value = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a " + kind + ": write a number such as 2.5 or 1e-3");
        }
        boolean infinite = single ? Float.isInfinite((float) value) : Double.isInfinite(value);
        if (infinite && !t.toLowerCase(Locale.ROOT).contains("infinity")) {
            throw new IllegalArgumentException("'" + text + "' is out of range for " + kind);
        }
        return single ? (Object) (float) value : (Object) value;
    }

    private static Boolean bool(String text) {
        switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true":
            case "1":
                return Boolean.TRUE;
            case "false":
            case "0":
                return Boolean.FALSE;
            default:
                throw new IllegalArgumentException("'" + text + "' is not a boolean: write true, false, 1 or 0");
        }
    }

    private static byte[] buffer(String text) {
        if (!text.startsWith(HEX_PREFIX)) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return HexFormat.of().parseHex(text.substring(HEX_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a hex buffer: write an even number of hex digits"
                    + " after hex:, e.g. hex:0a0b");
        }
    }

    /** {@code an int}, {@code a long}. */
    static String article(NativeType type) {
        return (type == NativeType.INT || type == NativeType.UBYTE || type == NativeType.USHORT
                || type == NativeType.UINT || type == NativeType.ULONG ? "an " : "a ") + type.token();
    }

    private static String count(int n) {
        return n == 1 ? "1 argument" : n + " arguments";
    }
}
