package io.nativebundle.loader.internal.backend.jnr;

import io.nativebundle.loader.internal.backend.StringParameters;
import jnr.ffi.mapper.ToNativeContext;
import jnr.ffi.mapper.ToNativeConverter;

/**
 * A {@code String} parameter of a typed interface at one position, as the address of
 * NUL-terminated UTF-8: the calling thread's scratch of {@link NativeStrings#PARAMETERS}, whose
 * boxed address is cached, so jnr-ffi's fast path passes a plain {@code long} and nothing is
 * allocated. jnr-ffi's own conversion allocates an array, a {@code ByteBuffer} and a
 * {@code CharBuffer} per call, encodes through a {@code CharsetEncoder} and copies the array
 * again into native memory.
 *
 * <p>When the scratch cannot take the string (a nested call at the same position on this
 * thread, or more than {@value StringParameters#SCRATCH_MAX} bytes), the string is copied into
 * native memory of its own ({@link StringParameters#copy}), dropped after the call. jnr-ffi calls
 * {@link #postInvoke} in a {@code finally} after the call, but not when the conversion of a later
 * parameter throws before it: then the guard of the typed service gives back what the call held
 * ({@link StringParameters#abandonCall}, from where the method's first string began the call, or
 * {@link StringParameters#abandon} from a mark the guard took), and a copy that finds no memory
 * gives it back itself ({@link StringParameters#copy}), so neither a scratch nor a copy is stranded.
 *
 * <p>An address is passed as a 64-bit integer, which is a pointer's register on the 64-bit
 * platforms the loader runs on (x86-64, aarch64).
 */
@ToNativeConverter.NoContext
final class StringParameterConverter implements ToNativeConverter.PostInvocation<String, Long> {

    private static final Long NULL = 0L;

    private final int position;
    /** Whether this is the method's first string this converter class converts: it notes where the call's strings begin. */
    private final boolean beginsCall;

    StringParameterConverter(int position, boolean beginsCall) {
        this.position = position;
        this.beginsCall = beginsCall;
    }

    int position() {
        return position;
    }

    @Override
    public Long toNative(String value, ToNativeContext context) {
        if (value == null) {
            if (beginsCall) {
                StringParameters.beginCall();
            }
            return NULL;
        }
        Long scratch = NativeStrings.PARAMETERS.take(value, position, beginsCall);
        return scratch != null ? scratch : NativeStrings.PARAMETERS.copy(value);
    }

    @Override
    public void postInvoke(String value, Long address, ToNativeContext context) {
        if (address == null || address == 0L) {
            return;
        }
        NativeStrings.PARAMETERS.release(address, position);
    }

    @Override
    public Class<Long> nativeType() {
        return Long.class;
    }
}
