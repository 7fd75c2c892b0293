package io.nativebundle.contract;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.util.List;

import org.junit.Test;

/** The lock file's grammar: what {@code native:lock} writes and the loader reads, and each error at its line. */
public class LockFileTest {

    private static final String A = "1cfb23575f975318a8092f98f7038dd886dfea1a5b39abd686bbfdb1646a2cd1";
    private static final String B = "7e2a72b4c4b38c61e6962de6e3f4a5e9ae692e732c68deead10a7ce2135a7f68";

    @Test
    public void linesCommentsAndBlankLinesAreRead() {
        List<LockFile.Line> lines = LockFile.parse(String.join("\r\n",
                LockFile.HEADER,
                "",
                "acme math 1.2.0 native/linux/x86-64/libmath.so sha256:" + A + "   # pinned on release day",
                "   default\tz 1.2.13   libz.so.1 sha256:" + B.toUpperCase(),
                "# the end"), "etc/nativebundle.lock");
        assertEquals(List.of(new LockFile.Line("acme", "math", "1.2.0", "native/linux/x86-64/libmath.so", A),
                new LockFile.Line("default", "z", "1.2.13", "libz.so.1", B)), lines);
        assertEquals("a digest is kept in lower case", B, lines.get(1).sha256());
    }

    @Test
    public void whatFormatWritesParsesBackSortedAndOnce() {
        LockFile.Line spaced = new LockFile.Line("globex", "math", "1.3.0", "native/my libs/lib 100%.so", A);
        LockFile.Line z = new LockFile.Line("default", "z", "1.2.13", "libz.so.1", B);
        LockFile.Line math = new LockFile.Line("acme", "math", "1.2.0", "native/linux/x86-64/libmath.so", A);
        String text = LockFile.format(List.of(spaced, z, math, z));
        assertEquals(LockFile.HEADER + "\n"
                + "acme math 1.2.0 native/linux/x86-64/libmath.so sha256:" + A + "\n"
                + "default z 1.2.13 libz.so.1 sha256:" + B + "\n"
                + "globex math 1.3.0 native/my%20libs/lib%20100%25.so sha256:" + A + "\n", text);
        assertEquals(List.of(math, z, spaced), LockFile.parse(text, "x.lock"));
        // a name that looks escaped already survives the round trip
        LockFile.Line literal = new LockFile.Line("acme", "odd", "1", "lib%20x%25.so", A);
        assertEquals(List.of(literal), LockFile.parse(LockFile.format(List.of(literal)), "x.lock"));
    }

    @Test
    public void aLineThatDoesNotParseIsNamedByFileAndLine() {
        String good = "acme math 1.2.0 libmath.so sha256:" + A;
        assertProblem("etc/nativebundle.lock:3: expected <tenant> <library> <version> <file> sha256:<digest>, found"
                + " 'acme math 1.2.0 sha256:" + A + "'", good, "", "acme math 1.2.0 sha256:" + A);
        assertProblem("etc/nativebundle.lock:2: expected <tenant> <library> <version> <file> sha256:<digest>, found"
                + " 'acme math 1.2.0 libmath.so " + A + "'", good, "acme math 1.2.0 libmath.so " + A);
        assertProblem("etc/nativebundle.lock:2: expected <tenant> <library> <version> <file> sha256:<digest>, found"
                + " 'acme math 1.2.0 lib math.so sha256:" + A + "'", good, "acme math 1.2.0 lib math.so sha256:" + A);
        assertProblem("etc/nativebundle.lock:1: 'abc' is not a SHA-256 digest (64 hex digits)",
                "acme math 1.2.0 libmath.so sha256:abc");
        assertProblem("etc/nativebundle.lock:2: tenant id 'Acme' contains 'A' at position 1; only lowercase letters"
                + " a-z, digits 0-9 and '-' are allowed", "# header", "Acme math 1.2.0 libmath.so sha256:" + A);
    }

    @Test
    public void aLineNeedsEveryPartAndADigest() {
        try {
            new LockFile.Line("acme", "math", "1.2.0", "libmath.so", "sha256:" + A);
            fail("a digest with its prefix was taken as a digest");
        } catch (IllegalArgumentException e) {
            assertEquals("'sha256:" + A + "' is not a SHA-256 digest (64 hex digits)", e.getMessage());
        }
        try {
            new LockFile.Line("acme", null, "1.2.0", "libmath.so", A);
            fail("a line without a library");
        } catch (NullPointerException e) {
            assertEquals("library", e.getMessage());
        }
    }

    private static void assertProblem(String expected, String... lines) {
        try {
            LockFile.parse(String.join("\n", lines), "etc/nativebundle.lock");
            fail("parsed: " + String.join(" | ", lines));
        } catch (IllegalArgumentException e) {
            assertEquals(expected, e.getMessage());
        }
    }
}
