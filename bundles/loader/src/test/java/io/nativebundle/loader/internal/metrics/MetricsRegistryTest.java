package io.nativebundle.loader.internal.metrics;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.management.Attribute;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;

import org.junit.Test;
import org.osgi.framework.Version;

import io.nativebundle.api.CheckResult;
import io.nativebundle.api.NativeLibrary;
import io.nativebundle.api.NativeSymbol;
import io.nativebundle.api.SymbolStats;

/** The switch per library, stats by library, and the MBeans with their names. */
public class MetricsRegistryTest {

    private final MBeanServer server = MBeanServerFactory.newMBeanServer();

    record Lib(String name, String tenant, long generation) implements NativeLibrary {
        @Override public Version version() { return new Version(1, 2, 0); }
        @Override public String platform() { return "linux-x86-64"; }
        @Override public String sha256() { return "0".repeat(64); }
        @Override public Path file() { return Path.of("/cache/lib" + name + ".so"); }
        @Override public String entry() { return "native/lib" + name + ".so"; }
        @Override public List<NativeSymbol> symbols() { return List.of(); }
        @Override public String namespace() { return tenant + "/" + name + "/v1"; }
        @Override public long bundleId() { return 3; }
        @Override public List<String> dependencies() { return List.of(); }
        @Override public List<CheckResult> checks() { return List.of(); }
    }

    private static MetricsRegistry registry(Map<String, String> properties, MBeanServer server) {
        return new MetricsRegistry(properties::get, server);
    }

    @Test
    public void enabledComesFromSwitchThenLibraryPropertyThenGlobalPropertyThenTrue() {
        assertTrue(registry(Map.of(), null).isEnabled("math"));
        MetricsRegistry off = registry(Map.of("io.nativebundle.metrics", "false", "io.nativebundle.metrics.math", "TRUE"), null);
        assertTrue(off.isEnabled("math"));
        assertFalse(off.isEnabled("zlib"));
        off.setEnabled("math", false);
        assertFalse(off.isEnabled("math"));
        assertTrue("a value that is not a boolean is ignored",
                registry(Map.of("io.nativebundle.metrics", "maybe"), null).isEnabled("math"));
    }

    @Test
    public void theSwitchReachesLiveSymbolsAndLaterLoads() {
        MetricsRegistry registry = registry(Map.of(), null);
        SymbolMetrics add = registry.open(new Lib("math", "default", 1)).symbol("add");
        SymbolMetrics other = registry.open(new Lib("zlib", "default", 2)).symbol("crc32");
        registry.setEnabled("math", false);
        assertFalse(add.enabled());
        assertTrue(other.enabled());
        assertFalse(registry.open(new Lib("math", "default", 3)).symbol("add").enabled());
        registry.setEnabled("math", true);
        assertTrue(add.enabled());
    }

    @Test
    public void openIsIdempotentPerGenerationAndSymbolsAreShared() {
        MetricsRegistry registry = registry(Map.of(), null);
        LibraryMetrics first = registry.open(new Lib("math", "default", 1));
        assertEquals(first, registry.open(new Lib("math", "default", 1)));
        assertEquals(first.symbol("add"), first.symbol("add"));
    }

    @Test
    public void statsByNameOrNamespaceAndNothingAfterClose() {
        MetricsRegistry registry = registry(Map.of(), null);
        LibraryMetrics math = registry.open(new Lib("math", "default", 1));
        LibraryMetrics acme = registry.open(new Lib("math", "acme", 2));
        SymbolMetrics add = math.symbol("add");
        add.success(add.start());
        acme.symbol("add");
        math.symbol("multiply");
        assertEquals(3, registry.stats().size());
        assertEquals(3, registry.stats("math").size());
        List<SymbolStats> acmeStats = registry.stats("acme/math/v1");
        assertEquals(1, acmeStats.size());
        assertEquals(0, acmeStats.get(0).calls());
        assertEquals(1, registry.stats("default/math/v1").get(0).calls());
        math.close();
        assertEquals(List.of(), registry.stats("default/math/v1"));
        assertEquals(1, registry.stats("math").size());
        math.close();
    }

    @Test
    public void mbeansHaveTheContractNamesAndAttributes() throws Exception {
        MetricsRegistry registry = registry(Map.of(), server);
        LibraryMetrics math = registry.open(new Lib("math", "default", 1));
        SymbolMetrics add = math.symbol("add");
        for (int i = 0; i < 64; i++) {
            long t = add.start();
            add.success(t);
        }
        add.failure(add.start());

        ObjectName library = new ObjectName("io.nativebundle:type=Library,name=math");
        ObjectName symbol = new ObjectName("io.nativebundle:type=Library,name=math,Symbol=add");
        assertTrue(server.isRegistered(library));
        assertTrue(server.isRegistered(symbol));
        assertEquals(65L, server.getAttribute(symbol, "Calls"));
        assertEquals(1L, server.getAttribute(symbol, "Errors"));
        assertEquals(add.stats().p50Nanos(), server.getAttribute(symbol, "P50Nanos"));
        assertTrue((Long) server.getAttribute(symbol, "P99Nanos") >= 0);
        assertTrue(server.getAttribute(symbol, "MeanNanos") instanceof Double);
        assertEquals(true, server.getAttribute(symbol, "Enabled"));
        assertEquals(65L, server.getAttribute(library, "Calls"));
        assertEquals("default/math/v1", server.getAttribute(library, "Namespace"));
        assertEquals(1L, server.getAttribute(library, "Generation"));
        assertEquals(List.of("add"), List.of((String[]) server.getAttribute(library, "Symbols")));

        server.setAttribute(library, new Attribute("Enabled", false));
        assertFalse(add.enabled());
        assertFalse(registry.isEnabled("math"));

        math.close();
        assertFalse(server.isRegistered(library));
        assertFalse(server.isRegistered(symbol));
    }

    @Test
    public void twoGenerationsAndTenantsOfOneLibraryDoNotClash() throws Exception {
        MetricsRegistry registry = registry(Map.of(), server);
        LibraryMetrics first = registry.open(new Lib("math", "default", 1));
        LibraryMetrics second = registry.open(new Lib("math", "default", 2));
        LibraryMetrics acme = registry.open(new Lib("math", "acme", 3));
        first.symbol("add");
        second.symbol("add");
        acme.symbol("add");
        assertEquals(List.of(new ObjectName("io.nativebundle:type=Library,name=math"),
                new ObjectName("io.nativebundle:type=Library,name=math,Symbol=add")), first.mbeans());
        assertEquals(List.of(new ObjectName("io.nativebundle:type=Library,name=math,generation=2"),
                new ObjectName("io.nativebundle:type=Library,name=math,generation=2,Symbol=add")), second.mbeans());
        assertEquals(List.of(new ObjectName("io.nativebundle:type=Library,name=math,tenant=acme"),
                new ObjectName("io.nativebundle:type=Library,name=math,tenant=acme,Symbol=add")), acme.mbeans());
        assertEquals(6, server.queryNames(new ObjectName("io.nativebundle:type=Library,name=math,*"), null).size());

        registry.close();
        assertEquals(0, server.queryNames(new ObjectName("io.nativebundle:*"), null).size());
        assertEquals(List.of(), registry.libraries());
    }

    @Test
    public void awkwardNamesAreQuoted() throws Exception {
        assertEquals("plain", MBeanNames.value("plain"));
        assertEquals("\"a,b\"", MBeanNames.value("a,b"));
        MetricsRegistry registry = registry(Map.of(), server);
        registry.open(new Lib("math", "we=us", 1)).symbol("add");
        assertTrue(server.isRegistered(new ObjectName("io.nativebundle:type=Library,name=math,tenant=\"we=us\",Symbol=add")));
    }
}
