package io.nativebundle.loader.internal.backend.jnr;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import com.kenai.jffi.MemoryIO;
import com.kenai.jffi.ObjectParameterInfo;
import com.kenai.jffi.ObjectParameterStrategy;
import com.kenai.jffi.ObjectParameterType;

import io.nativebundle.loader.internal.backend.StringParameters;
import io.nativebundle.loader.internal.backend.Utf8;

/**
 * C strings for jffi: NUL-terminated UTF-8, encoded by {@link Utf8}. Arguments come from
 * {@link #PARAMETERS} (a direct scratch passed by address, or a one-off heap copy passed with
 * {@link #HEAP} and {@link #FIRST}); results are read back through a per-thread array, so a
 * typed call allocates only the {@code String} it returns.
 */
final class NativeStrings {

    private static final MemoryIO IO = MemoryIO.getInstance();
    /** Larger results get a one-off array, so one huge string does not stay pinned to a thread. */
    private static final int KEEP_MAX = 64 * 1024;
    /** A {@code byte[]}, the JDK's type: a thread that outlives this bundle keeps none of its classes. */
    private static final ThreadLocal<byte[]> READ_SCRATCH = ThreadLocal.withInitial(() -> new byte[256]);

    /** String arguments of the jnr backend: per-thread scratches, their addresses asked of jffi once each. */
    static final StringParameters PARAMETERS = new StringParameters(IO::getDirectBufferAddress);

    /** How jffi reads a heap buffer of {@link StringParameters}: its array up to its limit, the NUL included. */
    static final ObjectParameterStrategy<ByteBuffer> HEAP = new HeapStrategy();
    /** The first parameter, copied in only. */
    static final ObjectParameterInfo FIRST = ObjectParameterInfo.create(0, ObjectParameterInfo.ARRAY,
            ObjectParameterInfo.BYTE, ObjectParameterInfo.IN);

    private NativeStrings() {
    }

    /** The string at {@code address}, or {@code null} for a null pointer; the caller keeps the memory mapped. */
    static String read(long address) {
        if (address == 0L) {
            return null;
        }
        return new String(IO.getZeroTerminatedByteArray(address), StandardCharsets.UTF_8);
    }

    /** {@code text} in UTF-8, without the NUL, which jffi appends. */
    static byte[] utf8(String text) {
        byte[] bytes = new byte[Utf8.length(text)];
        Utf8.encode(text, ByteBuffer.wrap(bytes));
        return bytes;
    }

    /** Reads the string at {@code address} through this thread's scratch; only the result is allocated. */
    static String readScratch(long address) {
        if (address == 0L) {
            return null;
        }
        int n = (int) IO.getStringLength(address);
        byte[] target = READ_SCRATCH.get();
        if (n > target.length) {
            target = new byte[n];
            if (n <= KEEP_MAX) {
                READ_SCRATCH.set(target);
            }
        }
        IO.getByteArray(address, target, 0, n);
        return new String(target, 0, n, StandardCharsets.UTF_8);
    }

    private static final class HeapStrategy extends ObjectParameterStrategy<ByteBuffer> {
        HeapStrategy() {
            super(HEAP, ObjectParameterType.create(ObjectParameterType.ARRAY, ObjectParameterType.BYTE));
        }

        @Override
        public long address(ByteBuffer b) {
            return 0L;
        }

        @Override
        public Object object(ByteBuffer b) {
            return b.array();
        }

        @Override
        public int offset(ByteBuffer b) {
            return b.arrayOffset();
        }

        @Override
        public int length(ByteBuffer b) {
            return b.limit();
        }
    }
}
