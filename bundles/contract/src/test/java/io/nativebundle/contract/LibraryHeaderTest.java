package io.nativebundle.contract;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.Test;

/** NativeBundle-Library: every rule, and that one reading serves the build, the wrapper and the loader. */
public class LibraryHeaderTest {

    @Test
    public void readsABundledLibrary() throws Exception {
        LibraryDeclaration d = LibraryHeader.parse("math;version=1.2.0;interface=org.example.math.api.MathLib");
        assertEquals("math", d.name());
        assertEquals("1.2.0", d.version().toString());
        assertEquals("[1.2.0,1.2.0]", d.range().toString());
        assertEquals(Optional.of("org.example.math.api.MathLib"), d.interfaceName());
        assertFalse(d.isSystem());
    }

    @Test
    public void readsASystemLibraryWithRangeSymbolAndAllowList() throws Exception {
        LibraryDeclaration d = LibraryHeader.parse("z;system=libz.so.1;version=\"[1.2,2)\";version-symbol=zlibVersion;"
                + "sha256=\"" + "AB".repeat(32) + ", " + "cd".repeat(32) + "\"");
        assertEquals(Optional.of("libz.so.1"), d.system());
        assertEquals("1.2.0", d.version().toString());
        assertEquals("[1.2.0,2.0.0)", d.range().toString());
        assertEquals(Optional.of("zlibVersion"), d.versionSymbol());
        assertEquals(List.of("ab".repeat(32), "cd".repeat(32)), d.sha256());
    }

    @Test
    public void aPlainVersionOfASystemLibraryMeansAtLeast() throws Exception {
        LibraryDeclaration d = LibraryHeader.parse("z;system=libz.so.1;version=1.2");
        assertTrue(d.range().includes(OsgiVersion.parse("9").orElseThrow()));
        assertFalse(d.range().includes(OsgiVersion.parse("1.1.9").orElseThrow()));
        assertEquals("1.2.0", d.version().toString());
    }

    @Test
    public void thePlusDisagreementIsDecided() {
        // bnd used to accept '+', the loader refused it with MALFORMED_HEADER: now one rule refuses it everywhere
        MalformedHeaderException e = assertThrows(MalformedHeaderException.class,
                () -> LibraryHeader.parse("stdc++;version=1.0.0"));
        assertEquals("NativeBundle-Library: library name 'stdc++' must be letters, digits, '_', '.' or '-',"
                + " starting with a letter or digit", e.getMessage());
    }

    @Test
    public void everyProblemIsReportedAtOnce() {
        LibraryHeader.Result r = LibraryHeader.check(
                "z;system=/usr/lib/libz.so.1;version=\"[1.2,2)\";version-symbol=\"zlib Version\";sha256=beef");
        assertEquals(List.of(
                "NativeBundle-Library: system=/usr/lib/libz.so.1 of library 'z' is a path; expected a file name"
                        + " without '/', e.g. libz.so.1, which the loader looks up on the host's default library"
                        + " search path",
                "NativeBundle-Library: version-symbol 'zlib Version' of library 'z' is not a C identifier; expected"
                        + " the name of a function like zlibVersion",
                "NativeBundle-Library: sha256 'beef' of library 'z' is not a SHA-256; expected 64 hex digits,"
                        + " several separated by commas"), r.problems());
        assertEquals(Optional.empty(), r.declaration());
    }

    @Test
    public void versionRules() {
        assertProblem("math", "library 'math' has no version; write math;version=1.0.0");
        assertProblem("math;version=\"[1.2,2)\"", "version '[1.2,2)' of library 'math' is not an OSGi version;"
                + " expected major.minor.micro, e.g. 1.2.0 (a bundled library is one exact build)");
        assertProblem("math;version=one.two", "version 'one.two' of library 'math' is not an OSGi version");
        assertProblem("z;system=libz.so.1", "system library 'z' has no version; expected a range of the host"
                + " versions it accepts, e.g. version=\"[1.2,2)\"");
        assertProblem("z;system=libz.so.1;version=\"[1.2,two)\"", "version '[1.2,two)' of system library 'z' is"
                + " neither an OSGi version range like [1.2,2) nor a version like 1.2");
        assertProblem("z;system=libz.so.1;version=\"[2,1.2)\"", "version range '[2,1.2)' of system library 'z' is"
                + " empty: no version can lie inside it");
    }

    @Test
    public void clauseAndAttributeRules() {
        assertProblem("a;version=1, b;version=2", "expected exactly one library clause but found 2");
        assertProblem("a;b;version=1", "expected one library name but found 2: a;b");
        assertProblem("math;version=1;interface=org..Math", "interface 'org..Math' of library 'math' is not a fully"
                + " qualified Java class name");
        assertProblem("math;version=1;version-symbol=math_version", "version-symbol= applies to a system library"
                + " only; library 'math' has no system=");
        assertProblem("math;version=1;sha256=" + "a".repeat(64), "sha256= applies to a system library only");
        assertProblem("z;system=\"\";version=1.2", "system= of library 'z' is empty; expected the host library's"
                + " file name");
        assertProblem("z;system=libz.so.1;version=1;sha256=\"" + "a".repeat(64) + ",\"", "sha256 '' of library 'z'"
                + " is not a SHA-256");
        assertProblem("math;version=\"1.0", "unterminated quoted string at column 14");
    }

    @Test
    public void anUnknownAttributeIsAWarningNotAProblem() {
        // isolation= (issue 17) and export= (issue 20) were the example until they became known
        LibraryHeader.Result r = LibraryHeader.check("math;version=1.2.0;replicas=3");
        assertTrue(r.problems().isEmpty());
        assertEquals(List.of("NativeBundle-Library: unknown attribute 'replicas' of library 'math' is ignored"
                + " (known: version, interface, system, version-symbol, sha256, isolation, timeout, max-address-space,"
                + " max-cpu-time, export)"), r.warnings());
        assertTrue(r.declaration().isPresent());
    }

    @Test
    public void theCanonicalHeaderReadsBackToTheSameDeclaration() throws Exception {
        for (String header : List.of("math;version=1.2;interface=org.example.MathLib",
                "z;system=libz.so.1;version=\"[1.2,2)\";version-symbol=zlibVersion;sha256=\"" + "AB".repeat(32) + "\"",
                "z;system=libz.so.1;version=1.2")) {
            LibraryDeclaration d = LibraryHeader.parse(header);
            assertEquals(header, d, LibraryHeader.parse(d.toHeader()));
        }
        assertEquals("z;system=libz.so.1;version=\"[1.2.0,2.0.0)\"", LibraryDeclaration.system("z", "libz.so.1",
                OsgiVersionRange.parse("[1.2,2)").orElseThrow(), Optional.empty(), List.of()).toHeader());
        assertEquals("math;version=1.2.0", LibraryDeclaration.bundled("math",
                OsgiVersion.parse("1.2").orElseThrow(), Optional.empty()).toHeader());
    }

    @Test
    public void theFactoriesKeepTheRules() {
        assertThrows(IllegalArgumentException.class, () -> LibraryDeclaration.bundled("stdc++",
                OsgiVersion.parse("1").orElseThrow(), Optional.empty()));
        IllegalArgumentException path = assertThrows(IllegalArgumentException.class, () -> LibraryDeclaration.system(
                "z", "/lib/libz.so.1", OsgiVersionRange.parse("1").orElseThrow(), Optional.empty(), List.of()));
        assertTrue(path.getMessage(), path.getMessage().startsWith("system=/lib/libz.so.1 is a path"));
    }

    private static void assertProblem(String header, String expected) {
        LibraryHeader.Result r = LibraryHeader.check(header);
        assertTrue(header + " -> " + r.problems(), r.problems().stream()
                .anyMatch(p -> p.startsWith("NativeBundle-Library: ") && p.contains(expected)));
        assertEquals(Optional.empty(), r.declaration());
        MalformedHeaderException e = assertThrows(MalformedHeaderException.class, () -> LibraryHeader.parse(header));
        assertEquals(r.problems().get(0), e.getMessage());
    }
}
