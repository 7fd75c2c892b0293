package io.nativebundle.api;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.nativebundle.contract.StructField;
import io.nativebundle.contract.StructLayout;

/**
 * The layout of a C struct a signature uses: its fields in order with their offsets, its size and
 * alignment, computed by natural C alignment for the LP64 targets (Linux x86-64 and aarch64).
 * Declared in a descriptor's {@code [structs]} ({@code div_t = { quot: int, rem: int }}) and
 * carried in {@code NativeBundle-Symbols} written out: {@code div_t{quot:int,rem:int}}.
 *
 * <p>A value, obtained from {@link NativeSignature#returnStructType()} or
 * {@link NativeParameter#structType()}.
 *
 * <p>Serializable since 2.3.0, as its written-out layout, which is parsed and laid out again
 * when read: a malformed layout is refused with an {@link InvalidObjectException} naming it.
 *
 * @since 2.2.0
 */
public final class NativeStructType implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One field: a scalar or a nested struct, alone or as a fixed array, at its offset. */
    public static final class Field {
        private final StructField field;
        private final NativeStructType struct;
        private final NativeType type;
        /** The position among the struct's fields: where {@link NativeStruct} keeps its value. */
        private final int index;

        Field(StructField field, int index) {
            this.field = field;
            this.index = index;
            this.struct = field.struct().map(NativeStructType::new).orElse(null);
            this.type = NativeType.of(field.type());
        }

        /** The field's name. */
        public String name() {
            return field.name();
        }

        /** The element type; {@link NativeType#STRUCT} for a nested struct. */
        public NativeType type() {
            return type;
        }

        /** The nested struct's layout; empty for a scalar field. */
        public Optional<NativeStructType> structType() {
            return Optional.ofNullable(struct);
        }

        /** The length of a fixed array ({@code sysname: byte[65]}); 0 for a single value. */
        public int count() {
            return field.count();
        }

        /**
         * The Java array that carries this field when it is a fixed array ({@link NativeStruct}'s
         * table: {@code short[]} for {@code ubyte}, {@code long[]} for {@code uint}, ...).
         *
         * @throws IllegalStateException when the field is not an array
         */
        public Class<?> arrayClass() {
            if (count() == 0) {
                throw new IllegalStateException("field '" + name() + "' is not an array");
            }
            return NativeStruct.arrayClass(this);
        }

        /** The offset from the start of the struct, in bytes. */
        public int offset() {
            return field.offset();
        }

        /** The size of one element, in bytes. */
        public int elementSize() {
            return field.elementSize();
        }

        int index() {
            return index;
        }

        /** {@code quot:int}. */
        @Override
        public String toString() {
            return field.toString();
        }
    }

    private final StructLayout layout;
    private final List<Field> fields;
    /** The fields by name, for {@link #field}: structs are built and read by name on the call path. */
    private final Map<String, Field> byName;

    NativeStructType(StructLayout layout) {
        this.layout = Objects.requireNonNull(layout, "layout");
        List<StructField> declared = layout.fields();
        List<Field> fields = new ArrayList<>(declared.size());
        for (int i = 0; i < declared.size(); i++) {
            fields.add(new Field(declared.get(i), i));
        }
        this.fields = List.copyOf(fields);
        Map<String, Field> names = new HashMap<>();
        fields.forEach(f -> names.put(f.name(), f));
        this.byName = Map.copyOf(names);
    }

    /** The struct's name, e.g. {@code div_t}. */
    public String name() {
        return layout.name();
    }

    /** The fields in declaration order. */
    public List<Field> fields() {
        return fields;
    }

    /** The field named {@code name}. */
    public Optional<Field> field(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The position of field {@code name} among {@link #fields()}, or -1 when there is none. */
    int indexOf(String name) {
        Field f = byName.get(name);
        return f == null ? -1 : f.index;
    }

    /** The size in bytes, padding included. */
    public int size() {
        return layout.size();
    }

    /** The alignment in bytes: that of the most aligned field. */
    public int alignment() {
        return layout.alignment();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NativeStructType t && layout.equals(t.layout);
    }

    @Override
    public int hashCode() {
        return layout.hashCode();
    }

    private Object writeReplace() {
        return new Form(toString());
    }

    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw SerialForms.formOnly(NativeStructType.class);
    }

    /** The serial form: the layout as signatures write it, read back as the result of {@code ()layout}. */
    private static final class Form implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String layout;

        Form(String layout) {
            this.layout = layout;
        }

        private Object readResolve() throws InvalidObjectException {
            String expected = "a struct layout such as div_t{quot:int,rem:int}";
            if (layout == null || layout.indexOf('{') <= 0) {
                throw SerialForms.malformed(NativeStructType.class, expected, layout == null ? "null" : "'" + layout + "'");
            }
            return SerialForms.signature(NativeStructType.class, "()" + layout).returnStructType()
                    .orElseThrow(() -> SerialForms.malformed(NativeStructType.class, expected, "'" + layout + "'"));
        }
    }

    /** {@code div_t{quot:int,rem:int}}: the layout as signatures write it. */
    @Override
    public String toString() {
        return layout.toString();
    }
}
