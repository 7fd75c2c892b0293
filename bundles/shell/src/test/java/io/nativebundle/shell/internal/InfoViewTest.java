package io.nativebundle.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Map;
import java.util.Optional;

import org.junit.Test;

import io.nativebundle.api.NativeBundleStatus;
import io.nativebundle.api.NativeHostStatus;
import io.nativebundle.api.NativeBundleStatus.State;
import io.nativebundle.api.NativeLibrary;
import io.nativebundle.api.RefusalReason;

public class InfoViewTest {

    private final BundleFacts facts = new BundleFacts("0.1.0.SNAPSHOT", "file:/plugins/math.jar", "ACTIVE");

    @Test
    public void anActiveLibraryShowsItsFilesDigestGenerationAndSymbols() {
        NativeBundleStatus status = Fakes.active(Fakes.math(12, "default"));
        String text = InfoView.text(status, LibraryRow.of(status, Map.of()), Optional.of(facts), Optional.of(true));
        assertTrue(text, text.startsWith("Library     math 1.2.0\nState       ACTIVE\n"));
        assertTrue(text, text.contains("\nBundle      12 io.nativebundle.examples.math 0.1.0.SNAPSHOT (ACTIVE)\n"));
        assertTrue(text, text.contains("\nLocation    file:/plugins/math.jar\n"));
        assertTrue(text, text.contains("\nEntry       native/linux/x86-64/libmath.so\n"));
        assertTrue(text, text.contains("\nFile        /var/cache/nb/bundle12/libmath.so\n"));
        assertTrue(text, text.contains("\nCache dir   /var/cache/nb/bundle12\n"));
        assertTrue(text, text.contains("\nSHA-256     " + Fakes.SHA + "\n"));
        assertTrue(text, text.contains("\nGeneration  3\n"));
        assertTrue(text, text.contains("\nMetrics     on\n"));
        assertTrue(text, text.contains("\nSYMBOL   KIND      SIGNATURE\nadd      function  (int,int)int\n"));
        assertFalse(text, text.contains("Reason"));
    }

    @Test
    public void anActiveLibraryShowsTheChecksItPassedAndItsDependencies() {
        NativeBundleStatus status = Fakes.active(Fakes.math(12, "default"));
        String text = InfoView.text(status, LibraryRow.of(status, Map.of()), Optional.of(facts), Optional.of(true));
        assertTrue(text, text.contains("\n\nDependencies\nlibfmt.so (bundle: native/linux/x86-64/libfmt.so)\n"
                + "libc.so.6 (system: /lib/x86_64-linux-gnu/libc.so.6)\n\n"));
        assertTrue(text, text.contains("\n\nChecks\n"
                + "PASS  digest   2 native file(s) of the clause match NativeBundle-Digest\n"
                + "PASS  machine  libmath.so x86-64 64-bit little-endian fit this JVM\n"
                + "PASS  symbols  3 declared symbol(s) exported: add, greet, counter\n\n"));
        // checks, then dependencies, then the symbols table
        assertTrue(text, text.indexOf("\nChecks\n") < text.indexOf("\nDependencies\n"));
        assertTrue(text, text.indexOf("\nDependencies\n") < text.indexOf("\nSYMBOL "));
    }

    @Test
    public void leasesExplainWhyCallsInFlightAreNotCounted() {
        NativeBundleStatus status = Fakes.active(Fakes.math(12, "default"));
        String text = InfoView.text(status, LibraryRow.of(status, Map.of()), Optional.of(facts), Optional.of(true));
        assertTrue(text, text.contains("\nLeases      " + InfoView.LEASES + "\n"));
        assertTrue(text, InfoView.LEASES.contains("not counted") && InfoView.LEASES.contains("no atomic counter"));
    }

    @Test
    public void leasesShowTheLingeringGenerationsOfTheRegistry() {
        String lingering = "1 earlier generation is still referenced by a call in flight or a leaked reference and"
                + " stays mapped until released: generation 2 (unloaded 40 ms ago)";
        NativeLibrary math = Fakes.math(12, "default");
        NativeBundleStatus status = new NativeBundleStatus(12, "io.nativebundle.examples.math", "math", State.ACTIVE,
                Optional.empty(), lingering, Optional.of(math));
        String text = InfoView.text(status, LibraryRow.of(status, Map.of()), Optional.of(facts), Optional.of(true));
        assertTrue(text, text.contains("\nLeases      " + InfoView.LEASES + "; " + lingering + "\n"));

        NativeBundleStatus unloaded = new NativeBundleStatus(12, "io.nativebundle.examples.math", "math",
                State.UNLOADED, Optional.empty(), "the bundle is RESOLVED; start it to load the library; " + lingering,
                Optional.empty());
        text = InfoView.text(unloaded, LibraryRow.of(unloaded, Map.of()), Optional.empty(), Optional.empty());
        assertTrue(text, text.contains("\nLeases   " + InfoView.LEASES + "; " + lingering));
        assertEquals(Optional.of(lingering), InfoView.lingering("the bundle is RESOLVED; " + lingering));
        assertEquals(Optional.empty(), InfoView.lingering("the bundle is RESOLVED; start it to load the library"));
    }

    @Test
    public void aRefusedLibraryHasNoLeasesOrChecks() {
        NativeBundleStatus status = Fakes.refused(14, "math", RefusalReason.SYMBOL_MISSING, "nosuch is not exported");
        String text = InfoView.text(status, LibraryRow.of(status, Map.of()), Optional.empty(), Optional.empty());
        assertFalse(text, text.contains("Leases"));
        assertFalse(text, text.contains("Checks"));
        assertFalse(text, text.contains("Dependencies"));
    }

    @Test
    public void aRefusedLibraryShowsItsReasonAndDetail() {
        NativeBundleStatus status = Fakes.refused(14, "math", RefusalReason.DIGEST_MISMATCH,
                "native/linux/x86-64/libmath.so: expected sha256 1cfb, found 0000");
        String text = InfoView.text(status, LibraryRow.of(status, Map.of()), Optional.empty(), Optional.empty());
        assertTrue(text, text.contains("\nState    REFUSED\nReason   DIGEST_MISMATCH\n"
                + "Detail   native/linux/x86-64/libmath.so: expected sha256 1cfb, found 0000\n"));
        assertFalse(text, text.contains("SHA-256"));
    }

    @Test
    public void anUnresolvedBundleSaysWhy() {
        NativeBundleStatus status = Fakes.unresolved(15, "greeter", "missing requirement osgi.native");
        String text = InfoView.text(status, LibraryRow.of(status, Map.of()), Optional.empty(), Optional.empty());
        assertTrue(text, text.contains("\nWhy      missing requirement osgi.native\n"));
    }

    @Test
    public void jsonHoldsTheSameFacts() {
        NativeBundleStatus status = Fakes.active(Fakes.math(12, "default"));
        String json = InfoView.json(status, LibraryRow.of(status, Map.of()), Optional.of(facts), Optional.of(false));
        assertTrue(json, json.contains("\"file\": \"/var/cache/nb/bundle12/libmath.so\""));
        assertTrue(json, json.contains("\"cacheDir\": \"/var/cache/nb/bundle12\""));
        assertTrue(json, json.contains("\"generation\": 3"));
        assertTrue(json, json.contains("\"backend\": \"jnr\""));
        assertTrue(json, json.contains("\"metrics\": false"));
        assertTrue(json, json.contains("\"location\": \"file:/plugins/math.jar\""));
        assertTrue(json, json.contains("\"name\": \"counter\""));
        assertTrue(json, json.contains("\"libc.so.6 (system: /lib/x86_64-linux-gnu/libc.so.6)\""));
        assertTrue(json, json.contains("\"check\": \"symbols\""));
        assertTrue(json, json.contains("\"passed\": true"));
        assertTrue(json, json.contains("\"inFlightCounted\": false"));
    }

    @Test
    public void aLibraryOutOfProcessShowsItsHostPidRestartsLastSignalAndLimits() {
        NativeBundleStatus status = Fakes.active(Fakes.isolated(21, Fakes.host(NativeHostStatus.State.RUNNING, 4711)));
        String text = InfoView.text(status, LibraryRow.of(status, Map.of()), Optional.of(facts), Optional.of(true));
        assertTrue(text, text.contains("\nBackend      host\n"));
        assertTrue(text, text.contains("\nIsolation    process\n"));
        assertTrue(text, text.contains("\nHost         RUNNING, pid 4711, 2 restarts, 3 crashes, 1 timeout\n"));
        assertTrue(text, text.contains("\nLast signal  SIGSEGV\n"));
        assertTrue(text, text.contains("\nLast crash   SIGSEGV (address 0x0) during the call of segv, pid 4700"));
        assertTrue(text, text.contains("\nLimits       timeout 2s, max-address-space 256m, max-cpu-time none, 4 threads\n"));
        String json = InfoView.json(status, LibraryRow.of(status, Map.of()), Optional.of(facts), Optional.of(true));
        assertTrue(json, json.contains("\"pid\": 4711"));
        assertTrue(json, json.contains("\"lastSignal\": \"SIGSEGV\""));
        assertTrue(json, json.contains("\"maxAddressSpace\": 268435456"));
    }

    @Test
    public void aLibraryInProcessSaysSoAndHasNoHostRows() {
        NativeBundleStatus status = Fakes.active(Fakes.math(12, "default"));
        String text = InfoView.text(status, LibraryRow.of(status, Map.of()), Optional.of(facts), Optional.of(true));
        assertTrue(text, text.contains("\nBackend     jnr\n"));
        assertTrue(text, text.contains("\nIsolation   in-process\n"));
        assertFalse(text, text.contains("Last signal"));
    }
}
