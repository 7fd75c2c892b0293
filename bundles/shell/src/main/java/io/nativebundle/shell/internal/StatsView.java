package io.nativebundle.shell.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.nativebundle.api.RemoteStats;
import io.nativebundle.api.SymbolStats;

/**
 * The output of {@code native:stats}: calls, errors and latency per symbol, grouped by library,
 * then the symbols whose callbacks went wrong.
 */
final class StatsView {

    /** The statistics of one library and whether they are being collected. */
    record LibraryStats(String library, boolean enabled, List<SymbolStats> symbols) {
    }

    private StatsView() {
    }

    static String table(List<LibraryStats> libraries) {
        if (libraries.isEmpty()) {
            return "no library is loaded";
        }
        Table table = Table.withHeaders("LIBRARY", "SYMBOL", "CALLS", "ERRORS", "MEAN", "P50", "P99")
                .alignRight(2, 3, 4, 5, 6);
        for (LibraryStats l : libraries) {
            for (SymbolStats s : l.symbols()) {
                boolean timed = s.calls() > 0;
                table.row(l.library(), s.symbol(), s.calls(), s.errors(),
                        timed ? Durations.format(s.meanNanos()) : null,
                        timed ? Durations.format(s.p50Nanos()) : null,
                        timed ? Durations.format(s.p99Nanos()) : null);
            }
        }
        StringBuilder sb = new StringBuilder(table.isEmpty() ? "no symbol has statistics" : table.toString());
        String callbacks = callbackErrors(libraries);
        if (!callbacks.isEmpty()) {
            sb.append("\n\n").append(callbacks);
        }
        List<String> off = libraries.stream().filter(l -> !l.enabled()).map(LibraryStats::library)
                .distinct().collect(Collectors.toList());
        if (!off.isEmpty()) {
            sb.append("\n\nmetrics are off for ").append(String.join(", ", off))
                    .append("; switch them on with native:stats --on <library>");
        }
        return sb.toString();
    }

    /**
     * The {@code Callback errors} part: the symbols whose callbacks threw or whose upcalls were
     * refused (the callback's bundle stopped: stale; the generation unloading: refused); empty
     * when there are none, which is the usual case.
     */
    static String callbackErrors(List<LibraryStats> libraries) {
        Table table = Table.withHeaders("LIBRARY", "SYMBOL", "EXCEPTIONS", "STALE", "REFUSED").alignRight(2, 3, 4);
        for (LibraryStats l : libraries) {
            for (SymbolStats s : l.symbols()) {
                if (s.callbackErrors() > 0) {
                    table.row(l.library(), s.symbol(), s.callbackExceptions(), s.staleCallbacks(), s.refusedCallbacks());
                }
            }
        }
        return table.isEmpty() ? "" : "Callback errors\n" + table;
    }

    /** The {@code Remote calls} section: the calls through each import, with the latency the caller saw. */
    static String remote(List<RemoteStats> imports) {
        Table table = Table.withHeaders("LIBRARY", "ENDPOINT", "CALLS", "ERRORS", "MEAN", "P50", "P99")
                .alignRight(2, 3, 4, 5, 6);
        for (RemoteStats r : imports) {
            boolean timed = r.calls() > 0;
            table.row(r.library(), r.endpoint(), r.calls(), r.errors(),
                    timed ? Durations.format(r.meanNanos()) : null,
                    timed ? Durations.format(r.p50Nanos()) : null,
                    timed ? Durations.format(r.p99Nanos()) : null);
        }
        return "Remote calls\n" + table;
    }

    /**
     * One object per library: its symbols, and under {@code remote} the calls through each of its
     * imported endpoints ({@code endpoint}, {@code calls}, {@code errors}, {@code meanNanos},
     * {@code p50Nanos}, {@code p99Nanos}; empty when it is not imported).
     */
    static String json(List<LibraryStats> libraries, List<RemoteStats> imports) {
        List<Object> list = new ArrayList<>();
        for (LibraryStats l : libraries) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("library", l.library());
            o.put("enabled", l.enabled());
            List<Object> symbols = new ArrayList<>();
            for (SymbolStats s : l.symbols()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("symbol", s.symbol());
                m.put("calls", s.calls());
                m.put("errors", s.errors());
                m.put("meanNanos", s.meanNanos());
                m.put("p50Nanos", s.p50Nanos());
                m.put("p99Nanos", s.p99Nanos());
                m.put("callbackExceptions", s.callbackExceptions());
                m.put("staleCallbacks", s.staleCallbacks());
                m.put("refusedCallbacks", s.refusedCallbacks());
                symbols.add(m);
            }
            o.put("symbols", symbols);
            List<Object> remote = new ArrayList<>();
            for (RemoteStats r : imports) {
                if (r.library().equals(l.library())) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("endpoint", r.endpoint());
                    m.put("calls", r.calls());
                    m.put("errors", r.errors());
                    m.put("meanNanos", r.meanNanos());
                    m.put("p50Nanos", r.p50Nanos());
                    m.put("p99Nanos", r.p99Nanos());
                    remote.add(m);
                }
            }
            o.put("remote", remote);
            list.add(o);
        }
        return Json.pretty(list);
    }
}
