package io.nativebundle.contract;

import java.util.Objects;
import java.util.Optional;

/**
 * One field of a {@link StructLayout}: a scalar or a nested struct, alone or as a fixed array
 * ({@code sysname: byte[65]}), at its offset in the struct.
 */
public final class StructField {

    private final String name;
    private final TypeName type;
    private final StructLayout struct;
    private final int count;
    private final int offset;

    StructField(String name, TypeName type, StructLayout struct, int count, int offset) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = type;
        this.struct = struct;
        this.count = count;
        this.offset = offset;
    }

    public String name() {
        return name;
    }

    /** The element type; {@link TypeName#STRUCT} for a nested struct. */
    public TypeName type() {
        return type;
    }

    /** The layout of a nested struct; empty for a scalar field. */
    public Optional<StructLayout> struct() {
        return Optional.ofNullable(struct);
    }

    /** The length of a fixed array, 0 for a single value. */
    public int count() {
        return count;
    }

    /** The offset of the field from the start of the struct, in bytes. */
    public int offset() {
        return offset;
    }

    /** The size of one element. */
    public int elementSize() {
        return struct != null ? struct.size() : CScalars.size(type);
    }

    int alignment() {
        return struct != null ? struct.alignment() : CScalars.alignment(type);
    }

    /** {@code quot:int}, {@code sysname:byte[65]}, {@code tv:timeval{tv_sec:long,tv_usec:long}}. */
    @Override
    public String toString() {
        return name + ":" + (struct != null ? struct.toString() : type.token()) + (count > 0 ? "[" + count + "]" : "");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StructField f && name.equals(f.name) && type == f.type && Objects.equals(struct, f.struct)
                && count == f.count;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, struct, count);
    }
}
