package io.nativebundle.contract;

import java.util.Objects;
import java.util.Optional;

/**
 * The type of a function C calls back: a name and the signature of the call, declared in a
 * descriptor's {@code [callbacks]} ({@code comparator = (pointer, pointer)int}) and written out in
 * {@code NativeBundle-Symbols} as {@code comparator(pointer,pointer)int}, so a header signature is
 * complete on its own ({@code qsort;signature="(pointer,size_t,size_t,comparator(pointer,pointer)int)void"}).
 *
 * <p>A callback's own signature is kept to what an upcall stub can take and give back without
 * memory the runtime would have to own across the call: scalars by value ({@link #isCallbackType}),
 * no structs, arrays, {@code out}, strings, nested callbacks, variadics or errno. A {@code char *}
 * argument is a {@code pointer}.
 *
 * @param name      the callback type's name, a C identifier
 * @param signature the signature C calls it with
 */
public record CallbackType(String name, Signature signature) {

    /** What a callback's parameters and result may be, for messages. */
    public static final String CALLBACK_TYPES = "byte, short, int, long, float, double, boolean, pointer, ubyte, ushort,"
            + " uint, ulong (void as the result)";

    public CallbackType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(signature, "signature");
        whyNot(signature).ifPresent(why -> {
            throw new IllegalArgumentException("callback " + name + " " + why);
        });
    }

    /** Why {@code signature} cannot be a callback's, or empty when it can. */
    static Optional<String> whyNot(Signature signature) {
        if (signature.capturesErrno() || signature.fixedCount() >= 0) {
            return Optional.of("cannot be variadic or capture errno");
        }
        for (Parameter p : signature.parameterList()) {
            if (p.direction() != Parameter.Direction.IN || p.array() || !isCallbackType(p.type())) {
                return Optional.of("cannot take " + p + "; a callback takes " + CALLBACK_TYPES);
            }
        }
        if (signature.returnType() != TypeName.VOID && !isCallbackType(signature.returnType())) {
            return Optional.of("cannot return " + signature.returnLayout().map(StructLayout::name)
                    .orElse(signature.returnType().token()) + "; a callback returns " + CALLBACK_TYPES);
        }
        return Optional.empty();
    }

    /** Whether a callback may take or return a value of {@code type}: a scalar by value, but no string or buffer. */
    public static boolean isCallbackType(TypeName type) {
        return type != TypeName.VOID && type != TypeName.STRING && type != TypeName.BUFFER && type != TypeName.STRUCT
                && type != TypeName.CALLBACK;
    }

    /** {@code comparator(pointer,pointer)int}. */
    @Override
    public String toString() {
        return name + signature;
    }
}
