package io.nativebundle.wrap.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.Test;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

import io.nativebundle.wrap.DescriptorException;

/** Every refusal of the parser, each at its exact line and column. */
public class DescriptorParserTest {

    private static final Path FILE = Path.of("/plugins/libfoo.nativebundle");

    private static Descriptor parse(String... lines) throws DescriptorException {
        return DescriptorParser.parse(FILE, String.join("\n", lines));
    }

    private static DescriptorException refused(String... lines) {
        try {
            parse(lines);
        } catch (DescriptorException e) {
            return e;
        }
        throw new AssertionError("the descriptor was accepted:\n" + String.join("\n", lines));
    }

    private static void assertAt(int line, int column, String contains, DescriptorException e) {
        assertEquals(e.getMessage(), line, e.line());
        assertEquals(e.getMessage(), column, e.column());
        assertTrue(e.getMessage(), e.getMessage().startsWith("libfoo.nativebundle:" + line + ":" + column + ": "));
        assertTrue(e.getMessage(), e.reason().contains(contains));
    }

    @Test
    public void aFullDescriptorParses() throws Exception {
        Descriptor d = parse(
                "# libfoo.nativebundle",
                "library = foo                 # the library name",
                "version = \"1.2.0\"",
                "tenant = acme",
                "file = libfoo.so",
                "",
                "[symbols]",
                "add = (int,int)int",
                "greet = ( string )  string   # blanks are fine",
                "noop = ()void",
                "",
                "[variables]",
                "counter = int");
        assertEquals("foo", d.libraryName());
        assertEquals(new Version(1, 2, 0), d.bundleVersion());
        assertEquals("acme", d.tenant().get().value());
        assertEquals("libfoo.so", d.libraryFileName());
        assertFalse(d.isSystem());
        assertEquals(List.of("add(int,int)int", "greet(string)string", "noop()void", "counter:int"),
                d.symbols().stream().map(s -> s.symbol().toString()).collect(Collectors.toList()));
        assertEquals(new Position(8, 1), d.symbols().get(0).at());
        assertEquals(new Position(13, 1), d.symbols().get(3).at());
    }

    @Test
    public void theLibraryFileDefaultsToTheDescriptorsStem() throws Exception {
        assertEquals("libfoo.so", parse("library = foo", "version = 1").libraryFileName());
    }

    @Test
    public void aHostLibraryTakesARangeAVersionSymbolAndDigests() throws Exception {
        String a = "a".repeat(64);
        String b = "B".repeat(64);
        Descriptor d = parse("library = z", "system = libz.so.1", "version = [1.2,2)", "version-symbol = zlibVersion",
                "sha256 = " + a + ", " + b, "[symbols]", "crc32 = (long,buffer,int)long", "zlibVersion = ()string");
        assertTrue(d.isSystem());
        assertEquals(new VersionRange("[1.2,2)"), d.range());
        assertEquals(new Version(1, 2, 0), d.bundleVersion());
        assertEquals(List.of(a, b.toLowerCase()), d.sha256());
        assertEquals(new VersionRange("1.2"), parse("library = z", "system = libz.so.1", "version = 1.2").range());
    }

    @Test
    public void unknownParameterType() {
        assertAt(4, 12, "unknown parameter type 'integer'; expected one of void, byte",
                refused("library = foo", "version = 1.0.0", "[symbols]", "add = (int,integer)int"));
    }

    @Test
    public void unknownReturnType() {
        assertAt(4, 16, "unknown return type 'str'", refused("library = foo", "version = 1.0.0", "[symbols]",
                "add = (int,int)str"));
    }

    @Test
    public void unknownVariableType() {
        assertAt(4, 11, "unknown variable type 'integer'", refused("library = foo", "version = 1.0.0",
                "[variables]", "counter = integer"));
    }

    @Test
    public void aVariableOfAnUnsupportedType() {
        assertAt(2, 11, "a variable cannot be of type string", refused("[variables]", "counter = string"));
    }

    @Test
    public void signaturesThatDoNotParse() {
        assertAt(2, 7, "must start with '('", refused("[symbols]", "add = int,int)int"));
        assertAt(2, 12, "expected ',' or ')'", refused("[symbols]", "add = (int int)int"));
        assertAt(2, 16, "expected a return type after ')'", refused("[symbols]", "add = (int,int)"));
        assertAt(2, 12, "expected a parameter type but found ','", refused("[symbols]", "add = (int,,int)int"));
        assertAt(2, 19, "unexpected '(' after the return type", refused("[symbols]", "add = (int,int)int()"));
        assertAt(2, 8, "void is not a parameter type", refused("[symbols]", "add = (void)int"));
        assertAt(2, 15, "expected ',' or ')' after a parameter type but found the end", refused("[symbols]",
                "add = (int,int"));
    }

    @Test
    public void aQuotedSignatureCountsColumnsInsideTheQuotes() {
        assertAt(2, 13, "unknown parameter type 'nope'", refused("[symbols]", "add = \"(int,nope)int\""));
    }

    @Test
    public void unknownKey() {
        assertAt(3, 1, "unknown key 'licence'; expected one of library, version, tenant, file, system",
                refused("library = foo", "version = 1", "licence = MIT"));
    }

    @Test
    public void unknownSection() {
        assertAt(3, 2, "unknown section [functions]; expected [symbols], [variables], [timeouts], [structs] or [callbacks]",
                refused("library = foo", "version = 1", "[functions]"));
        assertAt(3, 4, "unknown section [x]", refused("library = foo", "version = 1", "[  x ]"));
    }

    @Test
    public void duplicates() {
        assertAt(3, 1, "duplicate key 'library'; it is already set on line 1",
                refused("library = foo", "version = 1", "library = bar"));
        assertAt(5, 1, "duplicate symbol 'add'; it is already declared on line 4",
                refused("library = foo", "version = 1", "[symbols]", "add = ()int", "add = ()void"));
        assertAt(6, 1, "duplicate symbol 'add'", refused("library = foo", "version = 1", "[symbols]", "add = ()int",
                "[variables]", "add = int"));
        assertAt(4, 2, "section [symbols] is already declared on line 3",
                refused("library = foo", "version = 1", "[symbols]", "[symbols]"));
    }

    @Test
    public void missingRequiredKeys() {
        assertAt(1, 1, "missing required key 'library'", refused("version = 1.0.0"));
        assertAt(1, 1, "missing required key 'version'", refused("# nothing", "library = foo"));
        assertAt(1, 1, "missing required key 'library'", refused(""));
    }

    @Test
    public void badVersions() {
        assertAt(2, 11, "version '1.x' is not an OSGi version", refused("library = foo", "version = 1.x"));
        assertAt(2, 11, "version '[1,2)' is not an OSGi version", refused("library = foo", "version = [1,2)"));
        assertAt(3, 11, "version range '[1.2,' does not parse", refused("library = z", "system = libz.so.1",
                "version = [1.2,"));
        assertAt(3, 11, "version range '[2,1.2)' is empty: no version can lie inside it", refused("library = z",
                "system = libz.so.1", "version = [2,1.2)"));
    }

    @Test
    public void invalidTenantIds() {
        assertAt(3, 10, "tenant id 'Acme' contains 'A' at position 1", refused("library = foo", "version = 1",
                "tenant = Acme"));
        assertAt(3, 10, "starts or ends with '-'", refused("library = foo", "version = 1", "tenant = acme-"));
    }

    @Test
    public void badLibraryNameAndFiles() {
        assertAt(1, 11, "library name 'foo bar' must be", refused("library = foo bar", "version = 1"));
        assertAt(1, 11, "library name 'stdc++' must be letters, digits, '_', '.' or '-'",
                refused("library = stdc++", "version = 1"));
        assertAt(3, 10, "'/usr/lib/libz.so.1' is a path; expected a file name without '/'", refused("library = z",
                "version = 1", "system = /usr/lib/libz.so.1"));
        assertAt(3, 8, "must be a plain file name", refused("library = foo", "version = 1", "file = ../libfoo.so"));
        assertAt(4, 1, "'file' and 'system' exclude each other", refused("library = foo", "version = 1",
                "system = libfoo.so.1", "file = libfoo.so"));
        assertAt(3, 1, "'version-symbol' applies only to a host library", refused("library = foo", "version = 1",
                "version-symbol = fooVersion"));
        assertAt(4, 76, "'nothex' is not a SHA-256 digest", refused("library = z", "version = 1",
                "system = libz.so.1", "sha256 = " + "a".repeat(64) + ", nothex"));
    }

    @Test
    public void lexicalErrors() {
        assertAt(1, 9, "expected '=' after the key 'library'", refused("library foo"));
        assertAt(1, 13, "expected a value after 'library ='", refused("library =   # none"));
        assertAt(1, 11, "has no closing '\"'", refused("library = \"foo"));
        assertAt(1, 17, "unexpected 'bar' after the quoted value", refused("library = \"foo\" bar"));
        assertAt(1, 1, "expected ']' to close the section header", refused("[symbols"));
        assertAt(1, 1, "expected a key before '='", refused("= foo"));
        assertAt(2, 1, "is not a C symbol name", refused("[symbols]", "1add = ()int"));
    }

    @Test
    public void windowsLineEndingsAndTabsAreFine() throws Exception {
        Descriptor d = DescriptorParser.parse(FILE, "library\t= foo\r\nversion = 1.0\r\n[symbols]\r\nadd = ()int\r\n");
        assertEquals("foo", d.libraryName());
        assertEquals(1, d.symbols().size());
    }

    @Test
    public void theExceptionNamesFileLineAndColumn() {
        DescriptorException e = refused("library = foo", "version = 1", "[symbols]", "add = (int,integer)int");
        assertEquals(FILE, e.file());
        assertEquals("libfoo.nativebundle:4:12: unknown parameter type 'integer'; expected one of void, byte, short,"
                + " int, long, float, double, boolean, pointer, string, buffer, ubyte, ushort, uint, ulong, size_t, ssize_t", e.getMessage());
        try {
            parse("library = foo", "version = 1", "tenant = ok-tenant");
        } catch (DescriptorException unexpected) {
            fail(unexpected.getMessage());
        }
    }

    @Test
    public void isolationKeysAndTimeoutsAreRefusedAtTheirPlace() {
        assertAt(3, 13, "isolation 'sandbox' is neither process or in-process",
                refused("library = foo", "version = 1.0.0", "isolation = sandbox"));
        assertAt(3, 11, "'2' is not a duration; expected a whole number of ms, s or m",
                refused("library = foo", "version = 1.0.0", "timeout = 2"));
        assertAt(3, 21, "'lots' is not a size", refused("library = foo", "version = 1.0.0", "max-address-space = lots"));
        assertAt(3, 16, "'1500ms' is not whole seconds",
                refused("library = foo", "version = 1.0.0", "max-cpu-time = 1500ms"));
        assertAt(6, 1, "'counter' has a timeout but is not a function under [symbols]",
                refused("library = foo", "version = 1.0.0", "[variables]", "counter = int", "[timeouts]",
                        "counter = 1s"));
        assertAt(6, 8, "'soon' is not a duration",
                refused("library = foo", "version = 1.0.0", "[symbols]", "spin = ()void", "[timeouts]", "spin = soon"));
    }
}
