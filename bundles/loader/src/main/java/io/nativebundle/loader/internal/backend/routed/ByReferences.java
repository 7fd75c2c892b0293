package io.nativebundle.loader.internal.backend.routed;

import io.nativebundle.api.NativeType;
import io.nativebundle.loader.internal.backend.ValueCodec;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.byref.ByReference;

/**
 * A jnr-ffi by-reference object ({@code IntByReference}, ...) in a routed method, moved through
 * its own {@code toNative}/{@code fromNative}, so every kind reads and writes its value as jnr-ffi
 * does: as an {@code out} or {@code inout} scalar of the declaration (an {@code @Out} one), its value
 * in the declared type's carrier; as a {@code pointer} (one without {@code @Out}), the address of
 * direct memory of its own holding the value for the call and read back afterwards, as jnr-ffi
 * passes it.
 */
final class ByReferences {

    private static final Runtime RUNTIME = Runtime.getSystemRuntime();

    private ByReferences() {
    }

    /** The value {@code reference} holds, as the declared scalar's carrier (an {@code inout} argument). */
    static Object value(ByReference<?> reference, NativeType type) {
        Pointer memory = Memory.allocate(RUNTIME, size(reference, type));
        reference.toNative(RUNTIME, memory, 0);
        byte[] bytes = new byte[ValueCodec.size(type)];
        memory.get(0, bytes, 0, bytes.length);
        return ValueCodec.decodeScalar(type, bytes);
    }

    /** Sets {@code reference} to C's value, the declared scalar's carrier (an {@code out} or {@code inout} value). */
    static void set(ByReference<?> reference, NativeType type, Object value) {
        byte[] bytes = ValueCodec.encodeScalar(type, value);
        Pointer memory = Memory.allocate(RUNTIME, size(reference, type));
        memory.put(0, bytes, 0, bytes.length);
        reference.fromNative(RUNTIME, memory, 0);
    }

    /** Direct memory holding {@code reference}'s value, whose address the call passes as a pointer. */
    static Pointer copy(ByReference<?> reference) {
        Pointer memory = Memory.allocateDirect(RUNTIME, reference.nativeSize(RUNTIME), true);
        reference.toNative(RUNTIME, memory, 0);
        return memory;
    }

    /** Reads back what C left in the memory of {@link #copy}. */
    static void back(ByReference<?> reference, Pointer memory) {
        reference.fromNative(RUNTIME, memory, 0);
    }

    /** The reference's size, which must be the declared type's (jnr-ffi's {@code long} is 8 bytes on LP64, as C's). */
    private static int size(ByReference<?> reference, NativeType type) {
        int size = reference.nativeSize(RUNTIME);
        if (size != ValueCodec.size(type)) {
            throw new IllegalArgumentException(reference.getClass().getName() + " holds " + size + " bytes, and the"
                    + " declared " + type.token() + " has " + ValueCodec.size(type));
        }
        return size;
    }
}
