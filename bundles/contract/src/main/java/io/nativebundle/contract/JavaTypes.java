package io.nativebundle.contract;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps the Java types of a jnr-ffi style interface method to the signature vocabulary: the bnd
 * plugin writes {@code NativeBundle-Symbols} from an interface with it, and the loader's
 * out-of-process backend binds the same interface with it, so both read a method the same way.
 * Types and annotations are given by their fully qualified names ({@code byte[]} for an array).
 *
 * <table>
 * <caption>Mapping</caption>
 * <tr><th>Java</th><th>signature</th></tr>
 * <tr><td>{@code void, byte, short, int, long, float, double, boolean}</td><td>the same word</td></tr>
 * <tr><td>{@code String}, {@code CharSequence}</td><td>{@code string}</td></tr>
 * <tr><td>{@code byte[]}, {@code java.nio.ByteBuffer} (parameters only)</td><td>{@code buffer}</td></tr>
 * <tr><td>{@code jnr.ffi.Pointer}</td><td>{@code pointer}</td></tr>
 * <tr><td>{@code long} annotated {@code @intptr_t}, {@code @uintptr_t}, {@code @caddr_t}</td>
 *     <td>{@code pointer}: the value is an address</td></tr>
 * <tr><td>{@code long} annotated with any other {@code jnr.ffi.types} annotation
 *     ({@code @size_t}, {@code @ssize_t}, {@code @u_int64_t}, {@code @off_t}, ...)</td>
 *     <td>{@code long}: an integer, 64 bits on every LP64 platform this runtime targets</td></tr>
 * <tr><td>a {@code jnr.ffi.byref} type ({@code NativeLongByReference}, {@code LongLongByReference},
 *     {@code IntByReference}, ...; parameters only)</td>
 *     <td>{@code pointer}: jnr-ffi passes the address of a temporary, e.g. zlib's {@code uLongf *destLen}</td></tr>
 * </table>
 *
 * Everything else (other arrays, boxed types, structs) has no mapping.
 */
public final class JavaTypes {

    /** Supported Java types, named for messages. */
    public static final String SUPPORTED = "void, byte, short, int, long, float, double, boolean, String, CharSequence, "
        + "byte[], java.nio.ByteBuffer, jnr.ffi.Pointer, jnr.ffi.byref.* (parameters)";

    /** jnr-ffi's pointer type: memory the JVM reads and writes at an address. */
    public static final String JNR_POINTER = "jnr.ffi.Pointer";

    private static final String BY_REFERENCE_PACKAGE = "jnr.ffi.byref.";
    private static final String TYPES_PACKAGE = "jnr.ffi.types.";
    private static final Set<String> ADDRESS_TYPES = Set.of("intptr_t", "uintptr_t", "caddr_t");

    private static final Map<String, TypeName> PRIMITIVES = Map.of(
        "void", TypeName.VOID, "byte", TypeName.BYTE, "short", TypeName.SHORT, "int", TypeName.INT,
        "long", TypeName.LONG, "float", TypeName.FLOAT, "double", TypeName.DOUBLE,
        "boolean", TypeName.BOOLEAN);

    private static final Map<String, TypeName> OBJECTS = Map.of(
        "java.lang.String", TypeName.STRING, "java.lang.CharSequence", TypeName.STRING,
        "byte[]", TypeName.BUFFER, "java.nio.ByteBuffer", TypeName.BUFFER,
        JNR_POINTER, TypeName.POINTER);

    /** The boxed types jnr-ffi's {@code Variable<T>} supports, with the variable's type. */
    private static final Map<String, TypeName> VARIABLE_TYPES = Map.of(
        "java.lang.Byte", TypeName.BYTE, "java.lang.Short", TypeName.SHORT, "java.lang.Integer", TypeName.INT,
        "java.lang.Long", TypeName.LONG, "java.lang.Float", TypeName.FLOAT, "java.lang.Double", TypeName.DOUBLE,
        JNR_POINTER, TypeName.POINTER);

    private JavaTypes() {
    }

    /**
     * The signature type of a parameter or return type.
     *
     * @param type        the erased Java type's name, e.g. {@code int}, {@code java.lang.String}, {@code byte[]}
     * @param annotations the fully qualified names of the annotations on the parameter or method
     */
    public static Optional<TypeName> map(String type, Set<String> annotations) {
        TypeName primitive = PRIMITIVES.get(type);
        if (primitive == TypeName.LONG) {
            boolean address = annotations.stream()
                .filter(a -> a.startsWith(TYPES_PACKAGE))
                .anyMatch(a -> ADDRESS_TYPES.contains(a.substring(TYPES_PACKAGE.length())));
            return Optional.of(address ? TypeName.POINTER : primitive);
        }
        return primitive != null ? Optional.of(primitive) : Optional.ofNullable(OBJECTS.get(type));
    }

    /**
     * The signature type of a parameter: as {@link #map}, and a {@code jnr.ffi.byref} type, which
     * jnr-ffi passes as the address of a temporary it copies in and out, as {@code pointer}.
     */
    public static Optional<TypeName> parameter(String type, Set<String> annotations) {
        if (isByReference(type)) {
            return Optional.of(TypeName.POINTER);
        }
        return map(type, annotations);
    }

    /** Whether {@code type} is a {@code jnr.ffi.byref} type: an out-parameter behind a pointer. */
    public static boolean isByReference(String type) {
        return type.startsWith(BY_REFERENCE_PACKAGE) && type.endsWith("ByReference");
    }

    /** The type of a global variable accessed through {@code jnr.ffi.Variable<T>}, from {@code T}. */
    public static Optional<TypeName> variable(String typeArgument) {
        return Optional.ofNullable(VARIABLE_TYPES.get(typeArgument));
    }
}
