package io.nativebundle.contract;

import java.util.ArrayList;
import java.util.List;
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
 *
 * <p>That is the reading of the first vocabulary, which every backend carries (the out-of-process
 * backend binds interfaces with it). {@link #parameterShape} and {@link #resultType} read the
 * same method with the C ABI's vocabulary, for {@code NativeBundle-Symbols}:
 *
 * <table>
 * <caption>The C ABI's reading (where it differs)</caption>
 * <tr><th>Java</th><th>signature</th></tr>
 * <tr><td>{@code @u_int8_t}, {@code @u_int16_t}, {@code @u_int32_t}, {@code @u_int64_t} on an integer
 *     primitive at least as wide</td><td>{@code ubyte}, {@code ushort}, {@code uint}, {@code ulong}</td></tr>
 * <tr><td>{@code @size_t long}, {@code @ssize_t long}</td><td>{@code ulong} ({@code size_t}),
 *     {@code long} ({@code ssize_t})</td></tr>
 * <tr><td>{@code short[]}, {@code int[]}, {@code long[]}, {@code float[]}, {@code double[]}</td>
 *     <td>{@code short[]} ... copied in ({@code @In}), {@code out} ({@code @Out}) or {@code inout}
 *     (neither or both, as jnr-ffi copies them)</td></tr>
 * <tr><td>{@code @Out} by-reference ({@code IntByReference}, {@code LongLongByReference}, ...);
 *     {@code @In @Out} the same</td><td>{@code out int}, {@code out long}, ...; {@code inout int}, ...
 *     (without a direction it stays {@code pointer}, the address)</td></tr>
 * </table>
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

    /** jnr-ffi's integer annotations that change the C type, with the type and the bytes it needs. */
    private static final Map<String, TypeName> INTEGER_ANNOTATIONS = Map.of(
        "u_int8_t", TypeName.UBYTE, "u_int16_t", TypeName.USHORT, "u_int32_t", TypeName.UINT,
        "u_int64_t", TypeName.ULONG, "size_t", TypeName.ULONG, "ssize_t", TypeName.LONG);

    /** The bytes of each Java integer carrier, to refuse a carrier narrower than its C type. */
    private static final Map<String, Integer> CARRIER_BYTES = Map.of("byte", 1, "short", 2, "int", 4, "long", 8);

    /** The primitive arrays that are C arrays of the same element width ({@code byte[]} is a {@code buffer}). */
    private static final Map<String, TypeName> ARRAYS = Map.of(
        "short[]", TypeName.SHORT, "int[]", TypeName.INT, "long[]", TypeName.LONG, "float[]", TypeName.FLOAT,
        "double[]", TypeName.DOUBLE);

    /** The by-reference types that hold one scalar ({@code NativeLong} is 64 bits on the LP64 targets). */
    private static final Map<String, TypeName> REFERENCES = Map.of(
        "ByteByReference", TypeName.BYTE, "ShortByReference", TypeName.SHORT, "IntByReference", TypeName.INT,
        "LongLongByReference", TypeName.LONG, "NativeLongByReference", TypeName.LONG,
        "FloatByReference", TypeName.FLOAT, "DoubleByReference", TypeName.DOUBLE,
        "PointerByReference", TypeName.POINTER, "AddressByReference", TypeName.POINTER);

    /** jnr-ffi's direction annotations. */
    public static final String IN = "jnr.ffi.annotations.In";
    /** jnr-ffi's direction annotations. */
    public static final String OUT = "jnr.ffi.annotations.Out";

    /** Supported Java types of the C ABI's reading, named for messages. */
    public static final String SUPPORTED_SHAPES = SUPPORTED + ", short[], int[], long[], float[], double[] "
        + "(@In, @Out or in-out), @Out/@In @Out jnr.ffi.byref scalars, and @u_int8_t, @u_int16_t, @u_int32_t, "
        + "@u_int64_t, @size_t, @ssize_t on an integer";

    private JavaTypes() {
    }

    /**
     * A parameter in the C ABI's vocabulary (see the second table).
     *
     * @return the parameter, unnamed; empty when the type has no mapping
     * @throws IllegalArgumentException when an integer annotation sits on a carrier narrower than its
     *                                  C type ({@code @u_int64_t int}), with a message saying so
     */
    public static Optional<Parameter> parameterShape(String type, Set<String> annotations) {
        boolean in = annotations.contains(IN);
        boolean out = annotations.contains(OUT);
        Parameter.Direction direction = out ? (in ? Parameter.Direction.INOUT : Parameter.Direction.OUT)
            : in ? Parameter.Direction.IN : Parameter.Direction.INOUT;
        TypeName element = ARRAYS.get(type);
        if (element != null) {
            return Optional.of(new Parameter(direction, element, null, null, true));
        }
        if (isByReference(type)) {
            TypeName referenced = REFERENCES.get(type.substring(BY_REFERENCE_PACKAGE.length()));
            return Optional.of(out && referenced != null ? new Parameter(direction, referenced, null, null, false)
                : Parameter.of(TypeName.POINTER));
        }
        return resultType(type, annotations).map(Parameter::of);
    }

    /**
     * A parameter's or result's scalar type in the C ABI's vocabulary: {@link #map}, with the
     * unsigned and size annotations read.
     *
     * @throws IllegalArgumentException as {@link #parameterShape}
     */
    public static Optional<TypeName> resultType(String type, Set<String> annotations) {
        Optional<TypeName> basic = map(type, annotations);
        Integer carrier = CARRIER_BYTES.get(type);
        if (carrier == null || basic.orElse(null) == TypeName.POINTER) {
            return basic;
        }
        for (String annotation : annotations) {
            TypeName c = annotation.startsWith(TYPES_PACKAGE)
                ? INTEGER_ANNOTATIONS.get(annotation.substring(TYPES_PACKAGE.length())) : null;
            if (c != null) {
                int needed = CScalars.size(c);
                if (carrier < needed) {
                    throw new IllegalArgumentException("@" + annotation.substring(TYPES_PACKAGE.length()) + " is "
                        + needed + " bytes and needs a Java carrier at least as wide, not " + type);
                }
                return Optional.of(c);
            }
        }
        return basic;
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

    /** jnr-ffi's annotation of the one method of a callback interface. */
    public static final String DELEGATE = "jnr.ffi.annotations.Delegate";

    /**
     * The callback type of a jnr-ffi callback interface (one method annotated {@code @Delegate}),
     * read as the method's parameters and result are: the same reading the bnd plugin writes into
     * {@code NativeBundle-Symbols} and the loader makes the upcall stub with.
     *
     * @param name                 the interface's simple name, the callback type's name
     * @param parameterTypes       the erased Java types of the method's parameters
     * @param parameterAnnotations the annotations of each parameter, fully qualified
     * @param resultType           the erased Java return type
     * @param resultAnnotations    the method's annotations
     * @throws IllegalArgumentException naming the parameter or result a callback cannot take or return
     */
    public static CallbackType callbackType(String name, List<String> parameterTypes,
                                            List<Set<String>> parameterAnnotations, String resultType,
                                            Set<String> resultAnnotations) {
        List<Parameter> parameters = new ArrayList<>();
        for (int i = 0; i < parameterTypes.size(); i++) {
            String type = parameterTypes.get(i);
            if (type.equals(JNR_POINTER)) {
                // the upcall hands over an address, which no jnr.ffi.Pointer of a runtime wraps there
                throw new IllegalArgumentException("callback " + name + " takes jnr.ffi.Pointer as parameter " + (i + 1)
                    + "; a callback receives an address as a long annotated @intptr_t");
            }
            Optional<TypeName> mapped = resultType(type, parameterAnnotations.get(i));
            if (mapped.isEmpty() || !CallbackType.isCallbackType(mapped.get())) {
                throw new IllegalArgumentException("callback " + name + " takes " + type + " as parameter " + (i + 1)
                    + "; a callback takes " + CallbackType.CALLBACK_TYPES);
            }
            parameters.add(Parameter.of(mapped.get()));
        }
        Optional<TypeName> result = resultType.equals(JNR_POINTER) ? Optional.empty()
            : resultType(resultType, resultAnnotations);
        if (result.isEmpty() || (result.get() != TypeName.VOID && !CallbackType.isCallbackType(result.get()))) {
            throw new IllegalArgumentException("callback " + name + " returns " + resultType + "; a callback returns "
                + CallbackType.CALLBACK_TYPES);
        }
        return new CallbackType(name, new Signature(parameters, result.get(), null, false));
    }

    /** Whether {@code type} is a {@code jnr.ffi.byref} type: an out-parameter behind a pointer. */
    /**
     * Why a typed method called through its declaration ({@code @ByValue}, {@code @Variadic}:
     * {@code NativeFunction}'s carriers, which have no jnr-ffi callback) takes no callback: one
     * message for the bnd plugin, which refuses such a method at build, and the loader.
     */
    public static final String ROUTED_CALLBACK = "a callback; a @ByValue or @Variadic method takes none (declare the"
        + " function in a descriptor and call it through NativeFunction)";

    public static boolean isByReference(String type) {
        return type.startsWith(BY_REFERENCE_PACKAGE) && type.endsWith("ByReference");
    }

    /** The type of a global variable accessed through {@code jnr.ffi.Variable<T>}, from {@code T}. */
    public static Optional<TypeName> variable(String typeArgument) {
        return Optional.ofNullable(VARIABLE_TYPES.get(typeArgument));
    }
}
