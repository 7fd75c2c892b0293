package io.nativebundle.contract;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The clause grammar, NativeBundle-Symbols, NativeBundle-Digest, SHA-256 and the ABI requirement. */
public class HeadersTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void clausesHaveQuotedValuesTypedAttributesAndDirectives() throws Exception {
        List<HeaderClause> clauses = ManifestHeader.parse("H", "a.so;b.so;osname=Linux;osname=\"Free BSD\","
                + " x;version:Version=\"1.2.0\";filter:=\"(a=b)\"");
        assertEquals(List.of("a.so", "b.so"), clauses.get(0).paths());
        assertEquals(List.of("Linux", "Free BSD"), clauses.get(0).attributes("osname"));
        assertEquals(Optional.of("1.2.0"), clauses.get(1).attribute("version"));
        assertEquals(Optional.of("(a=b)"), clauses.get(1).directive("filter"));
        assertEquals(List.of(), ManifestHeader.parse("H", null));
    }

    @Test
    public void aClauseErrorNamesHeaderAndColumn() {
        MalformedHeaderException e = assertThrows(MalformedHeaderException.class,
                () -> ManifestHeader.parse("H", "a;v=1;b"));
        assertEquals("H: path 'b' after attributes or directives at column 7 in 'a;v=1;b'", e.getMessage());
        assertEquals("H: expected a value at column 5 in 'a;v=;x'", assertThrows(MalformedHeaderException.class,
                () -> ManifestHeader.parse("H", "a;v=;x")).getMessage());
    }

    @Test
    public void firstAttributeIsLenient() {
        String header = "math;version=1.2.0;interface=io.nativebundle.examples.math.MathLib";
        assertEquals(Optional.of("1.2.0"), ManifestHeader.firstAttribute(header, "version"));
        assertEquals(Optional.of("io.nativebundle.examples.math.MathLib"),
                ManifestHeader.firstAttribute(header, "interface"));
        assertEquals(Optional.empty(), ManifestHeader.firstAttribute(header, "system"));
        assertEquals(Optional.of("1.2.0"), ManifestHeader.firstAttribute("x ; version:Version=\"1.2.0\"", "version"));
        assertEquals(Optional.of("a;b,c"), ManifestHeader.firstAttribute("x;v=\"a;b,c\";w=1, y;v=2", "v"));
        assertEquals(Optional.empty(), ManifestHeader.firstAttribute("x;version:=1", "version"));
        assertEquals(Optional.empty(), ManifestHeader.firstAttribute(null, "version"));
        assertEquals(Optional.empty(), ManifestHeader.firstAttribute("x;version=\"1", "version"));
    }

    @Test
    public void symbolsReadAndWriteBothKinds() throws Exception {
        String header = "add;signature=\"(int,int)int\", greet;signature=\"(string)string\", counter;kind=variable;type=int";
        List<DeclaredSymbol> symbols = SymbolsHeader.parse(header);
        assertEquals(List.of(
                DeclaredSymbol.function("add", SignatureParser.parse("(int,int)int")),
                DeclaredSymbol.function("greet", SignatureParser.parse("(string)string")),
                DeclaredSymbol.variable("counter", TypeName.INT)), symbols);
        assertEquals(header, SymbolsHeader.format(symbols));
        assertEquals("(int,int)int", symbols.get(0).signature());
        assertEquals("int", symbols.get(2).signature());
        assertEquals(List.of("a", "b"), SymbolsHeader.parse("a;b;signature=\"()void\"").stream()
                .map(DeclaredSymbol::name).toList());
    }

    @Test
    public void symbolProblemsNameTheSymbol() {
        assertSymbols("add", "NativeBundle-Symbols: function 'add' has no signature; write add;signature=\"(int,int)int\"");
        assertSymbols("n;kind=variable", "NativeBundle-Symbols: variable 'n' has no type; write n;kind=variable;type=int");
        assertSymbols("n;kind=variable;type=int;signature=\"()int\"", "NativeBundle-Symbols: variable 'n' has a"
                + " signature; a variable has a type only, e.g. n;kind=variable;type=int");
        assertSymbols("n;kind=constant", "NativeBundle-Symbols: symbol 'n' has kind 'constant'; expected 'function'"
                + " (the default) or 'variable'");
        assertSymbols("add;signature=\"(int,complex)int\"", "NativeBundle-Symbols: function 'add': signature"
                + " '(int,complex)int', column 6: unknown parameter type 'complex'; expected one of "
                + TypeName.vocabulary());
        assertSymbols("s;kind=variable;type=string", "NativeBundle-Symbols: variable 's': type 'string', column 1:"
                + " a variable cannot be of type string; expected one of byte, short, int, long, float, double, pointer");
        assertSymbols("1add;signature=\"()int\"", "NativeBundle-Symbols: '1add' is not a C symbol name");
    }

    @Test
    public void digestsReadAndWrite() throws Exception {
        Map<String, String> digests = new LinkedHashMap<>();
        digests.put("native/linux/x86-64/libmath.so", "ab".repeat(32));
        digests.put("native/linux/aarch64/libmath.so", "cd".repeat(32));
        String header = DigestHeader.format(digests);
        assertEquals("native/linux/x86-64/libmath.so;sha256=" + "ab".repeat(32) + ", native/linux/aarch64/libmath.so;"
                + "sha256=" + "cd".repeat(32), header);
        assertEquals(digests, DigestHeader.parse(header));
        assertEquals(Map.of("a.so", "ab".repeat(32)), DigestHeader.parse("a.so;sha256=" + "AB".repeat(32)));
        assertTrue(assertThrows(MalformedHeaderException.class, () -> DigestHeader.parse("a.so;sha256=xyz"))
                .getMessage().contains("sha256 of 'a.so' must be 64 hex digits but is 'xyz'"));
        assertTrue(assertThrows(MalformedHeaderException.class, () -> DigestHeader.parse("a.so"))
                .getMessage().contains("entry 'a.so' has no sha256 attribute"));
    }

    @Test
    public void sha256OfBytesStreamAndFileAgree() throws Exception {
        byte[] content = "hello".getBytes(StandardCharsets.US_ASCII);
        String expected = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";
        assertEquals(expected, Sha256.of(content));
        Path file = temp.newFile().toPath();
        Files.write(file, content);
        assertEquals(expected, Sha256.of(file));
        assertTrue(Sha256.isDigest(expected.toUpperCase()));
        assertEquals(expected, Sha256.normalize(expected.toUpperCase()));
        for (String bad : new String[] {"", "xyz", expected + "0", " " + expected.substring(1), null}) {
            assertTrue(String.valueOf(bad), !Sha256.isDigest(bad));
        }
    }

    @Test
    public void theAbiRequirementRunsToTheNextMajor() {
        assertEquals("io.nativebundle.abi;filter:=\"(&(io.nativebundle.abi>=1.0.0)(!(io.nativebundle.abi>=2.0.0)))\"",
                Abi.requirement("1.0.0"));
        assertEquals("(&(io.nativebundle.abi>=2.3.0)(!(io.nativebundle.abi>=3.0.0)))", Abi.filter("2.3"));
        assertEquals("io.nativebundle.abi;io.nativebundle.abi:Version=1.0.0", Abi.capability("1"));
        assertTrue(Abi.accepts("1.4.0", "1.0.0"));
        assertTrue(!Abi.accepts("1.0.0", "1.4.0"));
        assertTrue(!Abi.accepts("2.0.0", "1.0.0"));
        assertThrows(IllegalArgumentException.class, () -> Abi.requirement("one"));
        assertEquals("io.nativebundle.library;io.nativebundle.library=math;version:Version=\"1.2.0\"",
                LibraryCapability.clause("math", OsgiVersion.parse("1.2").orElseThrow()));
    }

    @Test
    public void theAbiOfThisReleaseIsTheBuildsAbi() {
        String built = System.getProperty("nativebundle.abi.version");
        org.junit.Assume.assumeTrue("run by Maven, which passes nativebundle.abi.version", built != null);
        assertEquals("Abi.CURRENT and the parent pom's nativebundle.abi.version must agree", built, Abi.CURRENT);
    }

    @Test
    public void versionsAndRangesReadAsTheFrameworkReadsThem() {
        assertEquals("1.0.0", OsgiVersion.parse("1").orElseThrow().toString());
        assertEquals("1.2.3.beta-1", OsgiVersion.parse(" 1.2.3.beta-1 ").orElseThrow().toString());
        for (String bad : new String[] {"", "1.", "1.x", "-1", "1.2.3.a.b", "1.2.3.", "99999999999", "[1,2)"}) {
            assertTrue(bad, OsgiVersion.parse(bad).isEmpty());
        }
        assertTrue(OsgiVersion.parse("1.10").orElseThrow().compareTo(OsgiVersion.parse("1.9").orElseThrow()) > 0);
        assertEquals("[1.2.0,2.0.0)", OsgiVersionRange.parse("[1.2,2)").orElseThrow().toString());
        assertEquals("(1.0.0,2.0.0]", OsgiVersionRange.parse("(1,2]").orElseThrow().toString());
        assertTrue(OsgiVersionRange.parse("[1,1]").orElseThrow().includes(OsgiVersion.parse("1").orElseThrow()));
        assertTrue(OsgiVersionRange.parse("[1,1)").orElseThrow().isEmpty());
        assertTrue(OsgiVersionRange.parse("(1,1]").orElseThrow().isEmpty());
        for (String bad : new String[] {"[1.2,", "[1,2,3)", "[a,2)", "{1,2}", ""}) {
            assertTrue(bad, OsgiVersionRange.parse(bad).isEmpty());
        }
    }

    private static void assertSymbols(String header, String message) {
        MalformedHeaderException e = assertThrows(MalformedHeaderException.class, () -> SymbolsHeader.parse(header));
        assertTrue(e.getMessage(), e.getMessage().startsWith(message));
    }
}
