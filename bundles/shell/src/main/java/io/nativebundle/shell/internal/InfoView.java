package io.nativebundle.shell.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.nativebundle.api.NativeBundleStatus;
import io.nativebundle.api.NativeBundleStatus.State;
import io.nativebundle.api.NativeLibrary;

/**
 * The output of {@code native:info}: everything known about one native bundle, as aligned
 * {@code key  value} lines or one JSON object.
 */
final class InfoView {

    private InfoView() {
    }

    /**
     * @param metrics whether metrics are on for the library; empty when nobody collects metrics
     */
    static String text(NativeBundleStatus status, LibraryRow row, Optional<BundleFacts> bundle,
            Optional<Boolean> metrics) {
        Table t = Table.withoutHeaders(2);
        t.row("Library", row.library() + row.version().map(v -> " " + v).orElse(""));
        t.row("State", status.state());
        status.reason().ifPresent(r -> t.row("Reason", r));
        if (!status.detail().isEmpty()) {
            t.row(detailLabel(status.state()), status.detail());
        }
        t.row("Bundle", status.bundleId() + " " + status.symbolicName()
                + bundle.map(b -> " " + b.version() + " (" + b.state() + ")").orElse(""));
        bundle.ifPresent(b -> t.row("Location", b.location()));
        t.row("Tenant", row.tenant().orElse(null));
        status.loaded().ifPresent(l -> loaded(t, l, metrics));
        String text = t.toString();
        if (status.loaded().isPresent() && !status.loaded().get().symbols().isEmpty()) {
            text += "\n\n" + SymbolsView.table(status.loaded().get());
        }
        return text;
    }

    static String json(NativeBundleStatus status, LibraryRow row, Optional<BundleFacts> bundle,
            Optional<Boolean> metrics) {
        Map<String, Object> o = ListView.object(row);
        o.put("bundle", bundle.map(b -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("version", b.version());
            m.put("location", b.location());
            m.put("state", b.state());
            return m;
        }));
        Optional<NativeLibrary> loaded = status.loaded();
        o.put("entry", loaded.map(NativeLibrary::entry));
        o.put("file", loaded.map(l -> l.file().toString()));
        o.put("cacheDir", loaded.map(l -> cacheDir(l.file())));
        o.put("generation", loaded.map(NativeLibrary::generation));
        o.put("metrics", metrics);
        o.put("symbols", loaded.map(SymbolsView::symbols));
        return Json.pretty(o);
    }

    private static void loaded(Table t, NativeLibrary l, Optional<Boolean> metrics) {
        t.row("Namespace", l.namespace());
        t.row("Platform", l.platform());
        t.row("Entry", l.entry());
        t.row("File", l.file());
        t.row("Cache dir", cacheDir(l.file()));
        t.row("SHA-256", l.sha256());
        t.row("Generation", l.generation());
        t.row("Metrics", metrics.map(on -> on ? "on" : "off (native:stats --on " + l.name() + ")")
                .orElse("not collected by this runtime"));
        t.row("Symbols", l.symbols().size());
    }

    private static String detailLabel(State state) {
        switch (state) {
            case UNRESOLVED: return "Why";
            case REFUSED: return "Detail";
            default: return "Note";
        }
    }

    private static String cacheDir(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? null : parent.toString();
    }
}
