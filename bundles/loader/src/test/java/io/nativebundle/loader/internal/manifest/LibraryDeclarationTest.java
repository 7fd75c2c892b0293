package io.nativebundle.loader.internal.manifest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.Test;
import org.osgi.framework.Version;

import io.nativebundle.api.NativeSymbol;

public class LibraryDeclarationTest {

    @Test
    public void readsNameVersionAndInterface() throws Exception {
        LibraryDeclaration d = LibraryDeclaration.parse("math;version=1.2.0;interface=org.example.math.api.MathLib");
        assertEquals("math", d.name());
        assertEquals(new Version(1, 2, 0), d.version());
        assertEquals(Optional.of("org.example.math.api.MathLib"), d.interfaceName());
        assertEquals(Optional.empty(), d.system());
    }

    @Test
    public void aSystemLibraryTakesTheFloorOfItsRange() throws Exception {
        LibraryDeclaration d = LibraryDeclaration.parse("z;system=libz.so.1;version=\"[1.2,2)\"");
        assertEquals(new Version(1, 2, 0), d.version());
        assertEquals(Optional.of("libz.so.1"), d.system());
    }

    @Test
    public void aSystemLibraryReadsRangeVersionSymbolAndAllowList() throws Exception {
        String digest = "AB".repeat(32);
        LibraryDeclaration d = LibraryDeclaration.parse("z;system=libz.so.1;version=\"[1.2,2)\";"
                + "version-symbol=zlibVersion;sha256=\"" + digest + ", " + "cd".repeat(32) + "\"");
        SystemDeclaration host = d.host().orElseThrow();
        assertEquals(new org.osgi.framework.VersionRange("[1.2,2)"), host.range());
        assertEquals(Optional.of("zlibVersion"), host.versionSymbol());
        assertEquals(List.of("ab".repeat(32), "cd".repeat(32)), host.sha256());
    }

    @Test
    public void aPlainVersionOfASystemLibraryMeansAtLeast() throws Exception {
        SystemDeclaration host = LibraryDeclaration.parse("z;system=libz.so.1;version=1.2").host().orElseThrow();
        assertTrue(host.range().includes(new Version(9, 0, 0)));
        assertEquals(new Version(1, 2, 0), host.floor());
    }

    @Test
    public void aBadRangeIsMalformed() {
        MalformedHeaderException e = assertThrows(MalformedHeaderException.class,
                () -> LibraryDeclaration.parse("z;system=libz.so.1;version=\"[1.2,two)\""));
        assertTrue(e.getMessage(), e.getMessage().startsWith("NativeBundle-Library: version '[1.2,two)' of system"
                + " library 'z' is neither an OSGi version range like [1.2,2) nor a version like 1.2"));
        MalformedHeaderException empty = assertThrows(MalformedHeaderException.class,
                () -> LibraryDeclaration.parse("z;system=libz.so.1;version=\"[2,1.2)\""));
        assertTrue(empty.getMessage(), empty.getMessage().contains("is empty: no version can lie inside it"));
    }

    @Test
    public void anEmptySystemIsMalformed() {
        MalformedHeaderException e = assertThrows(MalformedHeaderException.class,
                () -> LibraryDeclaration.parse("z;system=\"\";version=1.2"));
        assertTrue(e.getMessage(), e.getMessage().contains("system= of library 'z' is empty"));
    }

    @Test
    public void aSystemPathIsMalformed() {
        MalformedHeaderException e = assertThrows(MalformedHeaderException.class,
                () -> LibraryDeclaration.parse("z;system=/usr/lib/libz.so.1;version=1.2"));
        assertTrue(e.getMessage(), e.getMessage().contains("system=/usr/lib/libz.so.1 of library 'z' is a path;"
                + " expected a file name without '/'"));
    }

    @Test
    public void aSystemLibraryWithoutVersionOrWithBadDigestIsMalformed() {
        assertTrue(assertThrows(MalformedHeaderException.class, () -> LibraryDeclaration.parse("z;system=libz.so.1"))
                .getMessage().contains("has no version"));
        assertTrue(assertThrows(MalformedHeaderException.class,
                () -> LibraryDeclaration.parse("z;system=libz.so.1;version=1.2;sha256=beef"))
                .getMessage().contains("sha256 'beef' of library 'z' is not a SHA-256"));
        assertTrue(assertThrows(MalformedHeaderException.class,
                () -> LibraryDeclaration.parse("z;system=libz.so.1;version=1.2;version-symbol=\"a b\""))
                .getMessage().contains("is not a C identifier"));
    }

    @Test
    public void refusesTwoLibraries() {
        MalformedHeaderException e = assertThrows(MalformedHeaderException.class,
                () -> LibraryDeclaration.parse("a;version=1, b;version=2"));
        assertTrue(e.getMessage(), e.getMessage().contains("expected exactly one library clause but found 2"));
    }

    @Test
    public void refusesABadVersion() {
        MalformedHeaderException e = assertThrows(MalformedHeaderException.class,
                () -> LibraryDeclaration.parse("math;version=one.two"));
        assertTrue(e.getMessage(), e.getMessage().contains("version 'one.two' of library 'math' is not an OSGi version"));
    }

    @Test
    public void readsSymbolsOfBothKinds() throws Exception {
        List<NativeSymbol> symbols = SymbolDeclarations.parse(
                "add;signature=\"(int,int)int\", greet;signature=\"(string)string\", counter;kind=variable;type=int");
        assertEquals(List.of(
                new NativeSymbol("add", NativeSymbol.Kind.FUNCTION, "(int,int)int"),
                new NativeSymbol("greet", NativeSymbol.Kind.FUNCTION, "(string)string"),
                new NativeSymbol("counter", NativeSymbol.Kind.VARIABLE, "int")), symbols);
    }

    @Test
    public void refusesAFunctionWithoutSignature() {
        MalformedHeaderException e = assertThrows(MalformedHeaderException.class,
                () -> SymbolDeclarations.parse("add"));
        assertTrue(e.getMessage(), e.getMessage().contains("function 'add' has no signature"));
    }

    @Test
    public void refusesADigestThatIsNotHex() {
        MalformedHeaderException e = assertThrows(MalformedHeaderException.class,
                () -> DigestTable.parse("native/linux/x86-64/libmath.so;sha256=xyz"));
        assertTrue(e.getMessage(), e.getMessage().contains("must be 64 hex digits but is 'xyz'"));
    }
}
