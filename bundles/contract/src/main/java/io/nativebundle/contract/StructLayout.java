package io.nativebundle.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The layout of a C struct declared field by field, with natural C alignment
 * ({@link CScalars}): each field at the next offset that is a multiple of its alignment, the
 * struct aligned to its most aligned field and its size rounded up to that alignment. A declared
 * {@code size=} is asserted against the computed size, so a layout that disagrees with the C
 * header is refused where it is read (wrapper, bnd plugin, loader) rather than mis-called.
 *
 * <p>Written {@code div_t{quot:int,rem:int}}, or {@code ...}size=8} when a size was declared:
 * the form a signature carries in {@code NativeBundle-Symbols}, so a signature is complete on
 * its own.
 */
public final class StructLayout {

    /** A field as declared, before offsets are known. */
    public record FieldDeclaration(String name, TypeName type, StructLayout struct, int count) {
    }

    private final String name;
    private final List<StructField> fields;
    private final int size;
    private final int alignment;
    private final Optional<Integer> declaredSize;

    private StructLayout(String name, List<StructField> fields, int size, int alignment, Optional<Integer> declaredSize) {
        this.name = name;
        this.fields = List.copyOf(fields);
        this.size = size;
        this.alignment = alignment;
        this.declaredSize = declaredSize;
    }

    /**
     * Lays out {@code fields} in order.
     *
     * @param declaredSize the size the declaration asserts, or empty
     * @throws IllegalArgumentException for no fields, a repeated field name, a field type without
     *                                  a fixed size, or a declared size that is not the computed one
     */
    public static StructLayout of(String name, List<FieldDeclaration> fields, Optional<Integer> declaredSize) {
        if (!CIdentifier.isValid(name)) {
            throw new IllegalArgumentException("struct name '" + name + "' is not a C identifier");
        }
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("struct " + name + " has no fields; expected at least one, as in "
                    + name + " = { quot: int, rem: int }");
        }
        List<StructField> laid = new ArrayList<>();
        int offset = 0;
        int alignment = 1;
        for (FieldDeclaration f : fields) {
            if (laid.stream().anyMatch(g -> g.name().equals(f.name()))) {
                throw new IllegalArgumentException("struct " + name + " has two fields named '" + f.name() + "'");
            }
            if (f.struct() == null && !f.type().isFieldType()) {
                throw new IllegalArgumentException("field '" + f.name() + "' of struct " + name + " cannot be of type "
                        + f.type().token() + "; a field has a fixed size (write pointer for a char *)");
            }
            StructField field = new StructField(f.name(), f.struct() != null ? TypeName.STRUCT : f.type(), f.struct(),
                    f.count(), 0);
            int align = field.alignment();
            offset = roundUp(offset, align);
            laid.add(new StructField(f.name(), field.type(), f.struct(), f.count(), offset));
            offset += field.elementSize() * Math.max(1, f.count());
            alignment = Math.max(alignment, align);
        }
        int size = padded(offset, alignment);
        if (declaredSize.isPresent() && declaredSize.get() != size) {
            throw new IllegalArgumentException("struct " + name + " declares size=" + declaredSize.get()
                    + " but its fields lay out to " + size + " bytes (natural C alignment, LP64)");
        }
        return new StructLayout(name, laid, size, alignment, declaredSize);
    }

    private static int roundUp(int value, int alignment) {
        return (value + alignment - 1) / alignment * alignment;
    }

    /**
     * The C size of a struct whose last field ends at {@code end} and whose most aligned field
     * has {@code alignment}: the end rounded up to the alignment, so that an array of the struct
     * keeps every element aligned. jnr-ffi's {@code Struct.size} omits this trailing padding
     * unless the struct declares an explicit alignment.
     */
    public static int padded(int end, int alignment) {
        return roundUp(end, alignment);
    }

    /** The struct's name, e.g. {@code div_t}. */
    public String name() {
        return name;
    }

    /** The fields in declaration order, with their offsets. */
    public List<StructField> fields() {
        return fields;
    }

    /** The size in bytes, padding included. */
    public int size() {
        return size;
    }

    /** The alignment: that of its most aligned field. */
    public int alignment() {
        return alignment;
    }

    /** The size the declaration asserted, if it did. */
    public Optional<Integer> declaredSize() {
        return declaredSize;
    }

    /** {@code div_t{quot:int,rem:int}}, with {@code size=8} after the brace when declared. */
    @Override
    public String toString() {
        return name + fields.stream().map(StructField::toString).collect(Collectors.joining(",", "{", "}"))
                + declaredSize.map(s -> "size=" + s).orElse("");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StructLayout l && name.equals(l.name) && fields.equals(l.fields)
                && declaredSize.equals(l.declaredSize);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, fields, declaredSize);
    }
}
