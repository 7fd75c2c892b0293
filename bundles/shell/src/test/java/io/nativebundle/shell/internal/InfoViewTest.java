package io.nativebundle.shell.internal;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Map;
import java.util.Optional;

import org.junit.Test;

import io.nativebundle.api.NativeBundleStatus;
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
        assertTrue(json, json.contains("\"metrics\": false"));
        assertTrue(json, json.contains("\"location\": \"file:/plugins/math.jar\""));
        assertTrue(json, json.contains("\"name\": \"counter\""));
    }
}
