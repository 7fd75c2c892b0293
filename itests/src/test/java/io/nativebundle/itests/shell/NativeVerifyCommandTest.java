package io.nativebundle.itests.shell;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import io.nativebundle.api.NativeBundleVerifier;
import io.nativebundle.itests.AbstractIntegrationTest;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.itests.Platform;
import io.nativebundle.testsupport.BundleRewriter;
import io.nativebundle.testsupport.osgi.Gogo;
import io.nativebundle.testsupport.osgi.Services;

/** {@code native:verify} on jars that are not installed; it needs the loader's {@link NativeBundleVerifier}. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NativeVerifyCommandTest extends AbstractIntegrationTest {

    @Configuration
    public Option[] config() {
        return NativeBundleOptions.withShell();
    }

    @Test
    public void theMathJarPassesEveryCheck() throws Exception {
        ready();
        String path = NativeBundleOptions.jar("math").getAbsolutePath();
        Gogo.Outcome outcome = Gogo.execute(context, "native:verify " + path);
        assertNull(outcome.output(), outcome.failure());
        String[] lines = outcome.output().split("\n");
        assertTrue(outcome.output(), lines.length > 1);
        for (int i = 0; i < lines.length - 1; i++) {
            assertTrue(outcome.output(), lines[i].startsWith("PASS  "));
        }
        assertTrue(outcome.output(), lines[lines.length - 1].startsWith(path + " passed all "));

        Map<String, Object> json = JsonReader.object(Gogo.run(context, "native:verify --json file:" + path));
        assertEquals(Boolean.TRUE, json.get("passed"));
    }

    @Test
    public void aTamperedJarFailsWithDigestMismatchAndTheCommandFails() throws Exception {
        ready();
        BundleRewriter rewriter = BundleRewriter.of(NativeBundleOptions.jar("math"));
        byte[] library = rewriter.entry(Platform.entry("math"));
        File jar = rewriter.entry(Platform.entry("math"), Arrays.copyOf(library, library.length + 1))
                .write(NativeBundleOptions.rewritten());
        String url = jar.toURI().toString();

        Gogo.Outcome outcome = Gogo.execute(context, "native:verify " + url);
        assertTrue(outcome.failureMessage(), outcome.failureMessage().startsWith(url + " failed "));
        assertTrue(outcome.failureMessage(), outcome.failureMessage().contains("(DIGEST_MISMATCH)"));
        assertTrue(outcome.output(), Pattern.compile("^FAIL  \\S+\\s+DIGEST_MISMATCH: ", Pattern.MULTILINE)
                .matcher(outcome.output()).find());

        Gogo.Outcome json = Gogo.execute(context, "native:verify --json " + url);
        assertTrue(json.failureMessage(), json.failureMessage().contains("DIGEST_MISMATCH"));
        Map<String, Object> report = JsonReader.object(json.output());
        assertEquals(Boolean.FALSE, report.get("passed"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> checks = (List<Map<String, Object>>) report.get("checks");
        assertTrue(checks.toString(), checks.stream().anyMatch(c -> "DIGEST_MISMATCH".equals(c.get("reason"))));
    }

    @Test
    public void aMissingFileIsNamed() throws Exception {
        ready();
        Gogo.Outcome outcome = Gogo.execute(context, "native:verify /nosuch/math.jar");
        assertEquals("no such file: /nosuch/math.jar", outcome.failureMessage());
        assertFalse(outcome.output().contains("PASS"));
    }

    private void ready() throws InterruptedException {
        Services.await(context, Object.class, Shell.NATIVE_SCOPE);
        Services.await(context, NativeBundleVerifier.class, null);
    }
}
