package io.nativebundle.itests.shell;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

import io.nativebundle.api.NativeBundleStatus;
import io.nativebundle.api.NativeLibrary;
import io.nativebundle.api.NativeLibraryRegistry;
import io.nativebundle.itests.AbstractIntegrationTest;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.itests.Platform;
import io.nativebundle.testsupport.Await;
import io.nativebundle.testsupport.BundleRewriter;
import io.nativebundle.testsupport.osgi.Gogo;
import io.nativebundle.testsupport.osgi.Services;

/** A copy of math whose library was changed after the digest was written shows as REFUSED, with its reason. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RefusedBundleShellTest extends AbstractIntegrationTest {

    private NativeLibrary math;
    private Bundle tampered;

    @Configuration
    public Option[] config() {
        return NativeBundleOptions.withShell();
    }

    @Before
    public void installTamperedCopy() throws Exception {
        math = Shell.ready(context);
        BundleRewriter rewriter = BundleRewriter.of(NativeBundleOptions.jar("math"));
        byte[] library = rewriter.entry(Platform.entry("math"));
        // one byte more after the section headers: still a well-formed ELF, but not the file the digest names
        byte[] bytes = rewriter.symbolicName("io.nativebundle.itests.tampered")
                .entry(Platform.entry("math"), Arrays.copyOf(library, library.length + 1)).toBytes();
        tampered = context.installBundle("test:tampered", new ByteArrayInputStream(bytes));
        tampered.start();
        awaitState(tampered.getBundleId(), NativeBundleStatus.State.REFUSED);
    }

    @After
    public void uninstall() throws Exception {
        tampered.uninstall();
    }

    @Test
    public void listShowsTheRefusedCopyWithItsReasonNextToTheActiveOne() throws Exception {
        String out = Gogo.run(context, "native:list");
        Map<String, String> row = TableOutput.row(out, "ID", String.valueOf(tampered.getBundleId()));
        assertEquals(out, "math", row.get("LIBRARY"));
        assertEquals(out, "REFUSED (DIGEST_MISMATCH)", row.get("STATE"));
        assertEquals(out, "1.2.0", row.get("VERSION"));
        assertEquals(out, "-", row.get("SHA256"));
        assertEquals(out, "ACTIVE", TableOutput.row(out, "ID", String.valueOf(math.bundleId())).get("STATE"));

        List<Map<String, Object>> json = JsonReader.arrayOfObjects(Gogo.run(context, "native:list --json"));
        Map<String, Object> refused = json.stream().filter(b -> b.get("id").equals(tampered.getBundleId()))
                .findFirst().orElseThrow();
        assertEquals("REFUSED", refused.get("state"));
        assertEquals("DIGEST_MISMATCH", refused.get("reason"));
        assertTrue(String.valueOf(refused.get("detail")).contains("libmath.so"));
    }

    @Test
    public void infoShowsTheReasonAndTheLoadersExplanation() throws Exception {
        // the table prints a multi-line detail on one line
        String detail = registry().status(tampered.getBundleId()).orElseThrow().detail().strip()
                .replaceAll("\\s*\\R\\s*", " ");
        String out = Gogo.run(context, "native:info " + tampered.getBundleId());
        assertTrue(out, out.contains("State     REFUSED\nReason    DIGEST_MISMATCH\nDetail    " + detail.strip()));
        assertTrue(out, out.contains("Bundle    " + tampered.getBundleId() + " io.nativebundle.itests.tampered"));
        assertTrue(out, out.contains("Location  test:tampered"));
    }

    @Test
    public void aNameThatFitsBothCopiesAsksForAnId() throws Exception {
        Exception e = assertThrows(Exception.class, () -> Gogo.run(context, "native:info math"));
        assertEquals("'math' names 2 native bundles: " + math.bundleId() + " math default/math/v1 ACTIVE, "
                + tampered.getBundleId() + " math REFUSED (DIGEST_MISMATCH); give the bundle id, e.g. native:info "
                + math.bundleId(), e.getMessage());
        // commands that need a loaded library still find the one that is loaded
        assertTrue(Gogo.run(context, "native:symbols math").contains("counter"));
    }

    private void awaitState(long bundleId, NativeBundleStatus.State state) throws Exception {
        NativeLibraryRegistry registry = registry();
        Await.until("bundle " + bundleId + " " + state, Duration.ofMillis(Services.TIMEOUT_MS),
                () -> registry.status(bundleId).map(s -> s.state() == state).orElse(false));
    }
}
