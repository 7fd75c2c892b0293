package io.nativebundle.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

import io.nativebundle.api.NativeBundleStatus;
import io.nativebundle.api.RefusalReason;

public class LibrariesTest {

    private final NativeBundleStatus math = Fakes.active(Fakes.math(12, "default"));
    private final NativeBundleStatus refused = Fakes.refused(14, "math", RefusalReason.DIGEST_MISMATCH, "bad digest");
    private final NativeBundleStatus greeter = Fakes.unresolved(15, "greeter", "missing requirement osgi.native");

    @Test
    public void findsOneBundleByIdLibrarySymbolicNameOrNamespace() {
        Libraries libs = new Libraries(List.of(math, greeter));
        assertEquals(math, libs.one("12"));
        assertEquals(math, libs.one("math"));
        assertEquals(math, libs.one("io.nativebundle.examples.math"));
        assertEquals(math, libs.one("default/math/v1"));
        assertEquals(greeter, libs.one("greeter"));
    }

    @Test
    public void aNameOfSeveralBundlesListsThemAndAsksForAnId() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Libraries(List.of(math, refused)).one("math"));
        assertEquals("'math' names 2 native bundles: 12 math default/math/v1 ACTIVE, 14 math REFUSED (DIGEST_MISMATCH);"
                + " give the bundle id, e.g. native:info 12", e.getMessage());
    }

    @Test
    public void anUnknownNameOrIdListsTheNativeBundles() {
        Libraries libs = new Libraries(List.of(math));
        assertMessage(() -> libs.one("nosuch"), "no native bundle is named 'nosuch'; native bundles: 12 math");
        assertMessage(() -> libs.one("3"), "bundle 3 is not a native bundle; native bundles: 12 math");
        assertMessage(() -> new Libraries(List.of()).one("x"), "none is installed");
    }

    @Test
    public void activePrefersTheLoadedBundleOfAName() {
        Libraries libs = new Libraries(List.of(math, refused));
        assertEquals(12, libs.active("math").bundleId());
        assertEquals(12, libs.active("12").bundleId());
    }

    @Test
    public void activeSaysWhyANamedLibraryIsNotLoaded() {
        Libraries libs = new Libraries(List.of(math, refused, greeter));
        assertMessage(() -> libs.active("greeter"),
                "native library 'greeter' is not loaded: 15 greeter UNRESOLVED; see native:info 15");
        assertMessage(() -> libs.active("14"), "is not loaded: 14 math REFUSED (DIGEST_MISMATCH)");
        assertMessage(() -> libs.active("nosuch"), "no native library 'nosuch' is loaded; loaded: math");
        assertMessage(() -> new Libraries(List.of()).active("math"), "no library is loaded");
    }

    @Test
    public void activeRefusesToGuessBetweenTwoLoadedLibraries() {
        Libraries libs = new Libraries(List.of(math, Fakes.active(Fakes.math(20, "acme"))));
        assertMessage(() -> libs.active("math"), "'math' names 2 loaded libraries");
        assertEquals(20, libs.active("acme/math/v1").bundleId());
    }

    private static void assertMessage(org.junit.function.ThrowingRunnable r, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r);
        assertTrue("message was: " + e.getMessage(), e.getMessage().contains(expected));
    }
}
