package io.nativebundle.binary.host;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;

import java.util.List;
import java.util.Optional;

import org.junit.Test;

import io.nativebundle.binary.GlibcVersion;
import io.nativebundle.binary.LibcFlavour;

/** io.nativebundle.libc and io.nativebundle.glibc.version: explicit overrides, never silent winners. */
public class LibcOverrideTest {

    private static final String LIBC = "io.nativebundle.libc";
    private static final String GLIBC = "io.nativebundle.glibc.version";
    private static final HostLibc DETECTED = new HostLibc(LibcFlavour.GLIBC, GlibcVersion.parse("2.36"),
            "detected from /proc/self/exe");

    @Test
    public void withoutSettingsTheDetectedLibcIsUsed() {
        LibcOverride o = LibcOverride.apply(DETECTED, LIBC, null, GLIBC, " ");
        assertSame(DETECTED, o.effective());
        assertEquals(List.of(), o.warnings());
    }

    @Test
    public void aSettingThatAgreesChangesNothingAndSaysNothing() {
        LibcOverride o = LibcOverride.apply(DETECTED, LIBC, "GLIBC", GLIBC, "2.36");
        assertSame(DETECTED, o.effective());
        assertEquals(List.of(), o.warnings());
    }

    @Test
    public void aDisagreeingFlavourWinsAndIsReported() {
        LibcOverride o = LibcOverride.apply(DETECTED, LIBC, "musl", GLIBC, null);
        assertEquals(LibcFlavour.MUSL, o.effective().flavour());
        assertEquals(Optional.empty(), o.effective().version());
        assertEquals("set by io.nativebundle.libc=musl", o.effective().source());
        assertEquals(List.of("io.nativebundle.libc=musl overrides the detected glibc 2.36 (detected from"
                + " /proc/self/exe); libraries are checked against musl"), o.warnings());
    }

    @Test
    public void aDisagreeingVersionWinsAndIsReported() {
        LibcOverride o = LibcOverride.apply(DETECTED, LIBC, null, GLIBC, "2.31");
        assertEquals(GlibcVersion.parse("2.31"), o.effective().version());
        assertEquals(List.of("io.nativebundle.glibc.version=2.31 overrides the detected glibc 2.36 (detected from"
                + " /proc/self/exe)"), o.warnings());
    }

    @Test
    public void badValuesAreIgnoredWithAWarning() {
        LibcOverride o = LibcOverride.apply(DETECTED, LIBC, "uclibc", GLIBC, "two");
        assertSame(DETECTED, o.effective());
        assertEquals(List.of("io.nativebundle.libc=uclibc is neither glibc nor musl; it is ignored and glibc 2.36"
                + " (detected from /proc/self/exe) is used",
                "io.nativebundle.glibc.version=two is not a glibc version like 2.31; it is ignored"), o.warnings());
    }

    @Test
    public void aVersionOnMuslIsNotAGlibcVersion() {
        HostLibc musl = new HostLibc(LibcFlavour.MUSL, Optional.empty(), "detected from /lib/ld-musl-x86_64.so.1");
        LibcOverride o = LibcOverride.apply(musl, LIBC, null, GLIBC, "2.31");
        assertSame(musl, o.effective());
        assertEquals(List.of(), o.warnings());
    }
}
