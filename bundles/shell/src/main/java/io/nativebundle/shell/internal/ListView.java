package io.nativebundle.shell.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.nativebundle.api.NativeBundleConstants;

/** The output of {@code native:list}: one line, or one JSON object, per native bundle; in JSON, imported libraries too. */
final class ListView {

    /** The members of {@link #object}, in order; an imported library's element has them all, null but its library. */
    static final List<String> BUNDLE_MEMBERS = List.of("id", "symbolicName", "library", "version", "platform", "state",
            "reason", "tenant", "namespace", "sha256", "detail", "isolation", "host");

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
        return json(rows, Map.of(), List.of());
    }

    /**
     * The bundles, each with what of it is exported, then one element per library only imported
     * here. A bundle's {@code remote} is {@code "exported"} while a service of its loaded generation
     * is, else null, and {@code remoteServices} lists those services ({@link RemoteRow#object()});
     * an import's element has every bundle member null but {@code library}, {@code remote}
     * {@code "imported"} and its {@code remoteServices}. The elements the list had before remote
     * services keep their members: consumers that do not know these see the same bundles.
     *
     * @param generations the loaded generation of each bundle, by bundle id
     */
    static String json(List<LibraryRow> rows, Map<Long, Long> generations, List<RemoteRow> remote) {
        List<Object> list = new ArrayList<>();
        for (LibraryRow r : rows) {
            Long generation = generations.get(r.id());
            List<Object> exported = remote.stream()
                    .filter(s -> s.exported() && s.library().equals(r.library()) && generation != null
                            && s.generation().equals(Optional.of(generation)))
                    .map(RemoteRow::object).collect(Collectors.toList());
            Map<String, Object> o = object(r);
            o.put("remote", exported.isEmpty() ? null : NativeBundleConstants.REMOTE_EXPORTED);
            o.put("remoteServices", exported);
            list.add(o);
        }
        Map<String, List<Object>> imported = new TreeMap<>();
        for (RemoteRow s : remote) {
            if (!s.exported()) {
                imported.computeIfAbsent(s.library(), l -> new ArrayList<>()).add(s.object());
            }
        }
        imported.forEach((library, services) -> {
            Map<String, Object> o = new LinkedHashMap<>();
            for (String member : BUNDLE_MEMBERS) {
                o.put(member, null);
            }
            o.put("library", library);
            o.put("remote", NativeBundleConstants.REMOTE_IMPORTED);
            o.put("remoteServices", services);
            list.add(o);
        });
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
