package io.nativebundle.itests.verify;

import static io.nativebundle.itests.verify.RefusalReasonsTest.assertContains;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

import io.nativebundle.api.CheckResult;
import io.nativebundle.api.NativeBundleVerifier;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.api.VerificationReport;
import io.nativebundle.itests.AbstractIntegrationTest;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.itests.Platform;
import io.nativebundle.testsupport.BundleRewriter;

/**
 * The NativeBundleVerifier service checks jars without installing them: every check passes on
 * the real examples, and each broken bundle fails the check that names its reason.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class VerifierTest extends AbstractIntegrationTest {

    private static final List<String> EVERY_CHECK = List.of("manifest", "abi", "paths", "platform", "digest", "elf",
            "machine", "libc", "glibc", "symbols", "build-note", "dependencies");

    @Configuration
    public Option[] config() {
        return NativeBundleOptions.core();
    }

    @Test
    public void theMathExamplePassesEveryCheck() throws Exception {
        VerificationReport report = verify(NativeBundleOptions.jar("math").toPath());
        assertEquals(describe(report), EVERY_CHECK, names(report));
        assertTrue(describe(report), report.passed());
        assertContains(detail(report, "symbols"), "add", "counter");
        assertContains(detail(report, "build-note"), "math 1.2.0 for ABI 1.0.0");
    }

    @Test
    public void theGreeterExamplePassesEveryCheckWithItsDependencyInTheBundle() throws Exception {
        VerificationReport report = verify(NativeBundleOptions.jar("greeter").toPath());
        assertEquals(describe(report), EVERY_CHECK, names(report));
        assertTrue(describe(report), report.passed());
        assertContains(detail(report, "dependencies"), "libfmt.so (bundle: ", "libc.so.6 (system: ");
    }

    @Test
    public void verifyingInstallsNothing() throws Exception {
        int before = context.getBundles().length;
        verify(BrokenBundles.tampered().write(NativeBundleOptions.rewritten()).toPath());
        assertEquals(before, context.getBundles().length);
        for (Bundle b : context.getBundles()) {
            assertFalse(String.valueOf(b.getSymbolicName()).startsWith(BrokenBundles.PREFIX));
        }
    }

    @Test
    public void eachBrokenBundleFailsTheCheckOfItsReason() throws Exception {
        assertFails(BrokenBundles.tampered(), "digest", RefusalReason.DIGEST_MISMATCH);
        assertFails(BrokenBundles.wrongMachine(), "machine", RefusalReason.WRONG_MACHINE);
        assertFails(BrokenBundles.truncated(), "elf", RefusalReason.MALFORMED_BINARY);
        assertFails(BrokenBundles.missingSymbol(), "symbols", RefusalReason.SYMBOL_MISSING);
        assertFails(BrokenBundles.foreignPlatformOnly(), "platform", RefusalReason.NO_NATIVE_CODE);
        assertFails(BrokenBundles.dotDotPath(), "paths", RefusalReason.UNSAFE_PATH);
        assertFails(BrokenBundles.missingDependency(), "dependencies", RefusalReason.DEPENDENCY_MISSING);
    }

    /** {@code zip -y} stores a link as an entry whose Unix mode is S_IFLNK; it could point anywhere. */
    @Test
    public void aJarWhoseNativeEntryIsASymlinkFailsThePathsCheck() throws Exception {
        byte[] jar = BrokenBundles.math("symlink").toBytes();
        markAsSymlink(jar, "native/linux/" + Platform.foreignProcessor() + "/libmath.so");
        Path file = Files.createDirectories(NativeBundleOptions.WORK.toPath().resolve("bundles")).resolve("symlink.jar");
        Files.write(file, jar);
        VerificationReport report = verify(file);
        CheckResult paths = check(report, "paths");
        assertEquals(describe(report), Optional.of(RefusalReason.UNSAFE_PATH), paths.reason());
        assertContains(paths.detail(), "native/linux/" + Platform.foreignProcessor() + "/libmath.so", "symbolic link");
    }

    /**
     * The framework, not the loader, refuses an ABI mismatch, so the check fails without a loader
     * reason; the edited requirement also no longer agrees with the library's build note.
     */
    @Test
    public void anAbiIncompatibleBundleFailsTheAbiCheckAsUnresolved() throws Exception {
        VerificationReport report = verify(BrokenBundles.abiIncompatible().write(NativeBundleOptions.rewritten())
                .toPath());
        CheckResult abi = check(report, "abi");
        assertFalse(describe(report), abi.passed());
        assertEquals(Optional.empty(), abi.reason());
        assertContains(abi.detail(), "UNRESOLVED", "io.nativebundle.abi>=2.0.0", "this runtime provides io.nativebundle.abi 1.0.0");
        assertEquals(describe(report), List.of("abi", "build-note"), failed(report));
        assertEquals(Optional.of(RefusalReason.BUILD_NOTE_MISMATCH), check(report, "build-note").reason());
    }

    private void assertFails(BundleRewriter broken, String checkName, RefusalReason reason) throws Exception {
        VerificationReport report = verify(broken.write(NativeBundleOptions.rewritten()).toPath());
        assertFalse(describe(report), report.passed());
        CheckResult check = check(report, checkName);
        assertFalse(describe(report), check.passed());
        assertEquals(describe(report), Optional.of(reason), check.reason());
        assertEquals(describe(report), checkName, failed(report).get(0));
    }

    /** Sets "made by Unix" and mode 0120777 in the entry's central directory header, as {@code zip -y} does. */
    private static void markAsSymlink(byte[] zip, String name) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at + 46 < zip.length; at++) {
            if (b.getInt(at) == 0x02014b50 && new String(zip, at + 46, Short.toUnsignedInt(b.getShort(at + 28)),
                    StandardCharsets.UTF_8).equals(name)) {
                b.putShort(at + 4, (short) (3 << 8 | 20));
                b.putInt(at + 38, 0120777 << 16);
                return;
            }
        }
        throw new AssertionError("no central directory header for " + name);
    }

    private VerificationReport verify(Path jar) throws Exception {
        return service(NativeBundleVerifier.class, null).verify(jar);
    }

    private static List<String> names(VerificationReport report) {
        return report.checks().stream().map(CheckResult::check).collect(Collectors.toList());
    }

    private static List<String> failed(VerificationReport report) {
        return report.checks().stream().filter(c -> !c.passed()).map(CheckResult::check).collect(Collectors.toList());
    }

    private static CheckResult check(VerificationReport report, String name) {
        return report.checks().stream().filter(c -> c.check().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + describe(report)));
    }

    private static String detail(VerificationReport report, String name) {
        return check(report, name).detail();
    }

    private static String describe(VerificationReport report) {
        return report.checks().stream()
                .map(c -> (c.passed() ? "PASS " : "FAIL ") + c.check() + c.reason().map(r -> " " + r).orElse("") + ": " + c.detail())
                .collect(Collectors.joining("\n  ", report.bundle() + "\n  ", ""));
    }
}
