package io.nativebundle.loader.internal.backend.ffm;

import java.lang.foreign.MemorySegment;

import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.byref.ByReference;

/**
 * jnr-ffi's by-reference parameters ({@code IntByReference}, {@code LongLongByReference}, ...) of an
 * FFM downcall: the value in C memory on the thread's {@link FfmScratch}, written and read back by
 * the reference's own {@code toNative}/{@code fromNative}, so each type is converted exactly as
 * jnr-ffi converts it. jnr-ffi's runtime is only needed for that, so it is made on the first call
 * with a reference, not before. Public for the generated bindings.
 */
public final class FfmReferences {

    private FfmReferences() {
    }

    /** Made on first use: an interface without references never loads jnr-ffi's runtime here. */
    private static final class System {
        static final Runtime RUNTIME = Runtime.getSystemRuntime();
    }

    /**
     * {@code reference} (a {@link ByReference}) as C memory of its size, valid until the
     * {@link FfmScratch#reset} of the current mark: its value written when {@code copyIn}, else
     * zeroed (an {@code @Out} reference); the null pointer for {@code null}.
     */
    public static MemorySegment put(FfmScratch scratch, Object reference, boolean copyIn) {
        if (reference == null) {
            return MemorySegment.NULL;
        }
        ByReference<?> ref = (ByReference<?>) reference;
        MemorySegment memory = scratch.memory(ref.nativeSize(System.RUNTIME));
        if (copyIn) {
            ref.toNative(System.RUNTIME, pointer(memory), 0);
        } else {
            memory.fill((byte) 0);
        }
        return memory;
    }

    /** Reads what C left in {@code memory} (from {@link #put}) into {@code reference}. */
    public static void copyOut(MemorySegment memory, Object reference) {
        if (reference != null) {
            ((ByReference<?>) reference).fromNative(System.RUNTIME, pointer(memory), 0);
        }
    }

    private static Pointer pointer(MemorySegment memory) {
        return System.RUNTIME.getMemoryManager().newPointer(memory.address(), memory.byteSize());
    }
}
