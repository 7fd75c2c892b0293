package io.nativebundle.itests.system;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeFunction;
import io.nativebundle.api.NativeLibrary;
import io.nativebundle.examples.zlib.Zlib;
import io.nativebundle.itests.AbstractIntegrationTest;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.itests.lifecycle.EventRecorder;
import io.nativebundle.testsupport.osgi.Gogo;
import io.nativebundle.testsupport.osgi.Services;
import jnr.ffi.byref.NativeLongByReference;

/**
 * Issue 9: the host's real zlib behind the {@code Zlib} interface of the zlib example, checked
 * against the JDK's own CRC32, Adler32, Inflater and Deflater on random data of many sizes.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ZlibTest extends AbstractIntegrationTest {

    private static final int[] SIZES = {0, 1, 2, 5, 15, 16, 17, 255, 256, 1000, 4096, 65_535, 65_536, 100_000,
        1 << 20, 10 << 20};

    @Configuration
    public Option[] config() {
        return NativeBundleOptions.core(NativeBundleOptions.zlib(), NativeBundleOptions.shell());
    }

    private Zlib zlib() throws InterruptedException {
        return service(Zlib.class, "(nativebundle.library=z)");
    }

    private static byte[] random(int size, long seed) {
        byte[] data = new byte[size];
        Random random = new Random(seed);
        // half random, half repetitive, so the compressor has something to do and something to find
        for (int i = 0; i < size; i++) {
            data[i] = i % 2 == 0 ? (byte) random.nextInt() : (byte) (i / 64);
        }
        return data;
    }

    @Test
    public void checksumsMatchTheJdk() throws Exception {
        Zlib zlib = zlib();
        for (int size : SIZES) {
            byte[] data = random(size, size);
            CRC32 crc = new CRC32();
            crc.update(data);
            Adler32 adler = new Adler32();
            adler.update(data);
            assertEquals("crc32 of " + size + " bytes", crc.getValue(), zlib.crc32(0, data, size));
            assertEquals("adler32 of " + size + " bytes", adler.getValue(), zlib.adler32(1, data, size));
        }
        assertEquals(907060870L, zlib.crc32(0, "hello".getBytes(), 5));
    }

    @Test
    public void compress2IsReadByTheJdkInflater() throws Exception {
        Zlib zlib = zlib();
        for (int size : SIZES) {
            byte[] data = random(size, 31L * size);
            byte[] packed = new byte[(int) zlib.compressBound(size)];
            NativeLongByReference packedLength = new NativeLongByReference(packed.length);
            assertEquals("compress2 of " + size + " bytes", Zlib.Z_OK,
                    zlib.compress2(packed, packedLength, data, size, Zlib.Z_DEFAULT_COMPRESSION));
            int length = packedLength.longValue() > Integer.MAX_VALUE ? -1 : (int) packedLength.longValue();
            assertTrue("compressed length " + length + " within compressBound", length > 0 && length <= packed.length);

            Inflater inflater = new Inflater();
            inflater.setInput(packed, 0, length);
            byte[] unpacked = new byte[size];
            int read = 0;
            while (!inflater.finished() && read <= size) {
                int n = inflater.inflate(unpacked, read, size - read);
                read += n;
                if (n == 0 && inflater.needsInput()) {
                    break;
                }
            }
            assertTrue("the JDK inflater read a whole stream of " + size + " bytes", inflater.finished());
            inflater.end();
            assertEquals(size, read);
            assertArrayEquals("round trip of " + size + " bytes", data, unpacked);
        }
    }

    @Test
    public void uncompressReadsTheJdkDeflater() throws Exception {
        Zlib zlib = zlib();
        for (int size : SIZES) {
            byte[] data = random(size, 7L * size + 1);
            Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
            deflater.setInput(data);
            deflater.finish();
            byte[] packed = new byte[size + size / 100 + 64];
            int length = 0;
            while (!deflater.finished()) {
                length += deflater.deflate(packed, length, packed.length - length);
            }
            deflater.end();

            byte[] unpacked = new byte[Math.max(size, 1)];
            NativeLongByReference unpackedLength = new NativeLongByReference(unpacked.length);
            assertEquals("uncompress of " + size + " bytes", Zlib.Z_OK, zlib.uncompress(unpacked, unpackedLength, packed, length));
            assertEquals(size, unpackedLength.longValue());
            assertArrayEquals(data, java.util.Arrays.copyOf(unpacked, size));
        }
    }

    @Test
    public void aTooSmallBufferAndCorruptInputAreZlibErrorsNotCrashes() throws Exception {
        Zlib zlib = zlib();
        byte[] data = random(10_000, 3);
        byte[] packed = new byte[(int) zlib.compressBound(data.length)];
        NativeLongByReference packedLength = new NativeLongByReference(packed.length);
        assertEquals(Zlib.Z_OK, zlib.compress2(packed, packedLength, data, data.length, Zlib.Z_BEST_SPEED));
        byte[] small = new byte[100];
        assertEquals(Zlib.Z_BUF_ERROR, zlib.uncompress(small, new NativeLongByReference(small.length), packed,
                packedLength.longValue()));
        byte[] garbage = random(500, 9);
        assertEquals(Zlib.Z_DATA_ERROR, zlib.uncompress(new byte[1000], new NativeLongByReference(1000), garbage,
                garbage.length));
    }

    @Test
    public void manyThreadsShareTheLibrary() throws Exception {
        Zlib zlib = zlib();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int seed = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        byte[] data = random(1 + (seed * 997 + i * 131) % 20_000, seed * 1000L + i);
                        CRC32 crc = new CRC32();
                        crc.update(data);
                        assertEquals(crc.getValue(), zlib.crc32(0, data, data.length));
                        byte[] packed = new byte[(int) zlib.compressBound(data.length)];
                        NativeLongByReference packedLength = new NativeLongByReference(packed.length);
                        assertEquals(Zlib.Z_OK, zlib.compress2(packed, packedLength, data, data.length, 6));
                        byte[] back = new byte[data.length];
                        NativeLongByReference backLength = new NativeLongByReference(back.length);
                        assertEquals(Zlib.Z_OK, zlib.uncompress(back, backLength, packed, packedLength.longValue()));
                        assertArrayEquals(data, back);
                    }
                    return null;
                }));
            }
            for (Future<?> result : results) {
                result.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void theServiceCarriesTheHostVersionDigestAndPlatform() throws Exception {
        Zlib zlib = zlib();
        Version actual = Version.parseVersion(zlib.zlibVersion().replaceAll("^(\\d+(\\.\\d+){0,2}).*$", "$1"));
        assertTrue(actual + " in [1.2,2)", new VersionRange("[1.2,2)").includes(actual));

        ServiceReference<NativeLibrary> ref = Services.await(context, NativeLibrary.class, "(nativebundle.library=z)");
        NativeLibrary library = context.getService(ref);
        Path real = Path.of("/usr/lib/x86_64-linux-gnu/libz.so.1").toRealPath();
        assertTrue("opened through a link of its own: " + library.file(), Files.isSymbolicLink(library.file()));
        assertTrue(library.file().toString(), library.file().startsWith(context.getProperty("io.nativebundle.cache.dir")));
        assertEquals(real, library.file().toRealPath());
        assertEquals("libz.so.1", library.entry());
        assertEquals(actual, ref.getProperty(NativeBundleConstants.VERSION));
        assertEquals(actual, library.version());
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(real)));
        assertEquals(sha256, ref.getProperty(NativeBundleConstants.SHA256));
        assertEquals("linux-x86-64", ref.getProperty(NativeBundleConstants.PLATFORM));
        assertEquals("default/z/v" + actual.getMajor(), ref.getProperty(NativeBundleConstants.NAMESPACE));
        ServiceReference<Zlib> typed = Services.await(context, Zlib.class, "(nativebundle.library=z)");
        assertEquals(actual, typed.getProperty(NativeBundleConstants.VERSION));
        List<String> checks = library.checks().stream().map(c -> c.check()).toList();
        assertEquals(List.of("locate", "digest", "elf", "machine", "libc", "glibc", "symbols", "build-note",
                "dependencies", "version"), checks);
        assertTrue(library.checks().get(checks.indexOf("version")).detail(),
                library.checks().get(checks.indexOf("version")).detail().contains("zlibVersion() returned"));
    }

    @Test
    public void crc32ByNameAndThroughTheShell() throws Exception {
        NativeFunction crc32 = context.getService(Services.await(context, NativeFunction.class,
                "(&(nativebundle.library=z)(nativebundle.symbol=crc32))"));
        assertEquals("(long,buffer,int)long", crc32.signature().toString());
        assertEquals(907060870L, crc32.invoke(0L, "hello".getBytes(), 5));
        assertEquals("907060870", Gogo.run(context, "native:call z crc32 0 hello 5").trim());
    }

    @Test
    public void aRestartedBundleLeavesTheHostFileAlone() throws Exception {
        Path real = Path.of("/usr/lib/x86_64-linux-gnu/libz.so.1").toRealPath();
        byte[] before = Files.readAllBytes(real);
        Bundle bundle = Services.await(context, Zlib.class, null).getBundle();
        String actual = zlib().zlibVersion().replaceAll("^(\\d+(\\.\\d+){0,2}).*$", "$1");
        try (EventRecorder events = new EventRecorder(context)) {
            for (int i = 0; i < 3; i++) {
                bundle.stop();
                Services.awaitAbsent(context, NativeLibrary.class, "(nativebundle.library=z)");
                assertTrue(Files.exists(real));
                bundle.start();
                assertEquals(907060870L, zlib().crc32(0, "hello".getBytes(), 5));
            }
            // the version zlibVersion() gave once the library was open, not the range's floor 1.2.0
            EventRecorder.Recorded loaded = events.await("io/nativebundle/LOADED", e -> "z".equals(e.get("library")));
            assertEquals(Version.parseVersion(actual).toString(), loaded.get("version"));
        }
        assertArrayEquals(before, Files.readAllBytes(real));
        assertFalse(Files.isWritable(real) && real.startsWith(NativeBundleOptions.WORK.toPath()));
    }
}
