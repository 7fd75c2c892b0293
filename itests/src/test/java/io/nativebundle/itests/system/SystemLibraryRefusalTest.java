package io.nativebundle.itests.system;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Arrays;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

import org.osgi.framework.BundleException;

import io.nativebundle.api.NativeBundleStatus.State;
import io.nativebundle.api.NativeBundleStatus;
import io.nativebundle.api.NativeFunction;
import io.nativebundle.api.NativeLibraryRegistry;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.examples.math.MathLib;
import io.nativebundle.itests.AbstractIntegrationTest;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.testsupport.Await;
import io.nativebundle.testsupport.BundleRewriter;
import io.nativebundle.testsupport.osgi.Services;

/**
 * Issue 9: system-library bundles built from the zlib example with altered headers are refused
 * with a named reason, and the framework, the math example and the real zlib bundle keep serving.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SystemLibraryRefusalTest extends AbstractIntegrationTest {

    private static final String ZLIB = "z;system=libz.so.1;version=\"[1.2,2)\";version-symbol=zlibVersion;"
            + "interface=io.nativebundle.examples.zlib.Zlib";

    @Configuration
    public Option[] config() {
        return NativeBundleOptions.withExamples(NativeBundleOptions.zlib());
    }

    private static BundleRewriter zlibWith(String name, String library) throws Exception {
        return BundleRewriter.of(NativeBundleOptions.jar("zlib")).symbolicName("test.system." + name)
                .header("NativeBundle-Library", library);
    }

    @Test
    public void aLibraryAbsentFromTheHostIsMissingNamingTheSearchPath() throws Exception {
        NativeBundleStatus status = refused(zlibWith("absent", "nope;system=libnativebundle-absent.so.7;version=1.0")
                .header("NativeBundle-Symbols", "nope_fn;signature=\"()int\""), RefusalReason.SYSTEM_LIBRARY_MISSING);
        assertContains(status.detail(), "system=libnativebundle-absent.so.7", "host's library search path [",
                "/usr/lib", "LD_LIBRARY_PATH is not used");
    }

    @Test
    public void aRangeThatExcludesTheHostVersionIsAMismatch() throws Exception {
        NativeBundleStatus status = refused(zlibWith("future", ZLIB.replace("[1.2,2)", "[9.0,10)")),
                RefusalReason.VERSION_MISMATCH);
        assertContains(status.detail(), "accepts host versions [9.0.0,10.0.0)", "libz.so.1.", "zlibVersion() returned");
    }

    @Test
    public void aRangeCheckedByTheFileNameWithoutVersionSymbol() throws Exception {
        NativeBundleStatus status = refused(zlibWith("oldfile", "z;system=libz.so.1;version=\"[1.0,1.1)\""),
                RefusalReason.VERSION_MISMATCH);
        assertContains(status.detail(), "accepts host versions [1.0.0,1.1.0)", "from the real file name libz.so.1.");
    }

    @Test
    public void anAllowListMissIsADigestMismatch() throws Exception {
        NativeBundleStatus status = refused(zlibWith("allow", ZLIB + ";sha256=\"" + "0".repeat(64) + "\""),
                RefusalReason.DIGEST_MISMATCH);
        assertContains(status.detail(), "system library 'z'", "NativeBundle-Library allows only sha256=" + "0".repeat(64));
    }

    @Test
    public void aMissingDeclaredSymbolIsRefused() throws Exception {
        BundleRewriter broken = zlibWith("symbol", "z;system=libz.so.1;version=\"[1.2,2)\"")
                .header("NativeBundle-Symbols", "crc32;signature=\"(long,buffer,int)long\", "
                        + "crc99;signature=\"(long,buffer,int)long\"");
        NativeBundleStatus status = refused(broken, RefusalReason.SYMBOL_MISSING);
        assertContains(status.detail(), "'crc99'", "libz.so.1.", "exported: ");
    }

    @Test
    public void aPathInSystemIsAMalformedHeader() throws Exception {
        NativeBundleStatus status = refused(zlibWith("path", "z;system=/usr/lib/libz.so.1;version=1.2"),
                RefusalReason.MALFORMED_HEADER);
        assertContains(status.detail(), "is a path");
    }

    @Test
    public void aSystemBundleForAnotherPlatformStaysUnresolvedSayingWhy() throws Exception {
        BundleRewriter windows = zlibWith("windows", ZLIB).header("Require-Capability",
                "io.nativebundle.abi;filter:=\"(&(io.nativebundle.abi>=1.0.0)(!(io.nativebundle.abi>=2.0.0)))\","
                        + "osgi.native;filter:=\"(osgi.native.osname~=Windows)\"");
        Bundle bundle = context.installBundle("test:windows", new ByteArrayInputStream(windows.toBytes()));
        try {
            assertThrows(BundleException.class, bundle::start);
            NativeBundleStatus status = registry().status(bundle.getBundleId()).orElseThrow();
            assertEquals(status.toString(), State.UNRESOLVED, status.state());
            assertContains(status.detail(), "missing requirement osgi.native (osgi.native.osname~=Windows): the bundle"
                    + " takes its library from the host, on a platform this host is not (osname ");
            assertTheRestKeepsServing();
        } finally {
            bundle.uninstall();
        }
    }

    /** Update and uninstall of the zlib bundle: a new generation opens the same host file, the old one closes. */
    @Test
    public void hotUpdateAndUninstallOfASystemLibraryBundle() throws Exception {
        java.nio.file.Path real = java.nio.file.Path.of("/usr/lib/x86_64-linux-gnu/libz.so.1").toRealPath();
        byte[] before = java.nio.file.Files.readAllBytes(real);
        BundleRewriter copy = BundleRewriter.of(NativeBundleOptions.jar("zlib")).symbolicName("test.system.update")
                .header("NativeBundle-Tenant", null);
        Bundle bundle = context.installBundle("test:update", new ByteArrayInputStream(copy.toBytes()));
        try {
            bundle.start();
            String filter = "(&(nativebundle.library=z)(nativebundle.symbol=crc32))";
            long first = generationOf(bundle);
            for (int i = 0; i < 3; i++) {
                bundle.update(new ByteArrayInputStream(copy.toBytes()));
                long next = generationOf(bundle);
                assertTrue(next + " > " + first, next > first);
                first = next;
                NativeFunction crc32 = context.getService(Services.await(context, NativeFunction.class,
                        "(&" + filter + "(nativebundle.generation=" + next + "))"));
                assertEquals(907060870L, crc32.invoke(0L, "hello".getBytes(), 5));
            }
            bundle.stop();
            Services.awaitAbsent(context, NativeFunction.class, "(&" + filter + "(nativebundle.generation=" + first + "))");
        } finally {
            bundle.uninstall();
        }
        assertTrue(java.util.Arrays.equals(before, java.nio.file.Files.readAllBytes(real)));
        assertTheRestKeepsServing();
    }

    private long generationOf(Bundle bundle) throws Exception {
        NativeLibraryRegistry registry = registry();
        return Await.value("bundle " + bundle + " ACTIVE", Duration.ofMillis(Services.TIMEOUT_MS),
                () -> registry.status(bundle.getBundleId()).filter(s -> s.state() == State.ACTIVE)
                        .flatMap(NativeBundleStatus::loaded).map(loaded -> loaded.generation()).orElse(null));
    }

    private NativeBundleStatus refused(BundleRewriter broken, RefusalReason reason) throws Exception {
        return refused(broken, reason, this::assertTheRestKeepsServing);
    }

    private void assertTheRestKeepsServing() throws Exception {
        assertEquals(5, service(MathLib.class, null).add(2, 3));
        NativeFunction crc32 = context.getService(Services.await(context, NativeFunction.class,
                "(&(nativebundle.library=z)(nativebundle.symbol=crc32)(nativebundle.version>=1.2.0))"));
        assertEquals(907060870L, crc32.invoke(0L, "hello".getBytes(), 5));
    }

    private static void assertContains(String text, String... parts) {
        for (String part : parts) {
            assertTrue("expected '" + part + "' in: " + text, text.contains(part));
        }
    }
}
