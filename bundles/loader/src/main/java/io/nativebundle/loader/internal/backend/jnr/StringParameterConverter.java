package io.nativebundle.loader.internal.backend.jnr;

import java.nio.ByteBuffer;

import io.nativebundle.loader.internal.backend.StringParameters;
import jnr.ffi.annotations.In;
import jnr.ffi.mapper.ToNativeContext;
import jnr.ffi.mapper.ToNativeConverter;

/**
 * A {@code String} parameter of a typed interface at one position, as NUL-terminated UTF-8 from
 * {@link StringParameters}: a direct scratch, which jnr-ffi passes by address on its fast path,
 * or a one-off heap copy. jnr-ffi's own conversion would allocate an array and a
 * {@code CharsetEncoder} result per call and copy the array again into native memory.
 *
 * <p>jnr-ffi calls {@link #postInvoke} in a {@code finally} after the call, which gives the
 * scratch back.
 */
@ToNativeConverter.NoContext
final class StringParameterConverter implements ToNativeConverter.PostInvocation<String, ByteBuffer> {

    private final int position;

    StringParameterConverter(int position) {
        this.position = position;
    }

    int position() {
        return position;
    }

    @Override
    public ByteBuffer toNative(String value, ToNativeContext context) {
        return value == null ? null : StringParameters.encode(value, position);
    }

    @Override
    public void postInvoke(String value, ByteBuffer utf8, ToNativeContext context) {
        if (utf8 != null) {
            StringParameters.release(utf8, position);
        }
    }

    @Override
    @In // a heap copy goes in only; the C side gets a const char *
    public Class<ByteBuffer> nativeType() {
        return ByteBuffer.class;
    }
}
