package io.nativebundle.loader.internal.verify;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.osgi.framework.Version;

import io.nativebundle.api.CheckResult;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.binary.GlibcVersion;
import io.nativebundle.binary.LibcFlavour;
import io.nativebundle.contract.PrebuiltHeader;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.host.RuntimeHost;

public class BinaryVerifierTest {

    private static final String OK_ENTRY = "native/linux/" + Fixtures.HOST + "/libok.so";
    private static final BundleDeclaration OK = declaration("ok", "1.0.0", "ok_add", "ok_twice");

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void aGoodLibraryPassesEveryCheckAndEachPassSaysWhatWasChecked() throws Exception {
        List<CheckResult> results = BinaryVerifier.report(Fixtures.host(), OK, "linux-" + Fixtures.HOST,
                List.of(OK_ENTRY), List.of(Fixtures.ok(Fixtures.HOST)));
        assertEquals(List.of("elf", "machine", "libc", "glibc", "symbols", "build-note", "dependencies"),
                results.stream().map(CheckResult::check).collect(Collectors.toList()));
        assertTrue(results.toString(), results.stream().allMatch(CheckResult::passed));
        assertContains(detail(results, "glibc"), "libok.so needs GLIBC_2.", "host has glibc 2.36");
        assertContains(detail(results, "build-note"), "ok 1.0.0 for ABI 1.0.0");
        assertContains(detail(results, "dependencies"), "libc.so.6 (system: ");
    }

    @Test
    public void aForeignMachineIsRefusedNamingBothMachines() throws Exception {
        LoadRefusal r = refusal(OK, List.of(OK_ENTRY), List.of(Fixtures.ok(Fixtures.FOREIGN)));
        assertEquals(RefusalReason.WRONG_MACHINE, r.reason());
        assertContains(r.getMessage(), OK_ENTRY + " of test.bundle", "built for " + Fixtures.FOREIGN, "this JVM is " + Fixtures.HOST);
    }

    @Test
    public void aTruncatedFileIsMalformed() throws Exception {
        Path truncated = copy(Fixtures.ok(Fixtures.HOST), 300);
        LoadRefusal r = refusal(OK, List.of(OK_ENTRY), List.of(truncated));
        assertEquals(RefusalReason.MALFORMED_BINARY, r.reason());
        assertContains(r.getMessage(), OK_ENTRY, "not a well-formed ELF file", "truncated");
    }

    @Test
    public void aFileThatIsNoElfIsMalformed() throws Exception {
        Path text = temp.newFile("libok.so").toPath();
        Files.writeString(text, "INPUT(-lc)\n");
        LoadRefusal r = refusal(OK, List.of(OK_ENTRY), List.of(text));
        assertEquals(RefusalReason.MALFORMED_BINARY, r.reason());
    }

    @Test
    public void anElfFileThatIsNoSharedObjectIsMalformed() throws Exception {
        byte[] bytes = Files.readAllBytes(Fixtures.ok(Fixtures.HOST));
        bytes[16] = 1; // e_type = ET_REL (little-endian on both fixture platforms)
        bytes[17] = 0;
        Path relocatable = temp.newFile("libok.so").toPath();
        Files.write(relocatable, bytes);
        LoadRefusal r = refusal(OK, List.of(OK_ENTRY), List.of(relocatable));
        assertEquals(RefusalReason.MALFORMED_BINARY, r.reason());
        assertContains(r.getMessage(), "type REL", "ET_DYN");
    }

    @Test
    public void aMuslHostRefusesAGlibcLibrary() throws Exception {
        RuntimeHost musl = Fixtures.host(LibcFlavour.MUSL, Optional.empty(), Optional.of(new Version(1, 0, 0)));
        LoadRefusal r = refusal(musl, OK, List.of(OK_ENTRY), List.of(Fixtures.ok(Fixtures.HOST)));
        assertEquals(RefusalReason.LIBC_MISMATCH, r.reason());
        assertContains(r.getMessage(), "linked against glibc", "DT_NEEDED libc.so.6", "this host runs musl");
    }

    @Test
    public void anOlderGlibcIsRefusedWithTheVersionNeededAndTheVersionPresent() throws Exception {
        RuntimeHost old = Fixtures.host(LibcFlavour.GLIBC, Optional.of(new GlibcVersion(2, 1, 0)), Optional.of(new Version(1, 0, 0)));
        LoadRefusal r = refusal(old, OK, List.of(OK_ENTRY), List.of(Fixtures.ok(Fixtures.HOST)));
        assertEquals(RefusalReason.GLIBC_TOO_OLD, r.reason());
        assertContains(r.getMessage(), "needs GLIBC_2.", "from libc.so.6", "this host has glibc 2.1");
    }

    @Test
    public void aHiddenSymbolIsMissingWithTheReadersReasonAndWhatIsExported() throws Exception {
        LoadRefusal r = refusal(declaration("ok", "1.0.0", "ok_add", "ok_hidden"), List.of(OK_ENTRY),
                List.of(Fixtures.ok(Fixtures.HOST)));
        assertEquals(RefusalReason.SYMBOL_MISSING, r.reason());
        assertContains(r.getMessage(), "'ok_hidden'", "hidden", "exported: ", "ok_add", "ok_twice");
    }

    @Test
    public void aStaticSymbolIsMissing() throws Exception {
        LoadRefusal r = refusal(declaration("ok", "1.0.0", "ok_static"), List.of(OK_ENTRY), List.of(Fixtures.ok(Fixtures.HOST)));
        assertEquals(RefusalReason.SYMBOL_MISSING, r.reason());
        assertContains(r.getMessage(), "'ok_static'");
    }

    @Test
    public void theBuildNoteMustNameTheDeclaredLibraryAndVersion() throws Exception {
        LoadRefusal name = refusal(declaration("other", "1.0.0"), List.of(OK_ENTRY), List.of(Fixtures.ok(Fixtures.HOST)));
        assertEquals(RefusalReason.BUILD_NOTE_MISMATCH, name.reason());
        assertContains(name.getMessage(), "library 'ok'", "declares 'other'");
        LoadRefusal version = refusal(declaration("ok", "1.1.0"), List.of(OK_ENTRY), List.of(Fixtures.ok(Fixtures.HOST)));
        assertEquals(RefusalReason.BUILD_NOTE_MISMATCH, version.reason());
        assertContains(version.getMessage(), "version 1.0.0 (build note)", "declares version 1.1.0");
    }

    @Test
    public void theBuildNoteAbiMustFitTheRuntimeAndTheRequirement() throws Exception {
        RuntimeHost abi2 = Fixtures.host(LibcFlavour.GLIBC, Optional.of(new GlibcVersion(2, 36, 0)), Optional.of(new Version(2, 0, 0)));
        LoadRefusal runtime = refusal(abi2, OK, List.of(OK_ENTRY), List.of(Fixtures.ok(Fixtures.HOST)));
        assertEquals(RefusalReason.BUILD_NOTE_MISMATCH, runtime.reason());
        assertContains(runtime.getMessage(), "ABI 1.0.0", "[1.0.0, 2.0.0)", "provides io.nativebundle.abi 2.0.0");

        BundleDeclaration wants2 = new BundleDeclaration("test.bundle", "ok", "1.0.0", List.of(),
                Optional.of("(&(io.nativebundle.abi>=2.0.0)(!(io.nativebundle.abi>=3.0.0)))"));
        LoadRefusal requirement = refusal(wants2, List.of(OK_ENTRY), List.of(Fixtures.ok(Fixtures.HOST)));
        assertEquals(RefusalReason.BUILD_NOTE_MISMATCH, requirement.reason());
        assertContains(requirement.getMessage(), "does not accept it");
    }

    @Test
    public void aLibraryWithoutBuildNoteIsRefused() throws Exception {
        LoadRefusal r = refusal(declaration("dep", "1.0.0"), List.of("native/libdep.so"), List.of(Fixtures.dep(Fixtures.HOST)));
        assertEquals(RefusalReason.BUILD_NOTE_MISMATCH, r.reason());
        assertContains(r.getMessage(), "no .note.nativebundle build note", "NATIVEBUNDLE_LIBRARY(\"dep\"");
    }

    @Test
    public void aWrappedBundleMayCarryAThirdPartyLibraryWithoutBuildNote() throws Exception {
        BundleDeclaration wrapped = new BundleDeclaration("test.bundle", "dep", "1.0.0", List.of("dep_value"),
                Optional.empty(), true);
        List<CheckResult> results = BinaryVerifier.report(Fixtures.host(), wrapped, "linux-" + Fixtures.HOST,
                List.of("native/libdep.so"), List.of(Fixtures.dep(Fixtures.HOST)));
        assertTrue(results.toString(), results.stream().allMatch(CheckResult::passed));
        assertContains(detail(results, "build-note"), "skipped", "NativeBundle-Wrapped", "NativeBundle-Digest pins");
    }

    @Test
    public void aPrebuiltLibraryWithoutBuildNoteIsHeldToItsDeclaredAbi() throws Exception {
        BundleDeclaration fits = prebuilt("cargo;abi=1.0.0", "dep");
        List<CheckResult> results = BinaryVerifier.report(Fixtures.host(), fits, "linux-" + Fixtures.HOST,
                List.of("native/libdep.so"), List.of(Fixtures.dep(Fixtures.HOST)));
        assertTrue(results.toString(), results.stream().allMatch(CheckResult::passed));
        assertContains(detail(results, "build-note"), "skipped: libdep.so was built elsewhere (NativeBundle-Prebuilt:"
                + " cargo;abi=1.0.0)", "declared for ABI 1.0.0", "runtime ABI 1.0.0");

        LoadRefusal requirement = refusal(prebuilt("cargo;abi=2.0.0", "dep"), List.of("native/libdep.so"),
                List.of(Fixtures.dep(Fixtures.HOST)));
        assertEquals(RefusalReason.BUILD_NOTE_MISMATCH, requirement.reason());
        assertContains(requirement.getMessage(), "built for nativebundle ABI 2.0.0 (NativeBundle-Prebuilt)",
                "does not accept it");
        RuntimeHost abi2 = Fixtures.host(LibcFlavour.GLIBC, Optional.of(new GlibcVersion(2, 36, 0)),
                Optional.of(new Version(2, 0, 0)));
        BundleDeclaration noFilter = new BundleDeclaration("test.bundle", "dep", "1.0.0", List.of(), Optional.empty(),
                true, PrebuiltHeader.parse("cmake;abi=1.0.0"));
        LoadRefusal runtime = refusal(abi2, noFilter, List.of("native/libdep.so"), List.of(Fixtures.dep(Fixtures.HOST)));
        assertContains(runtime.getMessage(), "ABI 1.0.0 (NativeBundle-Prebuilt)", "[1.0.0, 2.0.0)",
                "provides io.nativebundle.abi 2.0.0");
    }

    @Test
    public void aBuildNoteMustAgreeWithTheDeclaredPrebuiltAbi() throws Exception {
        LoadRefusal r = refusal(prebuilt("cmake;abi=1.1.0", "ok"), List.of(OK_ENTRY), List.of(Fixtures.ok(Fixtures.HOST)));
        assertEquals(RefusalReason.BUILD_NOTE_MISMATCH, r.reason());
        assertContains(r.getMessage(), "has a build note for ABI 1.0.0, but NativeBundle-Prebuilt: cmake;abi=1.1.0"
                + " declares abi=1.1.0");
    }

    @Test
    public void aWrappedLibraryThatHasABuildNoteIsStillHeldToIt() throws Exception {
        BundleDeclaration wrapped = new BundleDeclaration("test.bundle", "other", "1.0.0", List.of(),
                Optional.empty(), true);
        LoadRefusal r = refusal(wrapped, List.of(OK_ENTRY), List.of(Fixtures.ok(Fixtures.HOST)));
        assertEquals(RefusalReason.BUILD_NOTE_MISMATCH, r.reason());
        assertContains(r.getMessage(), "library 'ok'", "declares 'other'");
    }

    @Test
    public void aSameBundleDependencyWithItsSonameIsFoundInTheClause() throws Exception {
        List<CheckResult> results = BinaryVerifier.report(Fixtures.host(), declaration("user", "1.0.0", "user_value", "dep_value"),
                "linux-" + Fixtures.HOST, List.of("n/libuser.so", "n/libdep.so"),
                List.of(Fixtures.user(Fixtures.HOST), Fixtures.dep(Fixtures.HOST)));
        assertTrue(results.toString(), results.stream().allMatch(CheckResult::passed));
        assertContains(detail(results, "dependencies"), "libdep.so (bundle: n/libdep.so)");
        assertContains(detail(results, "symbols"), "from dependencies: dep_value (libdep.so)");
    }

    @Test
    public void aDependencyMissingFromBundleAndSystemIsRefused() throws Exception {
        LoadRefusal r = refusal(declaration("user", "1.0.0"), List.of("n/libuser.so"), List.of(Fixtures.user(Fixtures.HOST)));
        assertEquals(RefusalReason.DEPENDENCY_MISSING, r.reason());
        assertContains(r.getMessage(), "n/libuser.so of test.bundle needs libdep.so (DT_NEEDED)", "[n/libuser.so]",
                "LD_LIBRARY_PATH is not used");
    }

    @Test
    public void aDependencyWithoutSonameNeedsOrigin() throws Exception {
        List<String> entries = List.of("n/libuser.so", "n/libdep.so");
        LoadRefusal r = refusal(declaration("user", "1.0.0"), entries,
                List.of(Fixtures.variant("nosoname", Fixtures.HOST, "libuser.so"), Fixtures.variant("nosoname", Fixtures.HOST, "libdep.so")));
        assertEquals(RefusalReason.DEPENDENCY_MISSING, r.reason());
        assertContains(r.getMessage(), "soname is missing", "-Wl,-soname,libdep.so", "-Wl,-rpath,'$ORIGIN'");

        BinaryVerifier.verify(Fixtures.host(), declaration("user", "1.0.0"), "linux-" + Fixtures.HOST, entries,
                List.of(Fixtures.variant("origin", Fixtures.HOST, "libuser.so"), Fixtures.variant("origin", Fixtures.HOST, "libdep.so")));
    }

    private LoadRefusal refusal(BundleDeclaration declaration, List<String> entries, List<Path> files) {
        return refusal(Fixtures.host(), declaration, entries, files);
    }

    private LoadRefusal refusal(RuntimeHost host, BundleDeclaration declaration, List<String> entries, List<Path> files) {
        LoadRefusal r = assertThrows(LoadRefusal.class,
                () -> BinaryVerifier.verify(host, declaration, "linux-" + Fixtures.HOST, entries, files));
        List<CheckResult> report = BinaryVerifier.report(host, declaration, "linux-" + Fixtures.HOST, entries, files);
        CheckResult first = report.stream().filter(c -> !c.passed()).findFirst().orElseThrow();
        assertEquals("the report and the loader agree", Optional.of(r.reason()), first.reason());
        assertEquals(r.getMessage(), first.detail());
        return r;
    }

    private Path copy(Path file, int length) throws Exception {
        Path copy = temp.newFolder().toPath().resolve(file.getFileName());
        Files.write(copy, Arrays.copyOf(Files.readAllBytes(file), length));
        return copy;
    }

    private static BundleDeclaration declaration(String library, String version, String... symbols) {
        return new BundleDeclaration("test.bundle", library, version, List.of(symbols),
                Optional.of("(&(io.nativebundle.abi>=1.0.0)(!(io.nativebundle.abi>=2.0.0)))"));
    }

    /** A bundle declared {@code NativeBundle-Prebuilt: <header>}, requiring ABI [1, 2) as the bnd plugin writes it. */
    private static BundleDeclaration prebuilt(String header, String library) throws Exception {
        return new BundleDeclaration("test.bundle", library, "1.0.0", List.of(),
                Optional.of("(&(io.nativebundle.abi>=1.0.0)(!(io.nativebundle.abi>=2.0.0)))"), true,
                PrebuiltHeader.parse(header));
    }

    private static String detail(List<CheckResult> results, String check) {
        return results.stream().filter(c -> c.check().equals(check)).findFirst().orElseThrow().detail();
    }

    static void assertContains(String text, String... parts) {
        for (String part : parts) {
            assertTrue("expected '" + part + "' in: " + text, text.contains(part));
        }
    }
}
