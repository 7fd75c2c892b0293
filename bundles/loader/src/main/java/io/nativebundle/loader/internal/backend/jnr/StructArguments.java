package io.nativebundle.loader.internal.backend.jnr;

import java.lang.annotation.Annotation;
import java.util.Collection;

import io.nativebundle.contract.StructLayout;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Struct;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.mapper.AbstractSignatureTypeMapper;
import jnr.ffi.mapper.SignatureType;
import jnr.ffi.mapper.ToNativeContext;
import jnr.ffi.mapper.ToNativeConverter;
import jnr.ffi.mapper.ToNativeType;
import jnr.ffi.mapper.ToNativeTypes;

/**
 * Passes a typed interface's {@code jnr.ffi.Struct} parameters by pointer to memory of the
 * struct's C size.
 *
 * <p>jnr-ffi on its own passes a struct's memory of {@code Struct.size}, which lacks the trailing
 * padding C has (a struct of a byte, a double and three shorts is 30 bytes there, 32 in C) unless
 * the struct declares an explicit alignment: a C function that writes the whole struct
 * ({@code *s = r}) would write past it. So a struct whose memory is not direct and at least the C
 * size is copied into zeroed direct memory of the C size, the call gets that, and the struct's own
 * bytes are copied back after the call. The direction is jnr-ffi's: {@code @In} is copied in
 * only, {@code @Out} back only, anything else both ways. A struct already backed by direct memory
 * of the C size (as one from {@code useMemory}) is passed as it is.
 */
final class StructArguments extends AbstractSignatureTypeMapper {

    /** One mapper for every binding: it keeps no state. */
    static final StructArguments INSTANCE = new StructArguments();

    private static final ToNativeType IN_OUT = ToNativeTypes.create(new ByPointer(true, true));
    private static final ToNativeType IN_ONLY = ToNativeTypes.create(new ByPointer(true, false));
    private static final ToNativeType OUT_ONLY = ToNativeTypes.create(new ByPointer(false, true));

    private StructArguments() {
    }

    @Override
    public ToNativeType getToNativeType(SignatureType type, ToNativeContext context) {
        if (!Struct.class.isAssignableFrom(type.getDeclaredType())) {
            return null;
        }
        boolean in = has(type.getAnnotations(), In.class);
        boolean out = has(type.getAnnotations(), Out.class);
        return in == out ? IN_OUT : in ? IN_ONLY : OUT_ONLY;
    }

    private static boolean has(Collection<Annotation> annotations, Class<? extends Annotation> type) {
        return annotations.stream().anyMatch(type::isInstance);
    }

    /** The C size of {@code struct}: jnr-ffi's end of the last field with the contract's trailing padding. */
    static int cSize(Struct struct) {
        return StructLayout.padded(Struct.size(struct), Struct.alignment(struct));
    }

    @ToNativeConverter.NoContext
    private static final class ByPointer implements ToNativeConverter.PostInvocation<Struct, Pointer> {

        private final boolean copyIn;
        private final boolean copyBack;

        ByPointer(boolean copyIn, boolean copyBack) {
            this.copyIn = copyIn;
            this.copyBack = copyBack;
        }

        @Override
        public Pointer toNative(Struct struct, ToNativeContext context) {
            if (struct == null) {
                return null;
            }
            Pointer memory = Struct.getMemory(struct);
            int size = cSize(struct);
            if (memory.isDirect() && memory.size() >= size) {
                return memory;
            }
            Pointer call = Memory.allocateDirect(memory.getRuntime(), size, true);
            if (copyIn) {
                call.transferFrom(0, memory, 0, Struct.size(struct));
            }
            return call;
        }

        @Override
        public void postInvoke(Struct struct, Pointer call, ToNativeContext context) {
            if (struct == null || !copyBack) {
                return;
            }
            Pointer memory = Struct.getMemory(struct);
            if (call != memory) {
                memory.transferFrom(0, call, 0, Struct.size(struct));
            }
        }

        @Override
        public Class<Pointer> nativeType() {
            return Pointer.class;
        }
    }
}
