package io.nativebundle.itests.shell;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import io.nativebundle.api.NativeLibrary;
import io.nativebundle.itests.AbstractIntegrationTest;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.itests.Platform;
import io.nativebundle.testsupport.osgi.Gogo;

/** {@code native:list}, {@code native:info} and {@code native:symbols} on the loaded math example. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NativeListInfoSymbolsTest extends AbstractIntegrationTest {

    @Configuration
    public Option[] config() {
        return NativeBundleOptions.withShell();
    }

    @Test
    public void listShowsMathActiveWithItsNamespaceAndShortDigest() throws Exception {
        NativeLibrary math = Shell.ready(context);
        String out = Gogo.run(context, "native:list");
        Map<String, String> row = TableOutput.row(out, "LIBRARY", "math");
        assertEquals(out, String.valueOf(math.bundleId()), row.get("ID"));
        assertEquals(out, "1.2.0", row.get("VERSION"));
        assertEquals(out, Platform.name(), row.get("PLATFORM"));
        assertEquals(out, "ACTIVE", row.get("STATE"));
        assertEquals(out, "default", row.get("TENANT"));
        assertEquals(out, "default/math/v1", row.get("NAMESPACE"));
        assertEquals(out, math.sha256().substring(0, 12), row.get("SHA256"));
    }

    @Test
    public void listJsonParsesAndCarriesTheFullDigest() throws Exception {
        NativeLibrary math = Shell.ready(context);
        List<Map<String, Object>> bundles = JsonReader.arrayOfObjects(Gogo.run(context, "native:list --json"));
        Map<String, Object> row = bundles.stream().filter(b -> "math".equals(b.get("library"))).findFirst()
                .orElseThrow(() -> new AssertionError("no math in " + bundles));
        assertEquals(math.bundleId(), row.get("id"));
        assertEquals("ACTIVE", row.get("state"));
        assertEquals(null, row.get("reason"));
        assertEquals("default/math/v1", row.get("namespace"));
        assertEquals(math.sha256(), row.get("sha256"));
    }

    @Test
    public void listFiltersByTenant() throws Exception {
        Shell.ready(context);
        assertTrue(Gogo.run(context, "native:list --tenant default").contains("default/math/v1"));
        assertEquals("no native bundles", Gogo.run(context, "native:list --tenant nosuch"));
    }

    @Test
    public void infoShowsTheCachedFileItsFolderTheEntryAndTheDigest() throws Exception {
        NativeLibrary math = Shell.ready(context);
        for (String name : List.of("math", String.valueOf(math.bundleId()), "default/math/v1")) {
            String out = Gogo.run(context, "native:info " + name);
            assertTrue(out, out.contains("State       ACTIVE"));
            assertTrue(out, out.contains("File        " + math.file()));
            assertTrue(out, out.contains("Cache dir   " + math.file().toAbsolutePath().getParent()));
            assertTrue(out, out.contains("Entry       " + Platform.entry("math")));
            assertTrue(out, out.contains("SHA-256     " + math.sha256()));
            assertTrue(out, out.contains("Generation  " + math.generation()));
            assertTrue(out, out.contains("Namespace   default/math/v1"));
            // the checks the loader passed before dlopen, and where each DT_NEEDED library was found
            assertTrue(out, out.matches("(?s).*\\nPASS  digest +\\S.*"));
            assertTrue(out, out.matches("(?s).*\\nPASS  symbols +\\S.*"));
            assertTrue(out, out.matches("(?s).*\\nDependencies\\n(.*\\n)*libc\\.so\\.6 \\(system: /\\S*libc\\.so\\.6\\).*"));
        }
        Map<String, Object> json = JsonReader.object(Gogo.run(context, "native:info --json math"));
        assertEquals(math.file().toString(), json.get("file"));
        assertEquals(math.sha256(), json.get("sha256"));
        assertEquals(math.generation(), json.get("generation"));
    }

    @Test
    public void infoOfAnUnknownNameFailsAndListsTheNativeBundles() throws Exception {
        NativeLibrary math = Shell.ready(context);
        Exception e = assertThrows(Exception.class, () -> Gogo.run(context, "native:info nosuch"));
        assertEquals("no native bundle is named 'nosuch'; native bundles: " + math.bundleId()
                + " math default/math/v1 ACTIVE", e.getMessage());
    }

    @Test
    public void symbolsListsFunctionsWithSignaturesAndTheVariable() throws Exception {
        Shell.ready(context);
        String out = Gogo.run(context, "native:symbols math");
        assertEquals(out, "function", TableOutput.row(out, "SYMBOL", "add").get("KIND"));
        assertEquals(out, "(int,int)int", TableOutput.row(out, "SYMBOL", "add").get("SIGNATURE"));
        assertEquals(out, "(string)string", TableOutput.row(out, "SYMBOL", "greet").get("SIGNATURE"));
        assertEquals(out, "variable", TableOutput.row(out, "SYMBOL", "counter").get("KIND"));
        assertEquals(out, "int", TableOutput.row(out, "SYMBOL", "counter").get("SIGNATURE"));
        assertTrue(out, out.matches("(?s).*\\badd\\s+function\\s+\\(int,int\\)int\\b.*"));

        Map<String, Object> json = JsonReader.object(Gogo.run(context, "native:symbols --json math"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> symbols = (List<Map<String, Object>>) json.get("symbols");
        Map<String, Object> add = symbols.stream().filter(s -> "add".equals(s.get("name"))).findFirst().orElseThrow();
        assertEquals(List.of("int", "int"), add.get("parameters"));
        assertEquals("int", add.get("returns"));
    }
}
