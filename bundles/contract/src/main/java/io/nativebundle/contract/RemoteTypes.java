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
 * <p>The rule is an allow-list: a type added to the grammar later (structs, arrays,
 * out-parameters, callbacks) does not cross until it is added here with how it is copied.
 */
public final class RemoteTypes {

    private static final Set<TypeName> CROSSING = EnumSet.of(TypeName.VOID, TypeName.BYTE, TypeName.SHORT,
            TypeName.INT, TypeName.LONG, TypeName.FLOAT, TypeName.DOUBLE, TypeName.BOOLEAN, TypeName.STRING);

    private RemoteTypes() {
    }

    /** Whether a value of {@code type} crosses the wire as a copy that means the same on the other side. */
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

    /** The types that cross, for messages: {@code void, byte, ..., string}. */
    public static String vocabulary() {
        StringBuilder b = new StringBuilder();
        for (TypeName t : CROSSING) {
            b.append(b.length() == 0 ? "" : ", ").append(t.token());
        }
        return b.toString();
    }
}
