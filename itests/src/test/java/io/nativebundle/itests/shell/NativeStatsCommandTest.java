package io.nativebundle.itests.shell;

import static org.junit.Assert.assertEquals;
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

import io.nativebundle.api.NativeFunction;
import io.nativebundle.api.NativeMetrics;
import io.nativebundle.itests.AbstractIntegrationTest;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.testsupport.osgi.Gogo;
import io.nativebundle.testsupport.osgi.Services;

/** {@code native:stats} over calls made through the shell; it needs {@link NativeMetrics} and {@link NativeFunction}. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NativeStatsCommandTest extends AbstractIntegrationTest {

    @Configuration
    public Option[] config() {
        return NativeBundleOptions.withShell();
    }

    @Test
    public void callsAndErrorsAreCountedPerSymbolAndMetricsCanBeSwitched() throws Exception {
        Shell.ready(context);
        Services.await(context, NativeMetrics.class, null);
        Services.await(context, NativeFunction.class, "(&(nativebundle.library=math)(nativebundle.symbol=multiply))");

        assertEquals("metrics are on for math", Gogo.run(context, "native:stats --on math"));
        long before = calls("multiply");
        for (int i = 0; i < 3; i++) {
            assertEquals("42", Gogo.run(context, "native:call math multiply 6 7"));
        }
        String out = Gogo.run(context, "native:stats math");
        Map<String, String> row = TableOutput.row(out, "SYMBOL", "multiply");
        assertEquals(out, "math", row.get("LIBRARY"));
        assertEquals(out, String.valueOf(before + 3), row.get("CALLS"));
        assertTrue(out, row.get("P50").matches("[0-9.]+ (ns|µs|ms|s)"));

        assertEquals("metrics are off for math", Gogo.run(context, "native:stats --off math"));
        Gogo.run(context, "native:call math multiply 6 7");
        assertEquals("no calls are counted while metrics are off", before + 3, calls("multiply"));
        assertTrue(Gogo.run(context, "native:stats").contains("metrics are off for math"));
        Gogo.run(context, "native:stats --on math");
    }

    @SuppressWarnings("unchecked")
    private long calls(String symbol) throws Exception {
        List<Map<String, Object>> libraries = JsonReader.arrayOfObjects(Gogo.run(context, "native:stats --json math"));
        assertEquals(1, libraries.size());
        return ((List<Map<String, Object>>) libraries.get(0).get("symbols")).stream()
                .filter(s -> symbol.equals(s.get("symbol"))).map(s -> (Long) s.get("calls")).findFirst().orElse(0L);
    }
}
