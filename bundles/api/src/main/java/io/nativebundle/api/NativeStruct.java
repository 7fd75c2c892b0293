package io.nativebundle.api;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.function.Supplier;

/**
 * A struct value: one value per field of its {@link NativeStructType}, in field order. What a
 * struct parameter takes and what a struct result or out value is.
 *
 * <pre>{@code
 * NativeStructType divT = div.signature().returnStructType().orElseThrow();
 * NativeStruct r = (NativeStruct) div.invoke(17, 5);
 * r.get("quot");                                        // 3 (an Integer)
 * r.toString();                                         // {quot=3, rem=2}
 * NativeStruct.of(divT, Map.of("quot", 3, "rem", 2));   // a value to pass
 * }</pre>
 *
 * <p>A field's value is the carrier of its type ({@link NativeType}: {@code Integer} for
 * {@code int}, {@code Long} for {@code uint} and {@code pointer}, ...), a nested
 * {@code NativeStruct}, or for a fixed array a Java array: {@code byte[]} for {@code byte},
 * {@code short[]} for {@code short} and {@code ubyte}, {@code int[]} for {@code int} and
 * {@code ushort}, {@code long[]} for {@code long}, {@code uint}, {@code ulong} and
 * {@code pointer}, {@code boolean[]}, {@code float[]}, {@code double[]}, {@code NativeStruct[]}.
 * Arrays are copied in and out, so a struct is immutable.
 *
 * <p>Serializable since 2.3.0 (a struct crosses the wire of Remote Services as a value object),
 * as its type and its values by field, read back through {@link #of}: a stream whose values do
 * not fit the layout is refused with an {@link InvalidObjectException} naming the field.
 *
 * @since 2.2.0
 */
public final class NativeStruct implements Serializable {

    private static final long serialVersionUID = 1L;

    private final NativeStructType type;
    /** The values in field order (a field's {@code NativeStructType.Field#index()}): no map per struct. */
    private final Object[] values;

    private NativeStruct(NativeStructType type, Object[] values) {
        this.type = type;
        this.values = values;
    }

    /**
     * A struct of {@code type} with {@code values}, one per field.
     *
     * @throws IllegalArgumentException for a missing or unknown field, or a value that is not
     *                                  the field's type or does not fit it, naming the field
     */
    public static NativeStruct of(NativeStructType type, Map<String, ?> values) {
        Objects.requireNonNull(type, "type");
        List<NativeStructType.Field> fields = type.fields();
        // as many names as fields and each field named: no name can be unknown, so no look-up per name
        if (values.size() != fields.size() || !namesEvery(fields, values)) {
            for (String name : values.keySet()) {
                if (type.field(name).isEmpty()) {
                    throw new IllegalArgumentException("struct " + type.name() + " has no field '" + name
                            + "'; its fields are " + names(type));
                }
            }
        }
        Object[] checked = new Object[fields.size()];
        for (NativeStructType.Field field : fields) {
            Object value = values.get(field.name());
            if (value == null && !values.containsKey(field.name())) {
                throw new IllegalArgumentException("struct " + type.name() + ": field '" + field.name()
                        + "' has no value; expected one for each of " + names(type));
            }
            checked[field.index()] = value(type, field, value);
        }
        return new NativeStruct(type, checked);
    }

    /**
     * A struct of {@code type} with {@code values} in field order, one per field: what
     * {@link #of(NativeStructType, Map)} makes of the same values by name, without a map.
     *
     * @throws IllegalArgumentException when there are more or fewer values than fields, or for a
     *                                  value that is not the field's type or does not fit it,
     *                                  naming the field
     * @since 2.3.0
     */
    public static NativeStruct of(NativeStructType type, List<?> values) {
        Objects.requireNonNull(type, "type");
        List<NativeStructType.Field> fields = type.fields();
        if (values.size() != fields.size()) {
            throw new IllegalArgumentException("struct " + type.name() + " has " + fields.size()
                    + " fields, " + names(type) + ", but " + values.size() + " values were given");
        }
        Object[] checked = new Object[fields.size()];
        for (int i = 0; i < checked.length; i++) {
            checked[i] = value(type, fields.get(i), values.get(i));
        }
        return new NativeStruct(type, checked);
    }

    private static boolean namesEvery(List<NativeStructType.Field> fields, Map<String, ?> values) {
        for (NativeStructType.Field field : fields) {
            if (!values.containsKey(field.name())) {
                return false;
            }
        }
        return true;
    }

    private static List<String> names(NativeStructType type) {
        return type.fields().stream().map(NativeStructType.Field::name).toList();
    }

    private static Object value(NativeStructType struct, NativeStructType.Field field, Object value) {
        if (field.count() == 0 && Carriers.isCarrier(field.type(), value)) {
            // already the field's carrier, within range: what normalize would make of it
            return value;
        }
        // the text for a refusal only: built when a value is refused, not for every field of every struct
        Supplier<String> where = () -> "struct " + struct.name() + ": field '" + field.name() + "'";
        if (field.count() == 0) {
            return field.type() == NativeType.STRUCT ? nested(field, value, where)
                    : Carriers.normalize(field.type(), value, where);
        }
        Class<?> arrayType = arrayClass(field);
        if (value == null || value.getClass() != arrayType || Array.getLength(value) != field.count()) {
            throw new IllegalArgumentException(where.get() + " must be " + arrayType.getSimpleName().replace("[]", "")
                    + "[" + field.count() + "] but is " + describe(value));
        }
        Object copy = Array.newInstance(arrayType.getComponentType(), field.count());
        for (int i = 0; i < field.count(); i++) {
            Object element = Array.get(value, i);
            int index = i;
            Supplier<String> at = () -> where.get() + "[" + index + "]";
            Array.set(copy, i, field.type() == NativeType.STRUCT ? nested(field, element, at)
                    : Carriers.normalize(field.type(), element, at));
        }
        return copy;
    }

    private static NativeStruct nested(NativeStructType.Field field, Object value, Supplier<String> where) {
        NativeStructType nested = field.structType().orElseThrow();
        if (value instanceof NativeStruct s && (s.type == nested || s.type.equals(nested))) {
            return s;
        }
        throw new IllegalArgumentException(where.get() + " must be a struct " + nested.name() + " but is "
                + describe(value));
    }

    /** The Java array class of a fixed array field: {@link Carriers#arrayClass}. */
    static Class<?> arrayClass(NativeStructType.Field field) {
        return Carriers.arrayClass(field.type());
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value.getClass().isArray()) {
            return value.getClass().getComponentType().getSimpleName() + "[" + Array.getLength(value) + "]";
        }
        return value.getClass().getSimpleName() + " " + value;
    }

    /** The layout. */
    public NativeStructType type() {
        return type;
    }

    /**
     * The value of field {@code name}; an array field's value is a copy.
     *
     * @throws IllegalArgumentException when the struct has no such field
     */
    public Object get(String name) {
        int index = type.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("struct " + type.name() + " has no field '" + name + "'");
        }
        Object value = values[index];
        return value.getClass().isArray() ? copy(value) : value;
    }

    /**
     * A {@code byte[]} field read as a C string: UTF-8 up to the first NUL ({@code uname}'s
     * {@code sysname}).
     *
     * @throws IllegalArgumentException when the field is not a {@code byte} array
     */
    public String string(String name) {
        int index = type.indexOf(name);
        if (index < 0 || !(values[index] instanceof byte[] bytes)) {
            throw new IllegalArgumentException("struct " + type.name() + ": field '" + name
                    + "' is not a byte array, so it holds no C string");
        }
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    /** The values in field order; arrays are copies. */
    public Map<String, Object> values() {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (NativeStructType.Field field : type.fields()) {
            Object v = values[field.index()];
            copy.put(field.name(), v.getClass().isArray() ? copy(v) : v);
        }
        return Collections.unmodifiableMap(copy);
    }

    private static Object copy(Object array) {
        int n = Array.getLength(array);
        Object copy = Array.newInstance(array.getClass().getComponentType(), n);
        System.arraycopy(array, 0, copy, 0, n);
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof NativeStruct s) || !type.equals(s.type)) {
            return false;
        }
        // equal layouts have their fields in the same order
        for (int i = 0; i < values.length; i++) {
            if (!Objects.deepEquals(values[i], s.values[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = type.hashCode();
        for (Object v : values) {
            h = 31 * h + java.util.Arrays.deepHashCode(new Object[] {v});
        }
        return h;
    }

    private Object writeReplace() {
        LinkedHashMap<String, Object> byName = new LinkedHashMap<>();
        for (NativeStructType.Field field : type.fields()) {
            byName.put(field.name(), values[field.index()]);
        }
        return new Form(type, byName);
    }

    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw SerialForms.formOnly(NativeStruct.class);
    }

    /** The serial form: the layout and the values by field, checked again by {@link NativeStruct#of}. */
    private static final class Form implements Serializable {
        private static final long serialVersionUID = 1L;
        private final NativeStructType type;
        private final LinkedHashMap<String, Object> values;

        Form(NativeStructType type, LinkedHashMap<String, Object> values) {
            this.type = type;
            this.values = values;
        }

        private Object readResolve() throws InvalidObjectException {
            if (type == null || values == null) {
                throw SerialForms.malformed(NativeStruct.class, "a layout and a value per field",
                        type == null ? "no layout" : "no values");
            }
            try {
                return NativeStruct.of(type, values);
            } catch (IllegalArgumentException e) {
                throw SerialForms.malformed(NativeStruct.class, "values that fit " + type, e.getMessage());
            }
        }
    }

    /**
     * {@code {quot=3, rem=2}}: field order, {@code ulong} values unsigned, arrays as
     * {@code [1, 2]}; the form {@code native:call} prints and reads.
     */
    @Override
    public String toString() {
        StringJoiner out = new StringJoiner(", ", "{", "}");
        for (NativeStructType.Field field : type.fields()) {
            out.add(field.name() + "=" + format(field.type(), values[field.index()]));
        }
        return out.toString();
    }

    /** A value as {@code native:call} prints it: unsigned {@code ulong}, arrays element by element. */
    static String format(NativeType type, Object value) {
        if (value != null && value.getClass().isArray()) {
            StringJoiner out = new StringJoiner(", ", "[", "]");
            for (int i = 0; i < Array.getLength(value); i++) {
                out.add(format(type, Array.get(value, i)));
            }
            return out.toString();
        }
        if (type == NativeType.ULONG && value instanceof Long l) {
            return Long.toUnsignedString(l);
        }
        return String.valueOf(value);
    }
}
