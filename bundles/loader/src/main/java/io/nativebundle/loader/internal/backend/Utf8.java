package io.nativebundle.loader.internal.backend;

import java.nio.ByteBuffer;

/**
 * The one UTF-8 encoder of the call paths, for strings handed to C: the same bytes as
 * {@code String.getBytes(StandardCharsets.UTF_8)} (an unpaired surrogate becomes {@code '?'}),
 * written into a buffer the caller reuses, so encoding allocates nothing.
 *
 * <p>A U+0000 inside a string is written as a 0 byte, like the JDK does: C reads such a string
 * up to its first NUL, so {@code "ab\0cd"} arrives as {@code "ab"}. The rule is jnr-ffi's and
 * JNA's, and the same on every path (typed interfaces, {@code NativeFunction}).
 */
public final class Utf8 {

    /** UTF-8 needs at most 3 bytes per UTF-16 char (a surrogate pair: 4 bytes for 2 chars). */
    public static final int MAX_BYTES_PER_CHAR = 3;

    private Utf8() {
    }

    /** How many bytes {@link #encode} writes for {@code text}. */
    public static int length(String text) {
        int chars = text.length();
        long n = 0;
        for (int i = 0; i < chars; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < chars && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                n += 4;
            } else if (Character.isSurrogate(c)) {
                n++;
            } else {
                n += 3;
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, n);
    }

    /**
     * Writes {@code text} in UTF-8 into {@code out} from index 0, without a terminating NUL;
     * {@code out}'s position is not moved.
     *
     * @param out a buffer whose limit leaves room for {@link #length}{@code (text)} bytes
     * @return the number of bytes written
     */
    public static int encode(String text, ByteBuffer out) {
        int chars = text.length();
        int n = 0;
        int i = 0;
        // ASCII first: most strings passed to C are, and this loop is one compare and one store per char
        for (; i < chars; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                break;
            }
            out.put(n++, (byte) c);
        }
        for (; i < chars; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out.put(n++, (byte) c);
            } else if (c < 0x800) {
                out.put(n++, (byte) (0xC0 | c >> 6));
                out.put(n++, (byte) (0x80 | c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < chars && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                out.put(n++, (byte) (0xF0 | cp >> 18));
                out.put(n++, (byte) (0x80 | cp >> 12 & 0x3F));
                out.put(n++, (byte) (0x80 | cp >> 6 & 0x3F));
                out.put(n++, (byte) (0x80 | cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                out.put(n++, (byte) '?');
            } else {
                out.put(n++, (byte) (0xE0 | c >> 12));
                out.put(n++, (byte) (0x80 | c >> 6 & 0x3F));
                out.put(n++, (byte) (0x80 | c & 0x3F));
            }
        }
        return n;
    }
}
