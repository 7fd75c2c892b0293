package io.nativebundle.itests.symbols;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.function.IntBinaryOperator;

import javax.management.Attribute;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import io.nativebundle.api.NativeFunction;
import io.nativebundle.api.NativeMetrics;
import io.nativebundle.api.SymbolStats;
import io.nativebundle.itests.AbstractIntegrationTest;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.testsupport.osgi.Services;

/** Per-symbol metrics of the math example, through NativeMetrics and through the platform MBeanServer. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SymbolMetricsTest extends AbstractIntegrationTest {

    private static final String ADD = "io.nativebundle:type=Library,name=math,Symbol=add";
    private static final String MATH = "io.nativebundle:type=Library,name=math";

    @Configuration
    public Option[] config() {
        return NativeBundleOptions.withExamples();
    }

    private NativeMetrics metrics() throws InterruptedException {
        return service(NativeMetrics.class, null);
    }

    private NativeFunction add() throws InterruptedException {
        return context.getService(Services.await(context, NativeFunction.class,
                "(&(nativebundle.library=math)(nativebundle.symbol=add))"));
    }

    private static SymbolStats stats(NativeMetrics metrics, String symbol) {
        List<SymbolStats> all = metrics.stats("math");
        return all.stream().filter(s -> s.symbol().equals(symbol)).findFirst()
                .orElseThrow(() -> new AssertionError("no stats of " + symbol + " in " + all));
    }

    @Test
    public void callsErrorsAndLatencyAreCountedPerSymbol() throws Exception {
        NativeMetrics metrics = metrics();
        assertTrue(metrics.isEnabled("math"));
        NativeFunction add = add();
        SymbolStats before = stats(metrics, "add");

        IntBinaryOperator typed = add.asIntBinaryOperator();
        for (int i = 0; i < 2000; i++) {
            assertEquals(i + 1, typed.applyAsInt(i, 1));
        }
        for (int i = 0; i < 3; i++) {
            assertThrows(IllegalArgumentException.class, () -> add.invoke("not a number", 1));
        }
        add.invoke(1, 1);

        SymbolStats after = stats(metrics, "add");
        assertEquals("math", after.library());
        assertEquals(2004, after.calls() - before.calls());
        assertEquals(3, after.errors() - before.errors());
        assertTrue(after.toString(), after.meanNanos() > 0);
        assertTrue(after.toString(), after.p50Nanos() > 0 && after.p99Nanos() >= after.p50Nanos());
        assertTrue(metrics.stats().containsAll(metrics.stats("math")));
        assertEquals(metrics.stats("math"), metrics.stats("default/math/v1"));
    }

    @Test
    public void theMBeansShowTheSameNumbers() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName symbol = new ObjectName(ADD);
        ObjectName library = new ObjectName(MATH);
        assertTrue(server.isRegistered(library));
        assertTrue(server.isRegistered(symbol));
        for (String name : new String[] {"multiply", "greet", "length", "counter_value", "increment", "noop"}) {
            assertTrue(name, server.isRegistered(new ObjectName(MATH + ",Symbol=" + name)));
        }

        NativeFunction add = add();
        for (int i = 0; i < 500; i++) {
            add.invoke(i, i);
        }
        SymbolStats stats = stats(metrics(), "add");
        assertEquals(stats.calls(), server.getAttribute(symbol, "Calls"));
        assertEquals(stats.errors(), server.getAttribute(symbol, "Errors"));
        assertEquals(stats.p50Nanos(), server.getAttribute(symbol, "P50Nanos"));
        assertEquals(stats.p99Nanos(), server.getAttribute(symbol, "P99Nanos"));
        assertEquals(stats.meanNanos(), (Double) server.getAttribute(symbol, "MeanNanos"), 0.0);
        assertEquals(true, server.getAttribute(symbol, "Enabled"));
        assertTrue((Long) server.getAttribute(library, "Calls") >= stats.calls());
        assertEquals("default/math/v1", server.getAttribute(library, "Namespace"));
        assertEquals(1, server.queryNames(new ObjectName(MATH + ",*"), null).stream()
                .filter(n -> n.getKeyProperty("Symbol") == null).count());
    }

    @Test
    public void metricsAreSwitchedOffAndOnPerLibrary() throws Exception {
        NativeMetrics metrics = metrics();
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        IntBinaryOperator typed = add().asIntBinaryOperator();
        try {
            metrics.setEnabled("math", false);
            assertFalse(metrics.isEnabled("math"));
            assertEquals(false, server.getAttribute(new ObjectName(ADD), "Enabled"));
            long off = stats(metrics, "add").calls();
            for (int i = 0; i < 100; i++) {
                typed.applyAsInt(i, i);
            }
            assertEquals("nothing is counted while off", off, stats(metrics, "add").calls());

            server.setAttribute(new ObjectName(MATH), new Attribute("Enabled", true));
            assertTrue(metrics.isEnabled("math"));
            typed.applyAsInt(1, 2);
            assertEquals(off + 1, stats(metrics, "add").calls());
        } finally {
            metrics.setEnabled("math", true);
        }
    }
}
