package io.nativebundle.wrap.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.osgi.framework.Version;

import io.nativebundle.binary.SystemLibraries;
import io.nativebundle.contract.Sha256;
import io.nativebundle.testsupport.Await;
import io.nativebundle.wrap.DescriptorException;
import io.nativebundle.wrap.NativeWrapper;

/**
 * Wraps real libraries compiled by the build: {@code libfix.so} (with the build note of
 * nativebundle.h: library fix 1.0.0, ABI 1.0.0; add, twice, counter; a hidden helper) and
 * {@code libnonote.so} (no note, as a third party ships it).
 */
public class WrapperTest {

    /** The requirement on the nativebundle extender, as the bnd plugin writes it too. */
    private static final String EXTENDER =
            "osgi.extender;filter:=\"(&(osgi.extender=io.nativebundle)(version>=1.0.0)(!(version>=2.0.0)))\"";

    private static final Path NATIVES = Path.of(System.getProperty("nativebundle.test.natives", "target/test-natives"));

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private Path folder() throws IOException {
        return temp.getRoot().toPath();
    }

    private Path dropFix() throws IOException {
        return Files.copy(NATIVES.resolve("libfix.so"), folder().resolve("libfix.so"), StandardCopyOption.REPLACE_EXISTING);
    }

    private Path descriptor(String name, String... lines) throws IOException {
        return Files.writeString(folder().resolve(name), String.join("\n", lines) + "\n");
    }

    private Path goodDescriptor() throws IOException {
        return descriptor("libfix.nativebundle", "library = fix", "version = 1.0.0", "tenant = acme", "",
                "[symbols]", "add = (int,int)int", "twice = (long)long", "[variables]", "counter = int");
    }

    private DescriptorException refused(Path library, Path descriptor) throws IOException {
        Path out = folder().resolve("out.jar");
        try {
            NativeWrapper.wrap(library, descriptor, out);
        } catch (DescriptorException e) {
            assertFalse("nothing is written for a refused descriptor", Files.exists(out));
            return e;
        }
        throw new AssertionError("the descriptor was accepted");
    }

    @Test
    public void theBundleCarriesTheContractsHeaders() throws Exception {
        dropFix();
        Path jar = NativeWrapper.wrap(null, goodDescriptor(), folder().resolve("out/fix.jar"));
        String sha256 = Sha256.of(Files.readAllBytes(NATIVES.resolve("libfix.so")));
        try (JarFile j = new JarFile(jar.toFile())) {
            Attributes h = j.getManifest().getMainAttributes();
            assertEquals("2", h.getValue("Bundle-ManifestVersion"));
            assertEquals("nativebundle.wrapped.acme.fix", h.getValue("Bundle-SymbolicName"));
            assertEquals("1.0.0", h.getValue("Bundle-Version"));
            assertEquals("native/linux/x86-64/libfix.so;osname=Linux;processor=x86-64", h.getValue("Bundle-NativeCode"));
            assertEquals("fix;version=1.0.0", h.getValue("NativeBundle-Library"));
            assertEquals("native/linux/x86-64/libfix.so;sha256=" + sha256, h.getValue("NativeBundle-Digest"));
            assertEquals("add;signature=\"(int,int)int\", twice;signature=\"(long)long\", counter;kind=variable;type=int",
                    h.getValue("NativeBundle-Symbols"));
            assertEquals("acme", h.getValue("NativeBundle-Tenant"));
            assertEquals("io.nativebundle.abi;filter:=\"(&(io.nativebundle.abi>=1.0.0)(!(io.nativebundle.abi>=2.0.0)))\","
                    + EXTENDER, h.getValue("Require-Capability"));
            assertEquals("io.nativebundle.library;io.nativebundle.library=fix;version:Version=\"1.0.0\"",
                    h.getValue("Provide-Capability"));
            assertEquals("libfix.nativebundle", h.getValue("NativeBundle-Wrapped"));

            assertArrayEquals(Files.readAllBytes(NATIVES.resolve("libfix.so")),
                    j.getInputStream(j.getEntry("native/linux/x86-64/libfix.so")).readAllBytes());
            assertArrayEquals(Files.readAllBytes(folder().resolve("libfix.nativebundle")),
                    j.getInputStream(j.getEntry("META-INF/nativebundle/libfix.nativebundle")).readAllBytes());
            List<String> names = new ArrayList<>();
            for (ZipEntry e : Collections.list(j.entries())) {
                names.add(e.getName());
                assertEquals(e.getName(), BundleWriter.ENTRY_TIME, e.getTimeLocal());
            }
            assertEquals(List.of("META-INF/", "META-INF/MANIFEST.MF", "META-INF/nativebundle/", "native/",
                    "native/linux/", "native/linux/x86-64/", "META-INF/nativebundle/libfix.nativebundle",
                    "native/linux/x86-64/libfix.so"), names);
        }
        // the manifest comes first, where FileInstall's JarInputStream looks for it
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
            assertEquals("nativebundle.wrapped.acme.fix", in.getManifest().getMainAttributes().getValue("Bundle-SymbolicName"));
        }
    }

    @Test
    public void isolationTimeoutsAndLimitsBecomeAttributesTheLoaderReads() throws Exception {
        dropFix();
        Path descriptor = descriptor("libfix.nativebundle", "library = fix", "version = 1.0.0", "isolation = process",
                "timeout = 2s", "max-address-space = 256m", "max-cpu-time = 30s", "", "[symbols]",
                "add = (int,int)int", "twice = (long)long", "[timeouts]", "twice = 250ms");
        Path jar = NativeWrapper.wrap(null, descriptor, folder().resolve("fix.jar"));
        try (JarFile j = new JarFile(jar.toFile())) {
            Attributes h = j.getManifest().getMainAttributes();
            assertEquals("fix;version=1.0.0;isolation=process;timeout=2s;max-address-space=256m;max-cpu-time=30s",
                    h.getValue("NativeBundle-Library"));
            assertEquals("add;signature=\"(int,int)int\", twice;signature=\"(long)long\";timeout=250ms",
                    h.getValue("NativeBundle-Symbols"));
        }
    }

    @Test
    public void exportRemoteBecomesTheAttributeTheLoaderReadsAndABadOneIsRefusedAtItsLine() throws Exception {
        dropFix();
        Path descriptor = descriptor("libfix.nativebundle", "library = fix", "version = 1.0.0", "export = remote", "",
                "[symbols]", "add = (int,int)int");
        Path jar = NativeWrapper.wrap(null, descriptor, folder().resolve("fix.jar"));
        try (JarFile j = new JarFile(jar.toFile())) {
            assertEquals("fix;version=1.0.0;export=remote",
                    j.getManifest().getMainAttributes().getValue("NativeBundle-Library"));
        }
        Path bad = descriptor("libfix.nativebundle", "library = fix", "version = 1.0.0", "export = everywhere", "",
                "[symbols]", "add = (int,int)int");
        DescriptorException e = refused(null, bad);
        assertTrue(e.getMessage(), e.getMessage().contains(":3:"));
        assertTrue(e.getMessage(), e.getMessage().contains("export 'everywhere' is neither remote or none"));
    }

    @Test
    public void theSameInputsGiveTheSameBytes() throws Exception {
        dropFix();
        Path descriptor = goodDescriptor();
        long second = Instant.now().getEpochSecond();
        Path a = NativeWrapper.wrap(null, descriptor, folder().resolve("a.jar"));
        // a zip records times to the (two) second: the second jar is written in a later one
        Await.until("a later second on the clock", () -> Instant.now().getEpochSecond() > second + 1);
        Path b = NativeWrapper.wrap(null, descriptor, folder().resolve("b.jar"));
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    public void anExplicitLibraryFileWinsAndNamesTheEntry() throws Exception {
        Path other = folder().resolve("elsewhere");
        Files.createDirectories(other);
        Path lib = Files.copy(NATIVES.resolve("libfix.so"), other.resolve("libfix-1.0.so"));
        Path jar = NativeWrapper.wrap(lib, goodDescriptor(), folder().resolve("fix.jar"));
        try (JarFile j = new JarFile(jar.toFile())) {
            assertTrue(j.getManifest().getMainAttributes().getValue("Bundle-NativeCode")
                    .startsWith("native/linux/x86-64/libfix-1.0.so;"));
        }
    }

    @Test
    public void theTenantFolderNamesTheBundleWhenTheDescriptorHasNoTenant() throws Exception {
        dropFix();
        Path d = descriptor("libfix.nativebundle", "library = fix", "version = 1.0.0");
        WrapContext acme = new WrapContext(Optional.of("acme"), "plugins/acme/", new Version(1, 0, 0));
        Wrapped wrapped = Wrapping.wrap(null, d, folder().resolve("fix.jar"), acme);
        assertEquals("nativebundle.wrapped.acme.fix", wrapped.symbolicName());
        try (JarFile j = new JarFile(wrapped.jar().toFile())) {
            assertNull("the loader takes the tenant from the folder", j.getManifest().getMainAttributes()
                    .getValue("NativeBundle-Tenant"));
        }
        assertEquals("nativebundle.wrapped.default.fix",
                Wrapping.wrap(null, d, folder().resolve("fix2.jar"), WrapContext.standalone()).symbolicName());
    }

    @Test
    public void aTenantThatContradictsItsFolderIsRefusedAtItsValue() throws Exception {
        dropFix();
        Path d = descriptor("libfix.nativebundle", "library = fix", "version = 1.0.0", "tenant = globex");
        WrapContext acme = new WrapContext(Optional.of("acme"), "plugins/acme/", new Version(1, 0, 0));
        try {
            Wrapping.wrap(null, d, folder().resolve("fix.jar"), acme);
            throw new AssertionError("accepted");
        } catch (DescriptorException e) {
            assertEquals("libfix.nativebundle:3:10: tenant 'globex' contradicts the folder plugins/acme/ (tenant 'acme');"
                    + " remove the tenant line or move the descriptor into the folder of its tenant", e.getMessage());
        }
    }

    @Test
    public void aMissingSymbolIsRefusedAtItsDeclaration() throws Exception {
        dropFix();
        DescriptorException e = refused(null, descriptor("libfix.nativebundle", "library = fix", "version = 1.0.0",
                "[symbols]", "add = (int,int)int", "  subtract = (int,int)int"));
        assertEquals(5, e.line());
        assertEquals(3, e.column());
        assertTrue(e.getMessage(), e.getMessage().startsWith("libfix.nativebundle:5:3: symbol 'subtract' is not"
                + " exported by libfix.so: "));
    }

    @Test
    public void aHiddenSymbolIsRefusedWithTheReason() throws Exception {
        dropFix();
        DescriptorException e = refused(null, descriptor("libfix.nativebundle", "library = fix", "version = 1.0.0",
                "[symbols]", "helper = (int)int"));
        assertEquals(4, e.line());
        assertTrue(e.getMessage(), e.reason().contains("helper") && e.reason().toLowerCase().contains("hidden"));
    }

    @Test
    public void aFunctionDeclaredAsVariableAndTheReverse() throws Exception {
        dropFix();
        DescriptorException v = refused(null, descriptor("libfix.nativebundle", "library = fix", "version = 1.0.0",
                "[symbols]", "counter = ()int"));
        assertEquals("libfix.nativebundle:4:1: 'counter' is a variable in libfix.so; declare it under [variables]",
                v.getMessage());
        DescriptorException f = refused(null, descriptor("libfix.nativebundle", "library = fix", "version = 1.0.0",
                "[variables]", "add = int"));
        assertEquals("libfix.nativebundle:4:1: 'add' is a function in libfix.so; declare it under [symbols]",
                f.getMessage());
    }

    @Test
    public void aMissingLibraryFileIsRefused() throws Exception {
        DescriptorException byStem = refused(null, descriptor("libfix.nativebundle", "library = fix", "version = 1.0.0"));
        assertEquals(1, byStem.line());
        assertEquals(1, byStem.column());
        assertTrue(byStem.getMessage(), byStem.reason().startsWith("the library file libfix.so is missing;"));
        DescriptorException byKey = refused(null, descriptor("libfix.nativebundle", "library = fix", "version = 1.0.0",
                "file = libother.so"));
        assertEquals(3, byKey.line());
        assertEquals(8, byKey.column());
        assertTrue(byKey.getMessage(), byKey.reason().startsWith("the library file libother.so is missing;"));
    }

    @Test
    public void theBuildNoteMustNameTheDescriptorsLibraryAndVersion() throws Exception {
        dropFix();
        DescriptorException name = refused(null, descriptor("libfix.nativebundle", "library = fox", "version = 1.0.0"));
        assertEquals("libfix.nativebundle:1:11: libfix.so is built as library 'fix' (its build note), not 'fox'",
                name.getMessage());
        DescriptorException version = refused(null, descriptor("libfix.nativebundle", "library = fix", "version = 1.1"));
        assertEquals("libfix.nativebundle:2:11: libfix.so is built as fix version 1.0.0 (its build note), not 1.1",
                version.getMessage());
    }

    @Test
    public void aThirdPartyLibraryWithoutBuildNoteIsWrappedForTheRuntimesAbi() throws Exception {
        Files.copy(NATIVES.resolve("libnonote.so"), folder().resolve("libnonote.so"));
        Path jar = NativeWrapper.wrap(null, descriptor("libnonote.nativebundle", "library = nonote", "version = 1",
                "[symbols]", "add = (int,int)int"), folder().resolve("nonote.jar"));
        try (JarFile j = new JarFile(jar.toFile())) {
            Attributes h = j.getManifest().getMainAttributes();
            assertEquals("libnonote.nativebundle", h.getValue("NativeBundle-Wrapped"));
            assertEquals("no note to read, so the runtime's own ABI (1.0.0 outside a framework)",
                    "io.nativebundle.abi;filter:=\"(&(io.nativebundle.abi>=1.0.0)(!(io.nativebundle.abi>=2.0.0)))\","
                    + EXTENDER, h.getValue("Require-Capability"));
            assertEquals("add;signature=\"(int,int)int\"", h.getValue("NativeBundle-Symbols"));
        }
    }

    @Test
    public void aThirdPartyLibraryMustStillExportTheDeclaredSymbols() throws Exception {
        Files.copy(NATIVES.resolve("libnonote.so"), folder().resolve("libnonote.so"));
        DescriptorException e = refused(null, descriptor("libnonote.nativebundle", "library = nonote", "version = 1",
                "[symbols]", "add = (int,int)int", "sub = (int,int)int"));
        assertEquals(5, e.line());
        assertTrue(e.getMessage(), e.reason().startsWith("symbol 'sub' is not exported by libnonote.so"));
    }

    @Test
    public void aFileThatIsNotElfIsRefused() throws Exception {
        Files.writeString(folder().resolve("libfix.so"), "not a library");
        DescriptorException e = refused(null, descriptor("libfix.nativebundle", "library = fix", "version = 1"));
        assertTrue(e.getMessage(), e.getMessage().startsWith("libfix.nativebundle:1:1: libfix.so is not an ELF shared library"));
    }

    @Test
    public void aHostLibraryIsCheckedOnTheSearchPathAndNotPacked() throws Exception {
        assumeTrue("libz.so.1 on this host", SystemLibraries.forThisJvm().find("libz.so.1").isPresent());
        Path d = descriptor("libz.nativebundle", "library = z", "system = libz.so.1", "version = [1.2,2)",
                "version-symbol = zlibVersion", "", "[symbols]", "crc32 = (long,buffer,int)long",
                "zlibVersion = ()string");
        Path jar = NativeWrapper.wrap(null, d, folder().resolve("z.jar"));
        try (JarFile j = new JarFile(jar.toFile())) {
            Attributes h = j.getManifest().getMainAttributes();
            assertEquals("nativebundle.wrapped.default.z", h.getValue("Bundle-SymbolicName"));
            assertEquals("1.2.0", h.getValue("Bundle-Version"));
            assertEquals("z;system=libz.so.1;version=\"[1.2.0,2.0.0)\";version-symbol=zlibVersion",
                    h.getValue("NativeBundle-Library"));
            assertNull(h.getValue("Bundle-NativeCode"));
            assertNull(h.getValue("NativeBundle-Digest"));
            assertEquals("crc32;signature=\"(long,buffer,int)long\", zlibVersion;signature=\"()string\"",
                    h.getValue("NativeBundle-Symbols"));
            assertEquals("io.nativebundle.abi;filter:=\"(&(io.nativebundle.abi>=1.0.0)(!(io.nativebundle.abi>=2.0.0)))\","
                    + EXTENDER, h.getValue("Require-Capability"));
            assertEquals("io.nativebundle.library;io.nativebundle.library=z;version:Version=\"1.2.0\"",
                    h.getValue("Provide-Capability"));
            assertTrue(Collections.list(j.entries()).stream().noneMatch(e -> e.getName().startsWith("native/")));
        }
    }

    @Test
    public void aHostLibraryMissingASymbolOrMissingAltogether() throws Exception {
        assumeTrue("libz.so.1 on this host", SystemLibraries.forThisJvm().find("libz.so.1").isPresent());
        DescriptorException symbol = refused(null, descriptor("libz.nativebundle", "library = z",
                "system = libz.so.1", "version = 1.2", "[symbols]", "crc33 = (long,buffer,int)long"));
        assertEquals(5, symbol.line());
        assertTrue(symbol.getMessage(), symbol.reason().startsWith("symbol 'crc33' is not exported by libz.so.1"));
        DescriptorException missing = refused(null, descriptor("libnope.nativebundle", "library = nope",
                "system = libnope.so.7", "version = 1"));
        assertEquals(2, missing.line());
        assertEquals(10, missing.column());
        assertTrue(missing.getMessage(), missing.reason().startsWith("libnope.so.7 is not on this host's library"
                + " search path; searched "));
    }

    @Test
    public void aLibraryFileGivenForAHostDescriptorIsRefused() throws Exception {
        DescriptorException e = refused(dropFix(), descriptor("libz.nativebundle", "library = z",
                "system = libz.so.1", "version = 1.2"));
        assertEquals(2, e.line());
        assertTrue(e.getMessage(), e.reason().startsWith("the descriptor takes the library from the host"));
    }
}
