package io.nativebundle.loader.internal.verify;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the entries of a zip file that are symbolic links. {@code java.util.zip} does not show
 * the external file attributes where {@code zip -y} records a link (a Unix mode of type
 * {@code S_IFLNK} in their upper 16 bits, for entries "made by" Unix), so this reads the central
 * directory itself: end record, optional Zip64 end record, then one header per entry, each bounded
 * by the directory's size.
 */
final class ZipLinks {

    private static final int EOCD = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_EOCD = 0x06064b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int MADE_BY_UNIX = 3;
    private static final int S_IFMT = 0170000;
    private static final int S_IFLNK = 0120000;
    /** The end record is 22 bytes plus a comment of at most 65535 bytes. */
    private static final int MAX_TAIL = 22 + 0xffff;
    private static final int MAX_DIRECTORY = 64 << 20;

    private ZipLinks() {
    }

    /** @return the names of the link entries, in directory order */
    static List<String> in(Path zip) throws IOException {
        try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.READ)) {
            long size = channel.size();
            int tailLength = (int) Math.min(size, MAX_TAIL);
            ByteBuffer tail = read(channel, size - tailLength, tailLength);
            int eocd = -1;
            for (int i = tailLength - 22; i >= 0; i--) {
                if (tail.getInt(i) == EOCD) {
                    eocd = i;
                    break;
                }
            }
            if (eocd < 0) {
                throw new IOException(zip + " is not a zip file: no end of central directory record");
            }
            long entries = Short.toUnsignedInt(tail.getShort(eocd + 10));
            long dirSize = Integer.toUnsignedLong(tail.getInt(eocd + 12));
            long dirOffset = Integer.toUnsignedLong(tail.getInt(eocd + 16));
            if ((entries == 0xffff || dirSize == 0xffffffffL || dirOffset == 0xffffffffL) && eocd >= 20
                    && tail.getInt(eocd - 20) == ZIP64_LOCATOR) {
                long zip64At = tail.getLong(eocd - 20 + 8);
                if (zip64At < 0 || zip64At > size - 56) {
                    throw new IOException(zip + ": the Zip64 end record at " + zip64At + " lies outside the file");
                }
                ByteBuffer zip64 = read(channel, zip64At, 56);
                if (zip64.getInt(0) != ZIP64_EOCD) {
                    throw new IOException(zip + ": the Zip64 locator points to no Zip64 end record");
                }
                entries = zip64.getLong(32);
                dirSize = zip64.getLong(40);
                dirOffset = zip64.getLong(48);
            }
            if (dirSize < 0 || dirSize > MAX_DIRECTORY || dirOffset < 0 || dirOffset + dirSize > size) {
                throw new IOException(zip + ": central directory at " + dirOffset + " (" + dirSize
                        + " bytes) lies outside the file (" + size + " bytes)");
            }
            return links(zip, read(channel, dirOffset, (int) dirSize), entries);
        }
    }

    private static List<String> links(Path zip, ByteBuffer dir, long entries) throws IOException {
        List<String> links = new ArrayList<>();
        int at = 0;
        for (long i = 0; i < entries; i++) {
            if (at + 46 > dir.limit() || dir.getInt(at) != CENTRAL_HEADER) {
                throw new IOException(zip + ": central directory entry " + i + " at offset " + at + " is damaged");
            }
            int madeBy = Short.toUnsignedInt(dir.getShort(at + 4)) >>> 8;
            int flags = Short.toUnsignedInt(dir.getShort(at + 8));
            int nameLength = Short.toUnsignedInt(dir.getShort(at + 28));
            int extraLength = Short.toUnsignedInt(dir.getShort(at + 30));
            int commentLength = Short.toUnsignedInt(dir.getShort(at + 32));
            int mode = dir.getInt(at + 38) >>> 16;
            if (at + 46 + nameLength > dir.limit()) {
                throw new IOException(zip + ": the name of central directory entry " + i + " runs past the directory");
            }
            if (madeBy == MADE_BY_UNIX && (mode & S_IFMT) == S_IFLNK) {
                byte[] name = new byte[nameLength];
                dir.get(at + 46, name);
                // bit 11: the name is UTF-8; otherwise CP437, of which ASCII names are the common part
                links.add(new String(name, (flags & 0x800) != 0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1));
            }
            at += 46 + nameLength + extraLength + commentLength;
        }
        return links;
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("unexpected end of file at " + (position + buffer.position()));
            }
        }
        return buffer.flip();
    }
}
