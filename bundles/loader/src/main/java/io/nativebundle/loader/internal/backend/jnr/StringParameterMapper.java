package io.nativebundle.loader.internal.backend.jnr;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Collection;

import jnr.ffi.annotations.Encoding;
import jnr.ffi.mapper.FromNativeContext;
import jnr.ffi.mapper.FromNativeType;
import jnr.ffi.mapper.MethodParameterContext;
import jnr.ffi.mapper.SignatureType;
import jnr.ffi.mapper.SignatureTypeMapper;
import jnr.ffi.mapper.ToNativeContext;
import jnr.ffi.mapper.ToNativeType;
import jnr.ffi.mapper.ToNativeTypes;

/**
 * Gives every {@code String} parameter of a bound interface a {@link StringParameterConverter}
 * for its position. Everything else goes to jnr-ffi's own mappers: results, callbacks' values,
 * and any parameter whose interface, method or parameter names a charset with jnr-ffi's
 * {@link Encoding}, which jnr-ffi then honours as before.
 */
final class StringParameterMapper implements SignatureTypeMapper {

    static final StringParameterMapper INSTANCE = new StringParameterMapper();

    private StringParameterMapper() {
    }

    @Override
    public ToNativeType getToNativeType(SignatureType type, ToNativeContext context) {
        if (type.getDeclaredType() != String.class || !(context instanceof MethodParameterContext)) {
            return null;
        }
        MethodParameterContext parameter = (MethodParameterContext) context;
        if (hasEncoding(parameter)) {
            return null;
        }
        int index = parameter.getParameterIndex();
        return ToNativeTypes.create(new StringParameterConverter(index, firstConverted(parameter.getMethod()) == index));
    }

    @Override
    public FromNativeType getFromNativeType(SignatureType type, FromNativeContext context) {
        return null;
    }

    /**
     * The position of the first parameter of {@code method} this mapper converts (a {@code String}
     * without {@link Encoding}), or -1; the guard reads the same rule ({@code GuardGenerator}).
     */
    static int firstConverted(Method method) {
        if (method.isAnnotationPresent(Encoding.class) || method.getDeclaringClass().isAnnotationPresent(Encoding.class)) {
            return -1;
        }
        Class<?>[] types = method.getParameterTypes();
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < types.length; i++) {
            if (types[i] == String.class && !hasEncoding(java.util.Arrays.asList(annotations[i]))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean hasEncoding(MethodParameterContext parameter) {
        Method method = parameter.getMethod();
        return method.isAnnotationPresent(Encoding.class) || method.getDeclaringClass().isAnnotationPresent(Encoding.class)
                || hasEncoding(parameter.getAnnotations());
    }

    private static boolean hasEncoding(Collection<Annotation> annotations) {
        for (Annotation a : annotations) {
            if (a instanceof Encoding) {
                return true;
            }
        }
        return false;
    }
}
