package io.nativebundle.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.Test;

import io.nativebundle.api.NativeHostStatus;
import io.nativebundle.api.RefusalReason;

public class ListViewTest {

    private final LibraryRow math = LibraryRow.of(Fakes.active(Fakes.math(12, "default")), Map.of());
    private final LibraryRow refused = LibraryRow.of(
            Fakes.refused(14, "math", RefusalReason.DIGEST_MISMATCH, "native/linux/x86-64/libmath.so: expected \"abc\""),
            Map.of("NativeBundle-Library", "math;version=1.2.0;interface=x.MathLib", "NativeBundle-Tenant", "acme"));

    @Test
    public void oneAlignedLinePerBundleWithTheShortDigestAndTheRefusalReason() {
        assertEquals(String.join("\n",
                "ID  LIBRARY  VERSION  PLATFORM      STATE                      TENANT   NAMESPACE        SHA256        ISOLATION   HOST",
                "12  math     1.2.0    linux-x86-64  ACTIVE                     default  default/math/v1  1cfb23575f97  in-process  -",
                "14  math     1.2.0    -             REFUSED (DIGEST_MISMATCH)  acme     -                -             -           -"),
                ListView.table(List.of(math, refused)));
    }

    @Test
    public void aHeaderThatDoesNotParseShowsNoVersion() {
        LibraryRow row = LibraryRow.of(Fakes.refused(15, "math", RefusalReason.MALFORMED_HEADER, "unterminated"),
                Map.of("NativeBundle-Library", "math;version=\"1.2.0"));
        assertEquals(java.util.Optional.empty(), row.version());
    }

    @Test
    public void anEmptyListSaysSo() {
        assertEquals("no native bundles", ListView.table(List.of()));
        assertEquals("[]", ListView.json(List.of()));
    }

    @Test
    public void jsonCarriesTheFullDigestTheReasonAndTheEscapedDetail() {
        String json = ListView.json(List.of(math, refused));
        assertTrue(json, json.startsWith("[\n  {\n    \"id\": 12,"));
        assertTrue(json, json.contains("\"sha256\": \"" + Fakes.SHA + "\""));
        assertTrue(json, json.contains("\"namespace\": \"default/math/v1\""));
        assertTrue(json, json.contains("\"state\": \"REFUSED\",\n    \"reason\": \"DIGEST_MISMATCH\""));
        assertTrue(json, json.contains("\"detail\": \"native/linux/x86-64/libmath.so: expected \\\"abc\\\"\""));
        assertTrue(json, json.contains("\"platform\": null"));
    }

    @Test
    public void theTenantOfABundleThatIsNotLoadedIsOnlyKnownWhenDeclared() {
        // the loader may take it from the plugin folder, which the registry does not report
        LibraryRow row = LibraryRow.of(Fakes.unresolved(3, "greeter", "why"), Map.of());
        assertTrue(row.tenant().isEmpty());
        assertTrue(row.version().isEmpty());
        assertEquals("UNRESOLVED", row.stateText());
    }

    @Test
    public void aLibraryOutOfProcessShowsItsHostsStateAndPid() {
        LibraryRow row = LibraryRow.of(Fakes.active(Fakes.isolated(21, Fakes.host(NativeHostStatus.State.RUNNING, 4711))),
                Map.of());
        String table = ListView.table(List.of(row));
        assertTrue(table, table.endsWith("  process    RUNNING pid 4711"));
        assertTrue(ListView.json(List.of(row)), ListView.json(List.of(row)).contains("\"host\": \"RUNNING pid 4711\""));
    }
}
