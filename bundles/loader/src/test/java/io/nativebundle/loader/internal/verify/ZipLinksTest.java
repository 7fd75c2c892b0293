package io.nativebundle.loader.internal.verify;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ZipLinksTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void findsEntriesMarkedAsUnixSymlinks() throws Exception {
        byte[] zip = zip("META-INF/MANIFEST.MF", "native/linux/x86-64/libmath.so", "native/linux/x86-64/libfmt.so");
        markAsLink(zip, "native/linux/x86-64/libfmt.so");
        Path file = temp.newFile("links.jar").toPath();
        Files.write(file, zip);
        assertEquals(List.of("native/linux/x86-64/libfmt.so"), ZipLinks.in(file));
    }

    @Test
    public void aPlainJarHasNoLinks() throws Exception {
        Path file = temp.newFile("plain.jar").toPath();
        Files.write(file, zip("a", "native/b.so"));
        assertEquals(List.of(), ZipLinks.in(file));
    }

    @Test
    public void aFileThatIsNoZipIsAnIOException() throws Exception {
        Path file = temp.newFile("not.jar").toPath();
        Files.writeString(file, "no zip here");
        assertThrows(IOException.class, () -> ZipLinks.in(file));
    }

    private static byte[] zip(String... names) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (String name : names) {
                out.putNextEntry(new ZipEntry(name));
                out.write(name.getBytes());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Sets "made by Unix" and mode 0120777 on the entry's central directory header, as {@code zip -y} does. */
    private static void markAsLink(byte[] zip, String name) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at + 46 < zip.length; at++) {
            if (b.getInt(at) != 0x02014b50) {
                continue;
            }
            int nameLength = Short.toUnsignedInt(b.getShort(at + 28));
            if (new String(zip, at + 46, nameLength).equals(name)) {
                b.putShort(at + 4, (short) (3 << 8 | 20));
                b.putInt(at + 38, 0120777 << 16);
                return;
            }
        }
        throw new AssertionError("no central header for " + name);
    }
}
