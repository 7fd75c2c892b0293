package io.nativebundle.contract;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which signature types cross the wire when a library is exported through OSGi Remote Services,
 * and why the others do not. A value that is copied (a number, a truth value, a string) means the
 * same on both sides; an address means nothing in another process, and memory the callee may
 * write into would be written into a copy the caller never sees. A function or typed method with
 * a type that does not cross is not exported, and the loader says why, naming this reason.
 *
 * <p>The rule is an allow-list: a type added to the grammar later does not cross until it is
 * added here with how it is copied. Of the C ABI shapes ({@link #whyNot(Signature)}), the
 * unsigned integers cross as their carriers, a struct as a value object (every field copied, so
 * no field may be an address), an array as a copy (copied back through the call's result when it
 * is {@code out} or {@code inout}), and an {@code out}/{@code inout} parameter as the value the
 * call hands back; a callback never does (it is code in the calling process).
 */
public final class RemoteTypes {

    private static final Set<TypeName> CROSSING = EnumSet.of(TypeName.VOID, TypeName.BYTE, TypeName.SHORT,
            TypeName.INT, TypeName.LONG, TypeName.FLOAT, TypeName.DOUBLE, TypeName.BOOLEAN, TypeName.STRING,
            TypeName.UBYTE, TypeName.USHORT, TypeName.UINT, TypeName.ULONG);

    private RemoteTypes() {
    }

    /**
     * Whether a value of {@code type} crosses the wire as a copy that means the same on the other
     * side. A struct is not a type alone: whether it crosses depends on its layout
     * ({@link #whyNot(Signature)}).
     */
    public static boolean crosses(TypeName type) {
        return CROSSING.contains(type);
    }

    /** Why a value of {@code type} does not cross; empty when it does. */
    public static Optional<String> whyNot(TypeName type) {
        if (crosses(type)) {
            return Optional.empty();
        }
        return Optional.of(switch (type) {
            case POINTER -> "a pointer is an address in the exporting process and means nothing in another";
            case BUFFER -> "the callee may write into a buffer, and its writes would reach a copy the caller"
                    + " never sees";
            case CALLBACK -> "a callback is Java code in the calling process, which the other side cannot call";
            case STRUCT -> "a struct crosses only as a value object of a declared layout, which a typed"
                    + " interface's type does not give";
            default -> "'" + type.token() + "' is not among the types that cross the wire (" + vocabulary() + ")";
        });
    }

    /**
     * Why a function with these types is not exported, naming the first type that does not cross
     * ({@code parameter 2 is pointer: ...}); empty when every type crosses.
     */
    public static Optional<String> whyNot(List<TypeName> parameters, TypeName returnType) {
        for (int i = 0; i < parameters.size(); i++) {
            TypeName p = parameters.get(i);
            Optional<String> why = whyNot(p);
            if (why.isPresent()) {
                return Optional.of("parameter " + (i + 1) + " is " + p.token() + ": " + why.get());
            }
        }
        return whyNot(returnType).map(why -> "the result is " + returnType.token() + ": " + why);
    }

    /**
     * Why a function of this signature is not exported, naming the first parameter or the result
     * that does not cross ({@code parameter 2 (tz) is pointer: ...}, {@code parameter 1 is struct
     * tm: field 'tm_zone' is pointer: ...}); empty when the whole signature crosses: its scalars
     * and unsigned integers, strings, arrays of those, structs whose fields all cross, in every
     * direction. Parameter directions do not change what crosses: an {@code out} value is copied
     * back in the call's result like the result itself.
     *
     * @since 2.3.0
     */
    public static Optional<String> whyNot(Signature signature) {
        List<Parameter> parameters = signature.parameterList();
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            Optional<String> why = p.layout().isPresent() ? whyNot(p.layout().get()) : whyNot(p.type());
            if (why.isPresent()) {
                return Optional.of("parameter " + (i + 1) + p.optionalName().map(n -> " (" + n + ")").orElse("")
                        + " is " + describe(p) + ": " + why.get());
            }
        }
        Optional<StructLayout> result = signature.returnLayout();
        if (result.isPresent()) {
            return whyNot(result.get()).map(why -> "the result is struct " + result.get().name() + ": " + why);
        }
        return whyNot(signature.returnType()).map(why -> "the result is " + signature.returnType().token() + ": " + why);
    }

    /** Why a struct value does not cross: its first field, nested structs included, that does not. */
    private static Optional<String> whyNot(StructLayout layout) {
        for (StructField field : layout.fields()) {
            Optional<String> why = field.struct().isPresent() ? field.struct().flatMap(RemoteTypes::whyNot)
                    : whyNot(field.type());
            if (why.isPresent()) {
                return Optional.of("field '" + field.name() + "' is " + field.type().token() + ": " + why.get());
            }
        }
        return Optional.empty();
    }

    /** {@code out int}, {@code inout struct timeval}, {@code int[]}. */
    private static String describe(Parameter p) {
        String direction = p.direction().keyword();
        String type = p.layout().map(l -> "struct " + l.name()).orElse(p.type().token()) + (p.array() ? "[]" : "");
        return (direction.isEmpty() ? "" : direction + " ") + type;
    }

    /** The types that cross, for messages: {@code void, byte, ..., string}. */
    public static String vocabulary() {
        StringBuilder b = new StringBuilder();
        for (TypeName t : CROSSING) {
            b.append(b.length() == 0 ? "" : ", ").append(t.token());
        }
        return b.toString();
    }
}
