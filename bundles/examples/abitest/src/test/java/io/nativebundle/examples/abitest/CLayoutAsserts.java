package io.nativebundle.examples.abitest;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.nativebundle.contract.StructField;
import io.nativebundle.contract.StructLayout;
import io.nativebundle.contract.TypeName;

/**
 * C source that holds only if gcc lays a struct out as the contract's {@link StructLayout}
 * computed it: one {@code _Static_assert} each for its {@code sizeof} and {@code _Alignof}, and
 * for every field, nested fields and array elements included, its {@code offsetof} and size. A
 * compiler that lays out otherwise stops with the assert's message, which names the struct, the
 * field and the contract's number.
 */
final class CLayoutAsserts {

    private final StringBuilder c = new StringBuilder();
    private final Set<String> defined = new LinkedHashSet<>();

    /**
     * Starts with {@code preamble}, lines such as {@code #include <stdlib.h>} or the C definitions
     * of the structs to check, then {@code #include <stddef.h>} (for {@code offsetof}).
     */
    CLayoutAsserts(String... preamble) {
        for (String line : preamble) {
            c.append(line).append('\n');
        }
        c.append("#include <stddef.h>\n");
    }

    /** The C type the generated definition of {@code layout} has: {@code struct nb_<name>}. */
    static String generatedType(StructLayout layout) {
        return "struct nb_" + layout.name();
    }

    /**
     * Defines {@code layout} in C from its fields, in order, with the C type of each
     * ({@link #cType}), nested structs first, so that gcc lays out the very field list the
     * contract did.
     */
    CLayoutAsserts define(StructLayout layout) {
        if (!defined.add(layout.name())) {
            return this;
        }
        layout.fields().forEach(f -> f.struct().ifPresent(this::define));
        c.append(generatedType(layout)).append(" {\n");
        for (StructField f : layout.fields()) {
            c.append("    ").append(f.struct().map(CLayoutAsserts::generatedType).orElseGet(() -> cType(f.type())))
                    .append(' ').append(f.name()).append(f.count() > 0 ? "[" + f.count() + "]" : "").append(";\n");
        }
        c.append("};\n");
        return this;
    }

    /** Asserts the contract's layout of {@code layout} on the C type {@code cType} (e.g. {@code struct point}). */
    CLayoutAsserts check(String cType, StructLayout layout) {
        String what = cType + " (the contract's " + layout + ")";
        assertion("sizeof(" + cType + ") == " + layout.size(), what + ": sizeof is not " + layout.size());
        assertion("_Alignof(" + cType + ") == " + layout.alignment(), what + ": _Alignof is not " + layout.alignment());
        fields(cType, "", 0, layout, what);
        return this;
    }

    private void fields(String cType, String path, int base, StructLayout layout, String what) {
        for (StructField f : layout.fields()) {
            String member = path + f.name();
            int offset = base + f.offset();
            int count = Math.max(1, f.count());
            assertion("offsetof(" + cType + ", " + member + ") == " + offset, what + ": " + member + " is not at " + offset);
            assertion("sizeof(((" + cType + " *) 0)->" + member + ") == " + f.elementSize() * count,
                    what + ": " + member + " is not " + f.elementSize() * count + " bytes");
            if (f.count() > 1) {
                int last = offset + f.elementSize() * (f.count() - 1);
                assertion("offsetof(" + cType + ", " + member + "[" + (f.count() - 1) + "]) == " + last,
                        what + ": " + member + "[" + (f.count() - 1) + "] is not at " + last);
            }
            String element = f.count() > 0 ? member + "[0]" : member;
            f.struct().ifPresent(nested -> fields(cType, element + ".", offset, nested, what));
        }
    }

    private void assertion(String condition, String message) {
        c.append("_Static_assert(").append(condition).append(", \"").append(message.replace("\"", "\\\"")).append("\");\n");
    }

    /** The C type of a scalar field: {@code boolean} is a C {@code int}, as the contract has it. */
    static String cType(TypeName type) {
        String c = SCALARS.get(type);
        if (c == null) {
            throw new IllegalArgumentException(type.token() + " is not a field type; expected one of " + SCALARS.keySet());
        }
        return c;
    }

    private static final Map<TypeName, String> SCALARS = new java.util.EnumMap<>(Map.ofEntries(
            Map.entry(TypeName.BYTE, "signed char"), Map.entry(TypeName.UBYTE, "unsigned char"),
            Map.entry(TypeName.SHORT, "short"), Map.entry(TypeName.USHORT, "unsigned short"),
            Map.entry(TypeName.INT, "int"), Map.entry(TypeName.UINT, "unsigned int"),
            Map.entry(TypeName.LONG, "long"), Map.entry(TypeName.ULONG, "unsigned long"),
            Map.entry(TypeName.FLOAT, "float"), Map.entry(TypeName.DOUBLE, "double"),
            Map.entry(TypeName.BOOLEAN, "int"), Map.entry(TypeName.POINTER, "void *")));

    /** The C source so far. */
    String source() {
        return c.toString();
    }
}
