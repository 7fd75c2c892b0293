package io.nativebundle.shell.internal;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.nativebundle.api.NativeStruct;
import io.nativebundle.api.NativeStructType;
import io.nativebundle.api.NativeType;

/**
 * Reads a struct literal typed after {@code native:call}, the form a struct result prints in:
 * {@code {quot=3, rem=2}}; a nested struct is a literal of its own, a fixed array
 * {@code [1, 2, 3]}, and a {@code byte} array may also be a quoted string padded with NULs
 * ({@code "Linux"}). Every field is named once; each value is read by {@link ValueParser} for the
 * field's type. An array of structs is a bracketed list of literals ({@code [{quot=3, rem=2}]}).
 * In Gogo the literal is quoted ({@code '{quot=3, rem=2}'}), since a bare brace starts a closure
 * there.
 */
final class StructLiteral {

    private final String text;
    private int pos;

    private StructLiteral(String text) {
        this.text = text;
    }

    /**
     * @throws IllegalArgumentException naming the position, what was expected and what was found
     */
    static NativeStruct parse(NativeStructType type, String text) {
        StructLiteral p = new StructLiteral(text);
        NativeStruct value = p.struct(type);
        p.blanks();
        if (p.pos != text.length()) {
            throw p.error("the end of the struct literal");
        }
        return value;
    }

    /**
     * An array of struct literals, {@code [{quot=1, rem=2}, {quot=3, rem=0}]}: the argument of an
     * array-of-structs parameter.
     *
     * @throws IllegalArgumentException naming the position, what was expected and what was found
     */
    static NativeStruct[] parseArray(NativeStructType type, String text) {
        StructLiteral p = new StructLiteral(text);
        p.expect('[');
        List<NativeStruct> elements = new ArrayList<>();
        p.blanks();
        if (p.peek() != ']') {
            while (true) {
                elements.add(p.struct(type));
                p.blanks();
                if (p.peek() == ',') {
                    p.pos++;
                    continue;
                }
                break;
            }
        }
        p.expect(']');
        p.blanks();
        if (p.pos != text.length()) {
            throw p.error("the end of the array of struct literals");
        }
        return elements.toArray(new NativeStruct[0]);
    }

    private NativeStruct struct(NativeStructType type) {
        expect('{');
        Map<String, Object> values = new LinkedHashMap<>();
        blanks();
        if (peek() != '}') {
            while (true) {
                int at = pos;
                String name = word();
                NativeStructType.Field field = type.field(name).orElseThrow(() -> new IllegalArgumentException(
                        "struct " + type.name() + " has no field '" + name + "' (at column " + (at + 1)
                                + "); its fields are " + type.fields().stream().map(NativeStructType.Field::name).toList()));
                if (values.containsKey(name)) {
                    throw new IllegalArgumentException("field '" + name + "' of struct " + type.name()
                            + " is given twice (at column " + (at + 1) + ")");
                }
                expect('=');
                values.put(name, field.count() > 0 ? array(field) : element(field));
                blanks();
                if (peek() == ',') {
                    pos++;
                    continue;
                }
                break;
            }
        }
        expect('}');
        return NativeStruct.of(type, values);
    }

    private Object element(NativeStructType.Field field) {
        blanks();
        if (field.type() == NativeType.STRUCT) {
            return struct(field.structType().orElseThrow());
        }
        int at = pos;
        String word = scalarWord();
        try {
            return ValueParser.parse(field.type(), word);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field '" + field.name() + "' (at column " + (at + 1) + "): "
                    + e.getMessage(), e);
        }
    }

    private Object array(NativeStructType.Field field) {
        blanks();
        if (field.type() == NativeType.BYTE && peek() == '"') {
            pos++;
            int end = text.indexOf('"', pos);
            if (end < 0) {
                throw error("a closing '\"'");
            }
            byte[] bytes = text.substring(pos, end).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            pos = end + 1;
            if (bytes.length > field.count()) {
                throw new IllegalArgumentException("field '" + field.name() + "' holds " + field.count()
                        + " bytes, the string has " + bytes.length);
            }
            return java.util.Arrays.copyOf(bytes, field.count());
        }
        expect('[');
        List<Object> elements = new ArrayList<>();
        blanks();
        if (peek() != ']') {
            while (true) {
                elements.add(element(field));
                blanks();
                if (peek() == ',') {
                    pos++;
                    continue;
                }
                break;
            }
        }
        expect(']');
        Class<?> component = field.arrayClass().getComponentType();
        if (elements.size() != field.count()) {
            throw new IllegalArgumentException("field '" + field.name() + "' is an array of " + field.count()
                    + " but the literal has " + elements.size());
        }
        Object array = Array.newInstance(component, elements.size());
        for (int i = 0; i < elements.size(); i++) {
            Object e = elements.get(i);
            Array.set(array, i, component == long.class ? ((Number) e).longValue()
                    : component == int.class ? ((Number) e).intValue()
                    : component == short.class ? ((Number) e).shortValue() : e);
        }
        return array;
    }

    private String word() {
        blanks();
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (start == pos) {
            throw error("a field name");
        }
        return text.substring(start, pos);
    }

    /** Up to the next {@code ,}, {@code ]} or {@code }}. */
    private String scalarWord() {
        int start = pos;
        while (pos < text.length() && ",]}".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        return text.substring(start, pos).strip();
    }

    private void expect(char c) {
        blanks();
        if (peek() != c) {
            throw error("'" + c + "'");
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void blanks() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String expected) {
        String found = pos < text.length() ? "'" + text.charAt(pos) + "'" : "the end";
        return new IllegalArgumentException("struct literal '" + text + "', column " + (pos + 1) + ": expected "
                + expected + " but found " + found + "; write it as {quot=3, rem=2}");
    }
}
