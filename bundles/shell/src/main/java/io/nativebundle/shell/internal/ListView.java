package io.nativebundle.shell.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The output of {@code native:list}: one line, or one JSON object, per native bundle. */
final class ListView {

    private ListView() {
    }

    static String table(List<LibraryRow> rows) {
        if (rows.isEmpty()) {
            return "no native bundles";
        }
        Table table = Table.withHeaders("ID", "LIBRARY", "VERSION", "PLATFORM", "STATE", "TENANT", "NAMESPACE", "SHA256",
                "ISOLATION", "HOST").alignRight(0);
        for (LibraryRow r : rows) {
            table.row(r.id(), r.library(), r.version().orElse(null), r.platform().orElse(null), r.stateText(),
                    r.tenant().orElse(null), r.namespace().orElse(null), r.shortDigest().orElse(null),
                    r.isolation().orElse(null), r.host().orElse(null));
        }
        return table.toString();
    }

    static String json(List<LibraryRow> rows) {
        List<Object> list = new ArrayList<>();
        for (LibraryRow r : rows) {
            list.add(object(r));
        }
        return Json.pretty(list);
    }

    /** The members every JSON view of a bundle shares. */
    static Map<String, Object> object(LibraryRow r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", r.id());
        o.put("symbolicName", r.symbolicName());
        o.put("library", r.library());
        o.put("version", r.version());
        o.put("platform", r.platform());
        o.put("state", r.state());
        o.put("reason", r.reason());
        o.put("tenant", r.tenant());
        o.put("namespace", r.namespace());
        o.put("sha256", r.sha256());
        o.put("detail", r.detail().isEmpty() ? null : r.detail());
        o.put("isolation", r.isolation());
        o.put("host", r.host());
        return o;
    }
}
