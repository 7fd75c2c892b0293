package io.nativebundle.loader.internal.manifest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.Test;

import io.nativebundle.api.RefusalReason;
import io.nativebundle.loader.internal.LoadRefusal;

public class NativeCodeSelectorTest {

    /** What Felix's system bundle offers on linux/x86_64, aliases included. */
    private static final Map<String, Object> LINUX_X86_64 = Map.of(
            "osgi.native.osname", List.of("Linux"),
            "osgi.native.processor", List.of("x86-64", "amd64", "em64t", "x86_64"),
            "io.nativebundle.libc", "glibc");

    private static final String TWO_PLATFORMS = "native/linux/aarch64/libmath.so;osname=Linux;processor=aarch64,"
            + "native/linux/x86-64/libmath.so;osname=Linux;processor=x86-64";

    private final NativeCodeSelector selector = new NativeCodeSelector(LINUX_X86_64);

    @Test
    public void choosesTheClauseOfThisPlatform() throws Exception {
        NativeCodeSelection s = selector.select(TWO_PLATFORMS);
        assertEquals("linux-x86-64", s.platform());
        assertEquals("native/linux/x86-64/libmath.so", s.library());
    }

    @Test
    public void matchesAliasesCaseInsensitively() throws Exception {
        NativeCodeSelection s = selector.select("lib/libm.so;osname=linux;processor=AMD64");
        assertEquals("lib/libm.so", s.library());
    }

    @Test
    public void keepsDependenciesOfTheClauseInOrder() throws Exception {
        NativeCodeSelection s = selector.select("n/libgreeter.so;n/libfmt.so;osname=Linux;processor=x86-64");
        assertEquals(List.of("n/libgreeter.so", "n/libfmt.so"), s.entries());
    }

    @Test
    public void appliesTheSelectionFilter() throws Exception {
        NativeCodeSelection s = selector.select(
                "musl/libm.so;osname=Linux;processor=x86-64;selection-filter=\"(io.nativebundle.libc=musl)\","
                        + "glibc/libm.so;osname=Linux;processor=x86-64;selection-filter=\"(io.nativebundle.libc=glibc)\"");
        assertEquals("glibc/libm.so", s.library());
    }

    @Test
    public void refusesAForeignPlatformAndSaysWhatThisHostIs() {
        LoadRefusal r = assertThrows(LoadRefusal.class,
                () -> selector.select("native/linux/aarch64/libmath.so;osname=Linux;processor=aarch64"));
        assertEquals(RefusalReason.NO_NATIVE_CODE, r.reason());
        assertTrue(r.getMessage(), r.getMessage().contains("osname=Linux, processor=x86-64"));
        assertTrue(r.getMessage(), r.getMessage().contains("processor=aarch64"));
    }

    @Test
    public void refusesPathsThatLeaveTheBundle() {
        for (String path : List.of("../libevil.so", "native/../../x.so", "/lib/libc.so.6", "native\\x.so")) {
            LoadRefusal r = assertThrows(LoadRefusal.class,
                    () -> selector.select(path + ";osname=Linux;processor=x86-64"));
            assertEquals(path, RefusalReason.UNSAFE_PATH, r.reason());
        }
    }

    @Test
    public void refusesAMissingHeader() {
        LoadRefusal r = assertThrows(LoadRefusal.class, () -> selector.select(null));
        assertEquals(RefusalReason.NO_NATIVE_CODE, r.reason());
    }
}
