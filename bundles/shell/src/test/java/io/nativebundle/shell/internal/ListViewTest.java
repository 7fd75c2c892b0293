package io.nativebundle.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    private static final RemoteRow EXPORTED_ADD = new RemoteRow("math", "exported", "NativeFunction add",
            Optional.of("tcp://127.0.0.1:9201"), "default", Optional.of(3L));
    private static final RemoteRow EXPORTED_OLD = new RemoteRow("math", "exported", "MathLib", Optional.empty(),
            "default", Optional.of(2L));
    private static final RemoteRow IMPORTED_DIV = new RemoteRow("c", "imported", "NativeFunction div",
            Optional.of("tcp://10.0.0.5:9201"), "default", Optional.empty());
    private static final RemoteRow IMPORTED_FREXP = new RemoteRow("c", "imported", "NativeFunction frexp",
            Optional.of("tcp://10.0.0.5:9202"), "acme", Optional.empty());

    @Test
    public void jsonMarksABundleExportedWithTheEndpointsOfItsLoadedGenerationOnly() {
        String json = ListView.json(List.of(math, refused), Map.of(12L, 3L), List.of(EXPORTED_OLD, EXPORTED_ADD));
        assertTrue(json, json.contains("\"host\": null,\n    \"remote\": \"exported\",\n    \"remoteServices\": [\n"
                + "      {\n        \"service\": \"NativeFunction add\",\n        \"endpoint\": \"tcp://127.0.0.1:9201\",\n"
                + "        \"tenant\": \"default\"\n      }\n    ]\n  },"));
        // generation 2's export is not this bundle's; the refused bundle has no loaded generation
        assertFalse(json, json.contains("MathLib"));
        assertTrue(json, json.endsWith("\"remote\": null,\n    \"remoteServices\": []\n  }\n]"));
    }

    @Test
    public void jsonListsEachImportedLibraryAfterTheBundlesWithEveryBundleMemberNull() {
        String json = ListView.json(List.of(math), Map.of(12L, 3L), List.of(IMPORTED_DIV, EXPORTED_ADD, IMPORTED_FREXP));
        assertTrue(json, json.endsWith(String.join("\n",
                "  {",
                "    \"id\": null,",
                "    \"symbolicName\": null,",
                "    \"library\": \"c\",",
                "    \"version\": null,",
                "    \"platform\": null,",
                "    \"state\": null,",
                "    \"reason\": null,",
                "    \"tenant\": null,",
                "    \"namespace\": null,",
                "    \"sha256\": null,",
                "    \"detail\": null,",
                "    \"isolation\": null,",
                "    \"host\": null,",
                "    \"remote\": \"imported\",",
                "    \"remoteServices\": [",
                "      {",
                "        \"service\": \"NativeFunction div\",",
                "        \"endpoint\": \"tcp://10.0.0.5:9201\",",
                "        \"tenant\": \"default\"",
                "      },",
                "      {",
                "        \"service\": \"NativeFunction frexp\",",
                "        \"endpoint\": \"tcp://10.0.0.5:9202\",",
                "        \"tenant\": \"acme\"",
                "      }",
                "    ]",
                "  }",
                "]")));
        // the members a bundle has, in its order, so that a consumer reading them finds each
        assertEquals(ListView.BUNDLE_MEMBERS, List.copyOf(ListView.object(math).keySet()));
    }

    @Test
    public void withoutRemoteServicesEachBundleIsMarkedNotRemote() {
        String json = ListView.json(List.of(math));
        assertTrue(json, json.startsWith("[\n  {\n    \"id\": 12,"));
        assertTrue(json, json.endsWith("\"host\": null,\n    \"remote\": null,\n    \"remoteServices\": []\n  }\n]"));
    }

    @Test
    public void theTableSectionShowsTheSameRowsAndAnExportNotYetExported() {
        assertEquals("", RemoteView.text(List.of()));
        assertEquals(String.join("\n",
                "Remote",
                "LIBRARY  REMOTE    SERVICE             ENDPOINT             TENANT",
                "math     exported  MathLib             not exported (yet)   default",
                "c        imported  NativeFunction div  tcp://10.0.0.5:9201  default"),
                RemoteView.text(List.of(EXPORTED_OLD, IMPORTED_DIV)));
    }
}
