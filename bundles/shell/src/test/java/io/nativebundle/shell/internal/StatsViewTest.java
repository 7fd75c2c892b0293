package io.nativebundle.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

import io.nativebundle.api.RemoteStats;
import io.nativebundle.api.SymbolStats;

public class StatsViewTest {

    private final StatsView.LibraryStats math = new StatsView.LibraryStats("math", true, List.of(
            new SymbolStats("math", "add", 1200, 0, 85.2, 80, 2_100),
            new SymbolStats("math", "greet", 3, 1, 12_500, 11_000, 1_250_000),
            new SymbolStats("math", "noop", 0, 0, 0, 0, 0)));

    @Test
    public void aRowPerSymbolWithHumanLatencies() {
        assertEquals(String.join("\n",
                "LIBRARY  SYMBOL  CALLS  ERRORS     MEAN      P50      P99",
                "math     add      1200       0    85 ns    80 ns  2.10 µs",
                "math     greet       3       1  12.5 µs  11.0 µs  1.25 ms",
                "math     noop        0       0        -        -        -"), StatsView.table(List.of(math)));
    }

    @Test
    public void librariesWithMetricsOffAreNamedWithTheWayToSwitchThemOn() {
        String text = StatsView.table(List.of(math, new StatsView.LibraryStats("greeter", false, List.of())));
        assertTrue(text, text.endsWith("\n\nmetrics are off for greeter; switch them on with native:stats --on <library>"));
        assertEquals("no library is loaded", StatsView.table(List.of()));
    }

    @Test
    public void symbolsWhoseCallbacksWentWrongAreListedUnderCallbackErrors() {
        StatsView.LibraryStats c = new StatsView.LibraryStats("c", true, List.of(
                new SymbolStats("c", "qsort", 10, 2, 1_000, 900, 5_000, 2, 0, 0),
                new SymbolStats("c", "strlen", 10, 0, 50, 40, 90),
                new SymbolStats("c", "keep", 1, 0, 50, 40, 90, 0, 3, 1)));
        String text = StatsView.table(List.of(c));
        assertTrue(text, text.endsWith(String.join("\n", "",
                "Callback errors",
                "LIBRARY  SYMBOL  EXCEPTIONS  STALE  REFUSED",
                "c        qsort            2      0        0",
                "c        keep             0      3        1")));
        // no callback went wrong: no such part
        assertFalse(StatsView.table(List.of(math)).contains("Callback errors"));
        assertTrue(StatsView.json(List.of(c), List.of()).replaceAll("\\s", "").contains("\"symbol\":\"keep\",\"calls\":1,"
                + "\"errors\":0,\"meanNanos\":50.0,\"p50Nanos\":40,\"p99Nanos\":90,\"callbackExceptions\":0,"
                + "\"staleCallbacks\":3,\"refusedCallbacks\":1}"));
    }

    @Test
    public void jsonKeepsTheRawNanoseconds() {
        assertEquals("[{\"library\":\"math\",\"enabled\":true,\"symbols\":[{\"symbol\":\"add\",\"calls\":1200,"
                + "\"errors\":0,\"meanNanos\":85.2,\"p50Nanos\":80,\"p99Nanos\":2100,\"callbackExceptions\":0,"
                + "\"staleCallbacks\":0,\"refusedCallbacks\":0}],\"remote\":[]}]",
                StatsView.json(List.of(new StatsView.LibraryStats("math", true, List.of(math.symbols().get(0)))),
                        List.of()).replaceAll("\\s", ""));
    }

    @Test
    public void jsonPutsEachImportedEndpointsCallsUnderItsLibrary() {
        List<RemoteStats> imports = List.of(
                new RemoteStats("c", "tcp://127.0.0.1:9200", 3, 1, 250_000.5, 200_000, 900_000),
                new RemoteStats("c", "tcp://127.0.0.1:9201", 2, 0, 120_000, 110_000, 130_000),
                new RemoteStats("math", "tcp://127.0.0.1:9100", 1, 0, 400_000, 400_000, 400_000));
        assertEquals("[{\"library\":\"c\",\"enabled\":true,\"symbols\":[],\"remote\":["
                + "{\"endpoint\":\"tcp://127.0.0.1:9200\",\"calls\":3,\"errors\":1,\"meanNanos\":250000.5,"
                + "\"p50Nanos\":200000,\"p99Nanos\":900000},"
                + "{\"endpoint\":\"tcp://127.0.0.1:9201\",\"calls\":2,\"errors\":0,\"meanNanos\":120000.0,"
                + "\"p50Nanos\":110000,\"p99Nanos\":130000}]}]",
                StatsView.json(List.of(new StatsView.LibraryStats("c", true, List.of())), imports)
                        .replaceAll("\\s", ""));
    }
}
