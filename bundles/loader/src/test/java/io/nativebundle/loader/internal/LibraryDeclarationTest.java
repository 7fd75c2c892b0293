package io.nativebundle.loader.internal;

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
