package io.nativebundle.shell.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nativebundle.api.NativeBundleStatus;
import io.nativebundle.api.NativeBundleStatus.State;
import io.nativebundle.api.NativeLibrary;

/**
 * The output of {@code native:info}: everything known about one native bundle, as aligned
 * {@code key  value} lines or one JSON object.
 */
final class InfoView {

    /**
     * Why {@code native:info} shows no count of calls in flight: there is none to show. A call's
     * lease is the reference on its own stack; counting it would put an atomic counter on the
     * fast path of every call.
     */
    static final String LEASES = "in-flight calls are not counted: a call's lease is its stack reference"
            + " (no atomic counter on the fast path); an unloaded generation stays mapped until nothing references it";

    /** The registry appends this to the status detail, after {@code "; "} when there is a detail before it. */
    private static final Pattern LINGERING = Pattern.compile("\\d+ earlier generations? (is|are) still referenced.*$");

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
        Optional<String> lingering = lingering(status.detail());
        if (status.loaded().isPresent() || lingering.isPresent()) {
            t.row("Leases", LEASES + lingering.map(l -> "; " + l).orElse(""));
        }
        String text = t.toString();
        if (status.loaded().isPresent() && !status.loaded().get().checks().isEmpty()) {
            text += "\n\nChecks\n" + VerifyView.table(status.loaded().get().checks());
        }
        if (status.loaded().isPresent()) {
            // a block, like Checks: one dependency a line, and the key column keeps its width
            List<String> dependencies = status.loaded().get().dependencies();
            text += "\n\nDependencies\n" + (dependencies.isEmpty() ? "none: the library needs no other library"
                    : String.join("\n", dependencies));
        }
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
        o.put("file", loaded.map(l -> shownFile(l.file())));
        o.put("cacheDir", loaded.map(l -> cacheDir(l.file())));
        o.put("generation", loaded.map(NativeLibrary::generation));
        o.put("backend", loaded.map(NativeLibrary::backend));
        o.put("hostProcess", loaded.flatMap(NativeLibrary::host).map(HostView::json));
        o.put("metrics", metrics);
        o.put("symbols", loaded.map(SymbolsView::symbols));
        o.put("dependencies", loaded.map(NativeLibrary::dependencies));
        o.put("checks", loaded.map(l -> VerifyView.checks(l.checks())));
        Optional<String> lingering = lingering(status.detail());
        if (loaded.isPresent() || lingering.isPresent()) {
            Map<String, Object> leases = new LinkedHashMap<>();
            leases.put("inFlightCounted", false);
            leases.put("design", LEASES);
            leases.put("lingering", lingering);
            o.put("leases", leases);
        } else {
            o.put("leases", Optional.empty());
        }
        return Json.pretty(o);
    }

    /**
     * The registry's note on earlier generations of the bundle that are unloaded but still
     * mapped, e.g. {@code 1 earlier generation is still referenced by a call in flight ...: generation 2 (unloaded 40 ms ago)},
     * when the status detail carries one.
     */
    static Optional<String> lingering(String detail) {
        Matcher m = LINGERING.matcher(detail);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    private static void loaded(Table t, NativeLibrary l, Optional<Boolean> metrics) {
        t.row("Namespace", l.namespace());
        t.row("Platform", l.platform());
        t.row("Entry", l.entry());
        t.row("File", shownFile(l.file()));
        t.row("Cache dir", cacheDir(l.file()));
        t.row("SHA-256", l.sha256());
        t.row("Generation", l.generation());
        t.row("Backend", l.backend());
        t.row("Isolation", l.isolation());
        l.host().ifPresent(h -> HostView.rows(t, h));
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

    /** The file, or for a host library the link in its generation folder and the host file it names. */
    private static String shownFile(Path file) {
        try {
            return Files.isSymbolicLink(file) ? file + " -> " + Files.readSymbolicLink(file) : file.toString();
        } catch (IOException e) {
            return file.toString();
        }
    }

    private static String cacheDir(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? null : parent.toString();
    }
}
