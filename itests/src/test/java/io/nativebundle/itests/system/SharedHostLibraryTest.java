package io.nativebundle.itests.system;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import io.nativebundle.api.NativeFunction;
import io.nativebundle.api.NativeLibrary;
import io.nativebundle.itests.BundleRewriter;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.itests.Services;

/**
 * Two bundles take the same host library, one that this JVM does not map on its own
 * ({@code liblzma.so.5}, which dpkg needs on every Debian host). Each load must hold its own
 * dlopen reference: when the first bundle stops, the library stays mapped and the second keeps
 * calling it; when the second stops too, it is unmapped, so no reference leaked either. Were the
 * two loads to share one handle, the first close would unmap code the second still calls.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SharedHostLibraryTest {

    private static final String LZMA = "liblzma.so.5";
    private static final byte[] HELLO = "hello".getBytes(StandardCharsets.US_ASCII);
    /** CRC-32 of "hello", as java.util.zip.CRC32 gives it. */
    private static final int CRC32_OF_HELLO = 907060870;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return NativeBundleOptions.core();
    }

    @Test
    public void twoBundlesOnOneHostLibraryEachHoldAndGiveBackTheirOwnReference() throws Exception {
        Path real = hostFile();
        assumeTrue("this JVM already maps " + real + ", so its unmapping cannot be observed", !mapped(real));
        Bundle first = install("xzfirst");
        Bundle second = install("xzsecond");
        try {
            first.start();
            second.start();
            Path firstLink = opened("xzfirst");
            Path secondLink = opened("xzsecond");
            assertFalse("each load opens the host file through its own path", firstLink.equals(secondLink));
            assertEquals(real, firstLink.toRealPath());
            assertEquals(CRC32_OF_HELLO, crc32("xzfirst"));
            assertEquals(CRC32_OF_HELLO, crc32("xzsecond"));
            assertTrue(mapped(real));

            first.stop();
            awaitClosed(firstLink);
            assertTrue("the second bundle's reference keeps " + real + " mapped", mapped(real));
            for (int i = 0; i < 1_000; i++) {
                assertEquals(CRC32_OF_HELLO, crc32("xzsecond"));
            }
            assertTrue("the host file is untouched", Files.exists(real));

            second.stop();
            awaitClosed(secondLink);
            assertFalse("every reference was given back, so " + real + " is unmapped", mapped(real));
        } finally {
            first.uninstall();
            second.uninstall();
        }
    }

    /** The zlib example's jar, made to take liblzma under another library name; no typed interface. */
    private Bundle install(String library) throws Exception {
        BundleRewriter bundle = BundleRewriter.of(NativeBundleOptions.jar("zlib")).symbolicName("test.shared." + library)
                .header("NativeBundle-Tenant", null)
                .header("NativeBundle-Library", library + ";system=" + LZMA + ";version=\"[5,6)\"")
                .header("NativeBundle-Symbols", "lzma_crc32;signature=\"(buffer,long,int)int\"");
        return context.installBundle("test:" + library, new ByteArrayInputStream(bundle.toBytes()));
    }

    private int crc32(String library) throws Exception {
        NativeFunction crc32 = context.getService(Services.await(context, NativeFunction.class,
                "(&(nativebundle.library=" + library + ")(nativebundle.symbol=lzma_crc32))"));
        return (Integer) crc32.invoke(HELLO, (long) HELLO.length, 0);
    }

    private Path opened(String library) throws Exception {
        NativeLibrary loaded = context.getService(Services.await(context, NativeLibrary.class,
                "(nativebundle.library=" + library + ")"));
        return loaded.file();
    }

    /** A generation's close ends by deleting its folder, which held only the link. */
    private static void awaitClosed(Path link) throws InterruptedException {
        long deadline = System.currentTimeMillis() + Services.TIMEOUT_MS;
        while (Files.exists(link.getParent()) && System.currentTimeMillis() < deadline) {
            System.gc();
            Thread.sleep(50);
        }
        assertFalse("the generation of " + link + " closed", Files.exists(link.getParent()));
    }

    private static Path hostFile() throws Exception {
        for (String dir : List.of("/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib64")) {
            Path candidate = Path.of(dir, LZMA);
            if (Files.exists(candidate)) {
                return candidate.toRealPath();
            }
        }
        throw new AssertionError("no " + LZMA + " on this host (Debian's liblzma5, which dpkg needs)");
    }

    private static boolean mapped(Path real) throws Exception {
        return Files.readAllLines(Path.of("/proc/self/maps")).stream().anyMatch(line -> line.endsWith(" " + real));
    }
}
