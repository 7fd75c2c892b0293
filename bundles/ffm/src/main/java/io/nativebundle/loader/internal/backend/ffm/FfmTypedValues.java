package io.nativebundle.loader.internal.backend.ffm;

import java.lang.annotation.Annotation;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.nativebundle.contract.JavaTypes;
import io.nativebundle.contract.TypeName;
import jnr.ffi.byref.ByReference;

/**
 * The C type each parameter and result of a typed interface method is passed as on FFM, read as
 * jnr-ffi reads it, by the contract's {@link JavaTypes#resultType} (the reading the bnd plugin
 * writes into {@code NativeBundle-Symbols}): a primitive is the C type of its width, and the
 * annotations {@code @u_int8_t}, {@code @u_int16_t}, {@code @u_int32_t}, {@code @u_int64_t},
 * {@code @size_t}, {@code @ssize_t} and the address types ({@code @intptr_t}, ...) give an integer
 * carrier the C type they name. A parameter is narrowed to the C type's width (its low bits, as
 * jnr-ffi passes it); an unsigned result is zero-extended into its carrier ({@code @u_int8_t short}
 * 255 is 255), a signed one sign-extended. Any other jnr-ffi annotation on a value ({@code @int8_t},
 * {@code @pid_t}, {@code @Encoding}, ...) is jnr's to read: such a method goes to the jnr binding.
 * Primitive arrays and jnr-ffi's by-reference types are passed as the address of a copy on the
 * thread's {@link FfmScratch} ({@link #copied}, {@link FfmReferences}).
 */
final class FfmTypedValues {

    private static final String TYPES = "jnr.ffi.types.";
    /** The jnr-ffi type annotations JavaTypes reads; the others are left to jnr-ffi. */
    private static final Set<String> READ = Set.of("u_int8_t", "u_int16_t", "u_int32_t", "u_int64_t", "size_t",
            "ssize_t", "intptr_t", "uintptr_t", "caddr_t");
    /** jnr-ffi's method annotations that say nothing about a value: errno is saved here ({@code FfmErrno}) or not. */
    private static final Set<String> ERRNO = Set.of("jnr.ffi.annotations.SaveError", "jnr.ffi.annotations.IgnoreError");
    /** The Java types FFM passes itself, each read by JavaTypes ({@code CharSequence} is jnr's). */
    private static final Set<Class<?>> CARRIERS = Set.of(byte.class, short.class, int.class, long.class, float.class,
            double.class, boolean.class, String.class);
    /** The arrays FFM copies itself, as jnr-ffi does ({@code boolean[]} and {@code char[]} the build refuses). */
    private static final Set<Class<?>> ARRAYS = Set.of(byte[].class, short[].class, int[].class, long[].class,
            float[].class, double[].class);
    private static final Map<TypeName, ValueLayout> LAYOUTS = Map.ofEntries(
            Map.entry(TypeName.BYTE, ValueLayout.JAVA_BYTE), Map.entry(TypeName.UBYTE, ValueLayout.JAVA_BYTE),
            Map.entry(TypeName.SHORT, ValueLayout.JAVA_SHORT), Map.entry(TypeName.USHORT, ValueLayout.JAVA_SHORT),
            Map.entry(TypeName.INT, ValueLayout.JAVA_INT), Map.entry(TypeName.UINT, ValueLayout.JAVA_INT),
            Map.entry(TypeName.LONG, ValueLayout.JAVA_LONG), Map.entry(TypeName.ULONG, ValueLayout.JAVA_LONG),
            // an address in a long, 64 bits on the LP64 targets
            Map.entry(TypeName.POINTER, ValueLayout.JAVA_LONG),
            Map.entry(TypeName.FLOAT, ValueLayout.JAVA_FLOAT), Map.entry(TypeName.DOUBLE, ValueLayout.JAVA_DOUBLE),
            Map.entry(TypeName.BOOLEAN, ValueLayout.JAVA_INT), Map.entry(TypeName.STRING, ValueLayout.ADDRESS));
    private static final MethodHandle TRUTH;
    /** Zero extension of an unsigned result of fewer bits than a long: its value as jnr-ffi returns it. */
    private static final Map<TypeName, MethodHandle> UNSIGNED;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            TRUTH = lookup.findStatic(FfmBindingHandles.class, "truth", MethodType.methodType(boolean.class, int.class));
            UNSIGNED = Map.of(
                    TypeName.UBYTE, lookup.findStatic(Byte.class, "toUnsignedInt", MethodType.methodType(int.class, byte.class)),
                    TypeName.USHORT, lookup.findStatic(Short.class, "toUnsignedInt",
                            MethodType.methodType(int.class, short.class)),
                    TypeName.UINT, lookup.findStatic(Integer.class, "toUnsignedLong",
                            MethodType.methodType(long.class, int.class)));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private FfmTypedValues() {
    }

    /**
     * The C type of a parameter or result of Java type {@code type} with {@code annotations} (a
     * result's are its method's); empty when FFM does not pass it itself.
     */
    static Optional<TypeName> cType(Class<?> type, Annotation[] annotations) {
        if (!CARRIERS.contains(type)) {
            return Optional.empty();
        }
        Set<String> names = new HashSet<>();
        for (Annotation annotation : annotations) {
            String name = annotation.annotationType().getName();
            boolean read = name.startsWith(TYPES) && READ.contains(name.substring(TYPES.length()));
            if (name.startsWith("jnr.ffi.") && !read && !ERRNO.contains(name)) {
                // @int8_t, @Encoding, @Direct, ...: what jnr-ffi makes of it is jnr-ffi's
                return Optional.empty();
            }
            names.add(name);
        }
        try {
            return JavaTypes.resultType(type.getName(), names);
        } catch (IllegalArgumentException e) {
            // a carrier narrower than its C type (@u_int64_t int): jnr-ffi's binding says what it makes of it
            return Optional.empty();
        }
    }

    /**
     * How a parameter passed as the address of a copy is copied: into C memory before the call, back
     * out after it; a primitive array's elements, or the value of a jnr-ffi by-reference.
     */
    record Copy(boolean in, boolean out) {
    }

    /**
     * How jnr-ffi copies a primitive array ({@code byte[]} to {@code double[]}) or a by-reference
     * ({@code jnr.ffi.byref.ByReference}: {@code IntByReference}, ...) parameter, as FFM then does:
     * {@code @In} in only, {@code @Out} out only, neither or both in and out; empty for any other
     * type, or one with another jnr-ffi annotation ({@code @Pinned}, ...).
     */
    static Optional<Copy> copied(Class<?> type, Annotation[] annotations) {
        if (!ARRAYS.contains(type) && !ByReference.class.isAssignableFrom(type)) {
            return Optional.empty();
        }
        boolean in = false;
        boolean out = false;
        for (Annotation annotation : annotations) {
            String name = annotation.annotationType().getName();
            in |= name.equals(JavaTypes.IN);
            out |= name.equals(JavaTypes.OUT);
            if (name.startsWith("jnr.ffi.") && !name.equals(JavaTypes.IN) && !name.equals(JavaTypes.OUT)) {
                return Optional.empty();
            }
        }
        return Optional.of(in == out ? new Copy(true, true) : new Copy(in, out));
    }

    /** The layout a value of C type {@code type} is passed as. */
    static ValueLayout layout(TypeName type) {
        return LAYOUTS.get(type);
    }

    /**
     * {@code downcall}, whose result is the layout's carrier, returning the result as {@code carrier}
     * holds it: a C int's truth for {@code boolean}, an unsigned value zero-extended.
     */
    static MethodHandle result(MethodHandle downcall, TypeName type, Class<?> carrier) {
        if (carrier == boolean.class) {
            return MethodHandles.filterReturnValue(downcall, TRUTH);
        }
        MethodHandle widen = UNSIGNED.get(type);
        return widen == null ? downcall : MethodHandles.filterReturnValue(downcall, widen);
    }
}
