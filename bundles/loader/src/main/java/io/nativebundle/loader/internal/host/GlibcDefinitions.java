package io.nativebundle.loader.internal.host;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.nativebundle.binary.GlibcVersion;

/**
 * Reads the symbol versions a C library <em>defines</em> ({@code SHT_GNU_verdef}, the
 * {@code .gnu.version_d} section) without loading it: the host's glibc version is the highest
 * {@code GLIBC_x.y} that its {@code libc.so.6} defines. The ELF reader of the binary bundle reads
 * only version <em>needs</em>, so this is a small reader of its own, bounded like that one: every
 * offset is checked against the file, and the walk stops after {@link #MAX_DEFINITIONS} entries.
 */
final class GlibcDefinitions {

    private static final int SHT_GNU_VERDEF = 0x6ffffffd;
    private static final int MAX_DEFINITIONS = 4096;
    /** libc.so.6 is about 2 MB; anything far larger is not a C library. */
    private static final int MAX_SIZE = 64 << 20;

    private GlibcDefinitions() {
    }

    /** @return the highest {@code GLIBC_x.y[.z]} that {@code libc} defines, or empty if it defines none or is unreadable */
    static Optional<GlibcVersion> highest(Path libc) {
        try {
            return definitions(libc).stream()
                    .map(GlibcVersion::parse)
                    .flatMap(Optional::stream)
                    .max(GlibcVersion::compareTo);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** @return the version names the file defines, in file order */
    static List<String> definitions(Path file) throws IOException {
        byte[] content;
        try (InputStream in = Files.newInputStream(file)) {
            content = in.readNBytes(MAX_SIZE);
        }
        return definitions(content);
    }

    /**
     * @throws IOException for content that is not an ELF file or whose version definitions point
     *                     outside it
     */
    static List<String> definitions(byte[] content) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(content);
        if (content.length < 64 || b.getInt(0) != 0x7f454c46) {
            throw new IOException("not an ELF file");
        }
        boolean is64 = content[4] == 2;
        b.order(content[5] == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        long shoff = is64 ? b.getLong(0x28) : Integer.toUnsignedLong(b.getInt(0x20));
        int shentsize = Short.toUnsignedInt(b.getShort(is64 ? 0x3a : 0x2e));
        int shnum = Short.toUnsignedInt(b.getShort(is64 ? 0x3c : 0x30));
        if (shnum > 0 && shentsize < (is64 ? 0x40 : 0x28)) {
            throw new IOException("section headers of " + shentsize + " bytes are too small");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < shnum; i++) {
            int header = checked(shoff + (long) i * shentsize, shentsize, content);
            if (b.getInt(header + 4) != SHT_GNU_VERDEF) {
                continue;
            }
            long offset = is64 ? b.getLong(header + 0x18) : Integer.toUnsignedLong(b.getInt(header + 0x10));
            long size = is64 ? b.getLong(header + 0x20) : Integer.toUnsignedLong(b.getInt(header + 0x14));
            int link = b.getInt(header + (is64 ? 0x28 : 0x18));
            int count = b.getInt(header + (is64 ? 0x2c : 0x1c));
            if (link < 0 || link >= shnum) {
                throw new IOException("version definitions link to section " + link + " of " + shnum);
            }
            int strtab = checked(shoff + (long) link * shentsize, shentsize, content);
            long strOffset = is64 ? b.getLong(strtab + 0x18) : Integer.toUnsignedLong(b.getInt(strtab + 0x10));
            long strSize = is64 ? b.getLong(strtab + 0x20) : Integer.toUnsignedLong(b.getInt(strtab + 0x14));
            int section = checked(offset, size, content);
            int strings = checked(strOffset, strSize, content);
            walk(b, section, (int) size, strings, (int) strSize, Math.min(count, MAX_DEFINITIONS), names);
        }
        return names;
    }

    /** Walks {@code Elf_Verdef} entries (20 bytes) and the first {@code Elf_Verdaux} (8 bytes) of each. */
    private static void walk(ByteBuffer b, int section, int size, int strings, int strSize, int count,
            List<String> names) throws IOException {
        long at = 0;
        for (int i = 0; i < count; i++) {
            if (at < 0 || at + 20 > size) {
                throw new IOException("version definition " + i + " at " + at + " is outside its section");
            }
            int def = section + (int) at;
            long aux = at + Integer.toUnsignedLong(b.getInt(def + 12));
            if (aux + 8 > size) {
                throw new IOException("version definition " + i + " has its name outside its section");
            }
            long name = Integer.toUnsignedLong(b.getInt(section + (int) aux));
            names.add(string(b, strings, strSize, name));
            long next = Integer.toUnsignedLong(b.getInt(def + 16));
            if (next == 0) {
                return;
            }
            at += next;
        }
    }

    private static String string(ByteBuffer b, int strings, int strSize, long offset) throws IOException {
        if (offset >= strSize) {
            throw new IOException("version name at " + offset + " is outside the string table");
        }
        int start = strings + (int) offset;
        int end = start;
        while (end < strings + strSize && b.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - start];
        b.get(start, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static int checked(long offset, long length, byte[] content) throws IOException {
        if (offset < 0 || length < 0 || offset > content.length || length > content.length - offset) {
            throw new IOException("range " + offset + "+" + length + " is outside the file (" + content.length + " bytes)");
        }
        return (int) offset;
    }
}
