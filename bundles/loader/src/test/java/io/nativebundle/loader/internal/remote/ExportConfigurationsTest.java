package io.nativebundle.loader.internal.remote;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.Test;
import org.osgi.service.cm.ConfigurationException;

import io.nativebundle.api.CheckResult;
import io.nativebundle.api.NativeSymbol;
import io.nativebundle.contract.LibraryHeader;

/**
 * The operator's exports through Config Admin: each configuration of factory PID
 * {@code io.nativebundle.remote.export} exports like a clause of the framework property, from the
 * next plan on, and stops when deleted; a bad one is refused naming its PID, key and value.
 */
public class ExportConfigurationsTest {

    /** Every type crosses. */
    public interface Math {
        int add(int a, int b);
    }

    private static final List<NativeSymbol> SYMBOLS = List.of(
            new NativeSymbol("add", NativeSymbol.Kind.FUNCTION, "(int,int)int"));

    private final RemoteExports exports = RemoteExports.of(name -> null);
    private final List<String> applied = new CopyOnWriteArrayList<>();
    private final ExportConfigurations configurations = new ExportConfigurations(exports.configured(),
            (tenant, what) -> applied.add(tenant + ": " + what));

    private ExportPlan plan(String library, String tenant) throws Exception {
        return exports.plan(LibraryHeader.parse(library + ";version=1.2.0"), tenant, Math.class, SYMBOLS);
    }

    private static Hashtable<String, Object> config(Object... keysAndValues) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("service.pid", "io.nativebundle.remote.export.a1");
        properties.put("service.factoryPid", ExportConfigurations.FACTORY_PID);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }

    @Test
    public void aConfigurationExportsTheNextLoadAndItsDeletionStopsIt() throws Exception {
        assertEquals(ExportPlan.NONE, plan("math", "default"));
        configurations.updated("io.nativebundle.remote.export.a1", config("library", "math", "port", 9100,
                "timeout", "2s"));
        ExportPlan plan = plan("math", "default");
        assertEquals(Math.class.getName(), plan.typed().get("service.exported.interfaces"));
        assertEquals("9100", plan.typed().get("aries.rsa.port"));
        assertEquals("2000", plan.typed().get("osgi.basic.timeout"));
        assertEquals("127.0.0.1", plan.typed().get("aries.rsa.hostname"));
        assertEquals("io.nativebundle.api.NativeFunction", plan.function("add").get("service.exported.interfaces"));
        CheckResult first = plan.checks().get(0);
        assertTrue(first.passed());
        assertTrue(first.detail(), first.detail().startsWith("exported because the operator's configuration"
                + " io.nativebundle.remote.export.a1 names it (aries.tcp on 127.0.0.1, typed service on port 9100)"));
        assertEquals("another library is not exported", ExportPlan.NONE, plan("zlib", "default"));

        configurations.deleted("io.nativebundle.remote.export.a1");
        assertEquals(ExportPlan.NONE, plan("math", "default"));
        assertEquals(List.of("*: configuration io.nativebundle.remote.export.a1 of io.nativebundle.remote.export"
                + " exports library 'math' on port 9100 with a timeout of 2000 ms from the next load on",
                "*: configuration io.nativebundle.remote.export.a1 of io.nativebundle.remote.export deleted; it"
                + " exports nothing from the next load on"), applied);
    }

    @Test
    public void aConfigurationsFunctionPortPlacesTheNativeFunctionExports() throws Exception {
        configurations.updated("io.nativebundle.remote.export.a1", config("library", "math", "function-port", 9300));
        assertEquals("9300", plan("math", "default").function("add").get("aries.rsa.port"));
        assertEquals(List.of("*: configuration io.nativebundle.remote.export.a1 of io.nativebundle.remote.export"
                + " exports library 'math', its functions from port 9300 from the next load on"), applied);
        ConfigurationException bad = assertThrows(ConfigurationException.class, () -> configurations.updated(
                "io.nativebundle.remote.export.a2", config("library", "math", "function-port", "70000")));
        assertTrue(bad.getReason(), bad.getReason().endsWith("function-port '70000' is not a TCP port; expected a"
                + " number from 0 (any free port) to 65535"));
    }

    @Test
    public void aTenantsConfigurationAndTheMostSpecificFirst() throws Exception {
        configurations.updated("io.nativebundle.remote.export.any", config("library", "*", "tenant", "acme"));
        configurations.updated("io.nativebundle.remote.export.zz", config("library", "math", "tenant", "acme",
                "port", "9200"));
        assertEquals(ExportPlan.NONE, plan("math", "default"));
        assertEquals("the clause naming math decides, whatever the PIDs' order", "9200",
                plan("math", "acme").typed().get("aries.rsa.port"));
        assertFalse("* of acme: any free port", plan("zlib", "acme").typed().containsKey("aries.rsa.port"));
        assertTrue(applied.toString(), applied.get(0).startsWith("acme: configuration io.nativebundle.remote.export.any"
                + " of io.nativebundle.remote.export exports every library of tenant 'acme' from the next load on"));
    }

    @Test
    public void theFrameworkPropertyComesFirst() throws Exception {
        RemoteExports both = RemoteExports.of(Map.of("io.nativebundle.remote.export", "math;port=9100")::get);
        new ExportConfigurations(both.configured(), (tenant, what) -> { }).updated("io.nativebundle.remote.export.a1",
                config("library", "math", "port", "9300"));
        ExportPlan plan = both.plan(LibraryHeader.parse("math;version=1.2.0"), "default", Math.class, SYMBOLS);
        assertEquals("9100", plan.typed().get("aries.rsa.port"));
    }

    @Test
    public void aBadConfigurationIsRefusedByNameAndEveryLibrarySaysSo() throws Exception {
        ConfigurationException port = assertThrows(ConfigurationException.class, () -> configurations.updated(
                "io.nativebundle.remote.export.a1", config("library", "math", "port", "x")));
        assertEquals("configuration io.nativebundle.remote.export.a1 of io.nativebundle.remote.export: clause 'math':"
                + " port 'x' is not a TCP port; expected a number from 0 (any free port) to 65535", port.getReason());
        ExportPlan plan = plan("zlib", "default");
        assertTrue(plan.typed().isEmpty());
        assertEquals(1, plan.checks().size());
        assertFalse(plan.checks().get(0).passed());
        assertEquals("the operator's exports are not read: " + port.getReason(), plan.checks().get(0).detail());

        ConfigurationException missing = assertThrows(ConfigurationException.class, () -> configurations.updated(
                "io.nativebundle.remote.export.b2", config("port", "9100")));
        assertTrue(missing.getReason(), missing.getReason().endsWith(": no library; expected a library name or *,"
                + " e.g. library=math"));
        ConfigurationException unknown = assertThrows(ConfigurationException.class, () -> configurations.updated(
                "io.nativebundle.remote.export.c3", config("library", "math", "prot", "9100")));
        assertTrue(unknown.getReason(), unknown.getReason().endsWith(": unknown key 'prot'; expected library,"
                + " tenant, port, function-port or timeout"));
        ConfigurationException name = assertThrows(ConfigurationException.class, () -> configurations.updated(
                "io.nativebundle.remote.export.d4", config("library", "no such")));
        assertTrue(name.getReason(), name.getReason().contains("clause 'no such'"));

        // corrected, the configuration exports and its problem is gone
        configurations.updated("io.nativebundle.remote.export.a1", config("library", "math", "port", "9100"));
        for (String pid : List.of("b2", "c3", "d4")) {
            configurations.deleted("io.nativebundle.remote.export." + pid);
        }
        ExportPlan fixed = plan("math", "default");
        assertEquals("9100", fixed.typed().get("aries.rsa.port"));
        assertTrue(fixed.checks().stream().allMatch(CheckResult::passed));
    }

    @Test
    public void configurationsChangeWhileLibrariesArePlanned() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                String pid = "io.nativebundle.remote.export.t" + t;
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        configurations.updated(pid, config("library", "math", "port", String.valueOf(9000 + i)));
                        configurations.deleted(pid);
                    }
                    return null;
                }));
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        ExportPlan plan = plan("math", "default");
                        // either not exported or exported whole, never half
                        assertTrue(plan.typed().isEmpty() == (plan.function("add").isEmpty()));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(ExportPlan.NONE, plan("math", "default"));
    }
}
