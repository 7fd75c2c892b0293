package io.nativebundle.binary;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.Test;

public class GlibcVersionTest {

    @Test
    public void parsesSymbolVersionsAndPlainNumbers() {
        assertEquals(Optional.of(new GlibcVersion(2, 34, 0)), GlibcVersion.parse("GLIBC_2.34"));
        assertEquals(Optional.of(new GlibcVersion(2, 2, 5)), GlibcVersion.parse("GLIBC_2.2.5"));
        assertEquals(Optional.of(new GlibcVersion(2, 17, 0)), GlibcVersion.parse("2.17"));
        assertEquals(Optional.of(new GlibcVersion(2, 3, 4)), GlibcVersion.parse(" 2.3.4 "));
    }

    @Test
    public void rejectsWhatIsNotAVersion() {
        for (String s : new String[] {"GLIBC_PRIVATE", "GLIBCXX_3.4.29", "CXXABI_1.3", "2", "2.", ".2", "2.x",
            "GLIBC_2.3.4.5", "-2.3", "", "99999999999.1", "GLIBC_", "glibc_2.3"}) {
            assertEquals(s, Optional.empty(), GlibcVersion.parse(s));
        }
        assertEquals(Optional.empty(), GlibcVersion.parse(null));
    }

    @Test
    public void ordersNumerically() {
        List<String> ascending = List.of("2.2.5", "2.3", "2.3.4", "2.4", "2.9", "2.10", "2.17", "2.34", "3.0");
        for (int i = 0; i + 1 < ascending.size(); i++) {
            GlibcVersion a = GlibcVersion.parse(ascending.get(i)).orElseThrow();
            GlibcVersion b = GlibcVersion.parse(ascending.get(i + 1)).orElseThrow();
            assertTrue(a + " < " + b, a.compareTo(b) < 0);
            assertTrue(b.compareTo(a) > 0);
        }
        assertEquals(0, new GlibcVersion(2, 34, 0).compareTo(GlibcVersion.parse("GLIBC_2.34").orElseThrow()));
    }

    @Test
    public void printsLikeGlibc() {
        assertEquals("2.34", new GlibcVersion(2, 34, 0).toString());
        assertEquals("2.2.5", new GlibcVersion(2, 2, 5).toString());
    }

    @Test(expected = IllegalArgumentException.class)
    public void refusesNegativeParts() {
        new GlibcVersion(2, -1, 0);
    }
}
