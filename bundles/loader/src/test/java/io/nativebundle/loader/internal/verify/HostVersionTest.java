package io.nativebundle.loader.internal.verify;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.Test;
import org.osgi.framework.Version;

import io.nativebundle.api.RefusalReason;
import io.nativebundle.contract.OsgiVersionRange;
import io.nativebundle.loader.internal.LoadRefusal;

public class HostVersionTest {

    private static final Path LIBZ = Path.of("/usr/lib/x86_64-linux-gnu/libz.so.1.2.13");

    @Test
    public void readsTheRealFileName() {
        HostVersion v = HostVersion.ofFileName(LIBZ).orElseThrow();
        assertEquals(new Version(1, 2, 13), v.version());
        assertEquals("from the real file name libz.so.1.2.13", v.source());
    }

    @Test
    public void aFileNameWithoutNumbersGivesNothing() {
        assertEquals(Optional.empty(), HostVersion.ofFileName(Path.of("/usr/lib/libfoo.so")));
    }

    @Test
    public void theSonameGivesTheMajorVersionOnly() {
        HostVersion v = HostVersion.ofSoname("libz.so.1").orElseThrow();
        assertEquals(new Version(1, 0, 0), v.version());
        assertEquals("from the SONAME libz.so.1", v.source());
        assertEquals(Optional.empty(), HostVersion.ofSoname("libfoo.so"));
    }

    @Test
    public void versionTextKeepsOnlyTheLeadingNumbers() {
        assertEquals(new Version(1, 3, 0), HostVersion.ofText("1.3.0.1-motley", "f()").orElseThrow().version());
        assertEquals(new Version(1, 2, 0), HostVersion.ofText("1.2", "f()").orElseThrow().version());
        assertEquals(Optional.empty(), HostVersion.ofText("unknown", "f()"));
        assertEquals(Optional.empty(), HostVersion.ofText(null, "f()"));
    }

    @Test
    public void aVersionInsideTheRangePasses() throws Exception {
        HostVersion v = new HostVersion(new Version(1, 2, 13), "zlibVersion() returned \"1.2.13\"");
        v.check(range("[1.2,2)"), "z", LIBZ);
        v.check(range("1.2"), "z", LIBZ);
        assertTrue(v.describe(range("[1.2,2)"), LIBZ),
                v.describe(range("[1.2,2)"), LIBZ).contains("inside [1.2.0,2.0.0)"));
    }

    @Test
    public void aVersionOutsideTheRangeIsAMismatchNamingRangeVersionAndSource() {
        HostVersion v = new HostVersion(new Version(1, 2, 13), "zlibVersion() returned \"1.2.13\"");
        LoadRefusal r = assertThrows(LoadRefusal.class, () -> v.check(range("[1.3,2)"), "z", LIBZ));
        assertEquals(RefusalReason.VERSION_MISMATCH, r.reason());
        assertEquals("library 'z' accepts host versions [1.3.0,2.0.0) (NativeBundle-Library version=), but " + LIBZ
                + " is version 1.2.13 (zlibVersion() returned \"1.2.13\"); install a fitting version of the library,"
                + " or widen the range", r.getMessage());
        // the ceiling is exclusive
        HostVersion two = new HostVersion(new Version(2, 0, 0), "from the SONAME libz.so.2");
        assertThrows(LoadRefusal.class, () -> two.check(range("[1.2,2)"), "z", LIBZ));
    }

    private static OsgiVersionRange range(String text) {
        return OsgiVersionRange.parse(text).orElseThrow();
    }
}
