package io.nativebundle.loader.internal.backend.jnr;

import java.nio.charset.StandardCharsets;

import com.kenai.jffi.MemoryIO;
import com.kenai.jffi.ObjectParameterInfo;
import com.kenai.jffi.ObjectParameterStrategy;
import com.kenai.jffi.ObjectParameterType;

/**
 * C strings: NUL-terminated UTF-8. The typed string adapters encode into a per-thread scratch
 * array and pass it to jffi as a heap array that jffi copies and NUL-terminates, so a call
 * allocates only the Java {@code String} it returns.
 */
final class NativeStrings {

    private static final MemoryIO IO = MemoryIO.getInstance();
    /** Larger strings get a one-off array, so one huge argument does not stay pinned to a thread. */
    private static final int KEEP_MAX = 64 * 1024;
    private static final ThreadLocal<NativeStrings> SCRATCH = ThreadLocal.withInitial(NativeStrings::new);

    /** How jffi reads a scratch: its array from 0 to its length. */
    static final ObjectParameterStrategy<NativeStrings> STRATEGY = new Strategy();
    /** The first parameter, copied in and NUL-terminated by jffi. */
    static final ObjectParameterInfo FIRST = ObjectParameterInfo.create(0, ObjectParameterInfo.ARRAY,
            ObjectParameterInfo.BYTE, ObjectParameterInfo.IN | ObjectParameterInfo.NULTERMINATE);

    private byte[] bytes = new byte[256];
    /** The array of the current call: {@link #bytes}, or a one-off for a large string. */
    private byte[] current = bytes;
    private int length;

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
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** This thread's scratch holding {@code text} in UTF-8; valid until the thread's next call. */
    static NativeStrings encode(String text) {
        NativeStrings scratch = SCRATCH.get();
        scratch.put(text);
        return scratch;
    }

    /** Reads the string at {@code address} through this thread's scratch; only the result is allocated. */
    static String readScratch(long address) {
        if (address == 0L) {
            return null;
        }
        NativeStrings scratch = SCRATCH.get();
        int n = (int) IO.getStringLength(address);
        byte[] target = scratch.capacity(n);
        IO.getByteArray(address, target, 0, n);
        return new String(target, 0, n, StandardCharsets.UTF_8);
    }

    /** Encodes like {@code String.getBytes(UTF_8)}: an unpaired surrogate becomes '?'. */
    private void put(String text) {
        int chars = text.length();
        // UTF-8 needs at most 3 bytes per UTF-16 char (a surrogate pair: 4 bytes for 2 chars)
        byte[] b = capacity((int) Math.min(Integer.MAX_VALUE - 8, chars * 3L));
        int n = 0;
        for (int i = 0; i < chars; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                b[n++] = (byte) c;
            } else if (c < 0x800) {
                b[n++] = (byte) (0xC0 | c >> 6);
                b[n++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < chars && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                b[n++] = (byte) (0xF0 | cp >> 18);
                b[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
                b[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
                b[n++] = (byte) (0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(c)) {
                b[n++] = '?';
            } else {
                b[n++] = (byte) (0xE0 | c >> 12);
                b[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[n++] = (byte) (0x80 | c & 0x3F);
            }
        }
        length = n;
    }

    /** An array of at least {@code needed} bytes: the kept one, grown up to {@value #KEEP_MAX}, or a one-off. */
    private byte[] capacity(int needed) {
        if (needed > bytes.length) {
            if (needed > KEEP_MAX) {
                current = new byte[needed];
                return current;
            }
            bytes = new byte[Math.min(KEEP_MAX, Math.max(needed, bytes.length * 2))];
        }
        current = bytes;
        return current;
    }

    private static final class Strategy extends ObjectParameterStrategy<NativeStrings> {
        Strategy() {
            super(HEAP, ObjectParameterType.create(ObjectParameterType.ARRAY, ObjectParameterType.BYTE));
        }

        @Override
        public long address(NativeStrings s) {
            return 0L;
        }

        @Override
        public Object object(NativeStrings s) {
            return s.current;
        }

        @Override
        public int offset(NativeStrings s) {
            return 0;
        }

        @Override
        public int length(NativeStrings s) {
            return s.length;
        }
    }
}
