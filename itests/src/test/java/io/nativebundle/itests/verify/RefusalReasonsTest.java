package io.nativebundle.itests.verify;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.bundle;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

import org.osgi.framework.BundleException;

import io.nativebundle.api.NativeBundleStatus;
import io.nativebundle.api.NativeBundleStatus.State;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.binary.ElfFile;
import io.nativebundle.binary.ElfReader;
import io.nativebundle.examples.greeter.GreeterLib;
import io.nativebundle.examples.math.MathLib;
import io.nativebundle.itests.AbstractIntegrationTest;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.itests.Platform;
import io.nativebundle.testsupport.BundleRewriter;

/**
 * Issue 4: each deliberately broken bundle, built from a real example jar, is refused with its
 * named reason (or stays UNRESOLVED with the framework's reason in plain words), while the
 * framework, the loader and the good math library keep serving calls.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RefusalReasonsTest extends AbstractIntegrationTest {

    @Configuration
    public Option[] config() {
        return NativeBundleOptions.withExamples(bundle(NativeBundleOptions.jar("greeter").toURI().toString()));
    }

    @Test
    public void aTamperedLibraryIsRefusedWithDigestMismatch() throws Exception {
        NativeBundleStatus status = refused(BrokenBundles.tampered(), RefusalReason.DIGEST_MISMATCH);
        assertContains(status.detail(), Platform.entry("math"), "NativeBundle-Digest expects");
    }

    @Test
    public void aForeignLibraryInThisPlatformsSlotIsRefusedWithWrongMachine() throws Exception {
        NativeBundleStatus status = refused(BrokenBundles.wrongMachine(), RefusalReason.WRONG_MACHINE);
        assertContains(status.detail(), Platform.entry("math"), "built for " + Platform.foreignProcessor(),
                "this JVM is " + Platform.processor());
    }

    @Test
    public void aTruncatedElfIsRefusedAsMalformedBinary() throws Exception {
        NativeBundleStatus status = refused(BrokenBundles.truncated(), RefusalReason.MALFORMED_BINARY);
        assertContains(status.detail(), Platform.entry("math"), "not a well-formed ELF file", "libmath.so");
    }

    @Test
    public void aDeclaredSymbolThatIsNotExportedIsRefusedWithSymbolMissing() throws Exception {
        NativeBundleStatus status = refused(BrokenBundles.missingSymbol(), RefusalReason.SYMBOL_MISSING);
        // the ELF reader's reason, and what the library does export
        assertContains(status.detail(), "'subtract'", Platform.entry("math"), "exported: ", "multiply");
    }

    @Test
    public void anAbiIncompatibleBundleStaysUnresolvedAndSaysWhatTheRuntimeOffers() throws Exception {
        NativeBundleStatus status = unresolved(BrokenBundles.abiIncompatible());
        assertContains(status.detail(), "io.nativebundle.abi", "io.nativebundle.abi>=2.0.0",
                "this runtime provides io.nativebundle.abi 1.0.0");
    }

    @Test
    public void aBundleWithOnlyAForeignPlatformStaysUnresolvedNamingOsgiNative() throws Exception {
        NativeBundleStatus status = unresolved(BrokenBundles.foreignPlatformOnly());
        assertContains(status.detail(), "missing requirement osgi.native",
                "osgi.native.processor~=" + Platform.foreignProcessor(), Platform.processor());
    }

    /**
     * Felix takes a Bundle-NativeCode path with {@code ..} literally: the jar entry of that name
     * exists, so the bundle installs, resolves and starts; the loader refuses the path.
     */
    @Test
    public void aNativePathWithDotDotIsRefusedAsUnsafePath() throws Exception {
        NativeBundleStatus status = refused(BrokenBundles.dotDotPath(), RefusalReason.UNSAFE_PATH);
        assertContains(status.detail(), BrokenBundles.dotDotEntry(), "contains '..'");
    }

    @Test
    public void aMissingSameBundleDependencyIsRefusedWithDependencyMissing() throws Exception {
        NativeBundleStatus status = refused(BrokenBundles.missingDependency(), RefusalReason.DEPENDENCY_MISSING);
        assertContains(status.detail(), Platform.entry("greeter"), "needs libfmt.so (DT_NEEDED)",
                "LD_LIBRARY_PATH is not used");
    }

    /**
     * libgreeter.so needs libfmt.so and has no RUNPATH/RPATH: it loads only because the loader
     * opens libfmt.so first, by absolute path from the cache folder, and the dynamic linker then
     * matches DT_NEEDED libfmt.so to its soname. No LD_LIBRARY_PATH leads to any libfmt.so.
     */
    @Test
    public void theGreeterLoadsWithItsSameBundleDependency() throws Exception {
        ElfFile library = ElfReader.read(BundleRewriter.of(NativeBundleOptions.jar("greeter")).entry(Platform.entry("greeter")),
                Platform.entry("greeter"));
        assertTrue(library.needed().toString(), library.needed().contains("libfmt.so"));
        assertEquals(List.of(), library.runpath());
        assertEquals(List.of(), library.rpath());
        for (String dir : System.getenv().getOrDefault("LD_LIBRARY_PATH", "").split(":")) {
            assertFalse("LD_LIBRARY_PATH must not offer a libfmt.so: " + dir,
                    !dir.isBlank() && Files.exists(Path.of(dir, "libfmt.so")));
        }
        GreeterLib greeter = service(GreeterLib.class, null);
        assertEquals("[greeter] Hello, Ada!", greeter.welcome("Ada"));
        assertEquals("[greeter] Hello, Ada!".length(), greeter.welcome_length("Ada"));
        NativeBundleStatus status = registry().statuses().stream()
                .filter(s -> s.symbolicName().equals("io.nativebundle.examples.greeter")).findFirst().orElseThrow();
        assertEquals(status.toString(), State.ACTIVE, status.state());
    }

    private NativeBundleStatus refused(BundleRewriter broken, RefusalReason reason) throws Exception {
        return refused(broken, reason, this::assertTheRestKeepsServing);
    }

    private NativeBundleStatus unresolved(BundleRewriter broken) throws Exception {
        Bundle bundle = context.installBundle("test:" + broken.header("Bundle-SymbolicName"),
                new ByteArrayInputStream(broken.toBytes()));
        try {
            try {
                bundle.start();
                fail("the framework must not resolve " + broken.header("Bundle-SymbolicName"));
            } catch (BundleException expected) {
                assertEquals(expected.toString(), BundleException.RESOLVE_ERROR, expected.getType());
            }
            NativeBundleStatus status = registry().status(bundle.getBundleId()).orElseThrow();
            assertEquals(status.toString(), State.UNRESOLVED, status.state());
            assertFalse(status.detail(), status.detail().isBlank());
            assertTheRestKeepsServing();
            return status;
        } finally {
            bundle.uninstall();
        }
    }

    private void assertTheRestKeepsServing() throws Exception {
        assertEquals(Bundle.ACTIVE, context.getBundle(0).getState());
        assertEquals(Bundle.ACTIVE, installed("io.nativebundle.loader").getState());
        MathLib math = service(MathLib.class, null);
        assertEquals(5, math.add(2, 3));
        assertEquals(State.ACTIVE, registry().statuses().stream()
                .filter(s -> s.symbolicName().equals("io.nativebundle.examples.math")).findFirst().orElseThrow().state());
    }

    static void assertContains(String text, String... parts) {
        for (String part : parts) {
            assertTrue("expected '" + part + "' in: " + text, text.contains(part));
        }
    }
}
