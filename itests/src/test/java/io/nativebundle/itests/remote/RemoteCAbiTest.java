package io.nativebundle.itests.remote;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeCallResult;
import io.nativebundle.api.NativeFunction;
import io.nativebundle.api.NativeStruct;
import io.nativebundle.definition.CoreBundle;
import io.nativebundle.definition.CoreBundle.Role;
import io.nativebundle.definition.RuntimeDefinition;
import io.nativebundle.itests.AbstractIntegrationTest;
import io.nativebundle.itests.abi.HostLibc;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.itests.shell.JsonReader;
import io.nativebundle.itests.wrap.Drops;
import io.nativebundle.testsupport.Await;
import io.nativebundle.testsupport.osgi.Gogo;

/**
 * The C ABI's values across the wire: framework A ({@link ExportingChild}) wraps a descriptor over
 * the host's libc and exports its functions on consecutive ports ({@code function-port}); B, this
 * framework, imports four of them by {@code symbol=} and calls them: a struct returned by value
 * ({@code div}), an out-parameter ({@code frexp}), an array C writes into ({@code snprintf}'s
 * {@code inout byte[]}, an unsigned {@code size_t} beside it) and errno ({@code access}), each
 * checked against what Java computes. A declaration with a pointer ({@code strtoul}) is not
 * exported, and A says why. B's test only polls {@code getServiceReferences}: the imports come in
 * without a consumer listening for them.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RemoteCAbiTest extends AbstractIntegrationTest {

    /** The system property that tells the test inside the framework A's first function port. */
    static final String FIRST_PORT = "nativebundle.itest.remote.functionPort";
    /** The exported functions of {@link #LIBC} in name order, which is the order of their ports. */
    static final List<String> EXPORTED = List.of("access", "div", "frexp", "snprintf");
    /** The tenant B imports frexp for; A serves every function in its default tenant. */
    static final String TENANT = "acme";

    static final String[] LIBC = HostLibc.descriptor("c",
        "",
        "[structs]",
        "div_t = { quot: int, rem: int } size=8",
        "",
        "[symbols]",
        "div = (int, int)div_t",
        "frexp = (double x, out int exp)double",
        "snprintf = (inout byte[] dst, size_t n, string fmt, ..., long, double, string)int",
        "access = (string path, int mode)int errno",
        "strtoul = (string s, pointer end, int base)size_t errno");

    @Configuration
    public Option[] config() {
        int first = freePorts(EXPORTED.size());
        List<String> imports = new ArrayList<>();
        for (int i = 0; i < EXPORTED.size(); i++) {
            imports.add("c;symbol=" + EXPORTED.get(i) + ";endpoint=tcp://127.0.0.1:" + (first + i) + ";timeout="
                    + RemoteOptions.TIMEOUT_MS + "ms" + (EXPORTED.get(i).equals("frexp") ? ";tenant=" + TENANT : ""));
        }
        List<Option> options = RemoteOptions.withRemoteBundles();
        options.add(frameworkProperty("io.nativebundle.remote.import").value(String.join(",", imports)));
        options.add(systemProperty(FIRST_PORT).value(String.valueOf(first)));
        return options.toArray(new Option[0]);
    }

    @Test
    public void structsOutParametersArraysAndErrnoComputedInAReachBAsJavaComputesThem() throws Exception {
        int first = Integer.parseInt(System.getProperty(FIRST_PORT));
        File plugins = NativeBundleOptions.newWorkDir("remote-cabi-plugins");
        Drops.drop(plugins, "c.nativebundle", LIBC);
        List<File> bundles = new ArrayList<>();
        // FileInstall before wrap, as the launcher installs them; both run inside A
        for (CoreBundle bundle : RuntimeDefinition.coreBundles(Role.PLUGINS_FOLDER, Role.WRAP)) {
            bundles.add(new File(NativeBundleOptions.RUNTIME, bundle.fileName()));
        }
        String ready = "(&(objectClass=" + NativeFunction.class.getName() + ")(nativebundle.library=c)"
                + "(nativebundle.symbol=snprintf)(nativebundle.remote=exported))";
        try (ExportingChild a = ExportingChild.launch(Map.of("io.nativebundle.remote.export", "c;function-port=" + first,
                "felix.fileinstall.dir", plugins.getAbsolutePath(), "felix.fileinstall.poll", "100"), bundles, ready)) {
            // refused at export time, the reason in A's log (the same text as its remote-export check)
            String refused = a.next("WARNING: library 'c': NativeFunction strtoul is not exported");
            assertEquals("WARNING: library 'c': NativeFunction strtoul is not exported: signature (string s,pointer end,"
                    + "int base)ulong errno: parameter 2 (end) is pointer: a pointer is an address in the exporting"
                    + " process and means nothing in another", refused);
            a.next("READY");

            NativeFunction div = imported("div", first + 1, NativeBundleConstants.DEFAULT_TENANT);
            // A's export may still be opening its socket: the first call that answers
            NativeStruct five = Await.value("div answered from A", Duration.ofSeconds(30),
                    () -> (NativeStruct) div.invoke(17, 5));
            assertEquals("{quot=3, rem=2}", five.toString());
            assertEquals(8, div.signature().returnStructType().orElseThrow().size());
            Random random = new Random(20);
            for (int i = 0; i < 200; i++) {
                int x = random.nextInt();
                int y = random.nextInt() | 1;
                NativeStruct r = (NativeStruct) div.call(x, y).value();
                assertEquals(x / y, r.get("quot"));
                assertEquals(x % y, r.get("rem"));
            }

            // imported for tenant acme: the import's tenant, not the one A serves it in (default)
            NativeFunction frexp = imported("frexp", first + 2, TENANT);
            for (int i = 0; i < 200; i++) {
                double x = (random.nextDouble() - 0.5) * Math.pow(2, random.nextInt(200) - 100);
                if (x == 0 || Math.getExponent(x) < Double.MIN_EXPONENT) {
                    continue;
                }
                NativeCallResult r = frexp.call(x);
                assertEquals(Math.getExponent(x) + 1, r.outValues().get("exp"));
                assertEquals(x, (Double) r.value() * Math.pow(2, (Integer) r.outValues().get("exp")), 0);
            }

            NativeFunction snprintf = imported("snprintf", first + 3, NativeBundleConstants.DEFAULT_TENANT);
            for (int i = 0; i < 50; i++) {
                long n = random.nextLong();
                double d = random.nextDouble() * 1e6;
                byte[] out = new byte[128];
                String expected = String.format(java.util.Locale.ROOT, "%d %.3f %s", n, d, "wire" + i);
                NativeCallResult r = snprintf.call(out, (long) out.length, "%ld %.3f %s", n, d, "wire" + i);
                assertEquals(expected.length(), r.value());
                // C wrote into A's copy; it came back in the result and into the caller's array
                assertEquals(expected, new String(out, 0, expected.length(), StandardCharsets.UTF_8));
                assertEquals(0, out[expected.length()]);
                assertArrayEquals(out, (byte[]) r.outValues().get("dst"));
            }

            NativeFunction access = imported("access", first, NativeBundleConstants.DEFAULT_TENANT);
            String missing = "/nonexistent-" + UUID.randomUUID();
            NativeCallResult absent = access.call(missing, 0);
            assertEquals(-1, absent.value());
            assertEquals(OptionalInt.of(2), absent.errno());
            assertEquals(Optional.of("No such file or directory"), absent.errnoMessage());
            assertEquals(0, access.call("/", 0).value());

            // the operators' view in B: c is only imported here, its calls per endpoint under "remote"
            List<Map<String, Object>> stats = JsonReader.arrayOfObjects(Gogo.run(context, "native:stats --json c"));
            assertEquals(1, stats.size());
            assertEquals("c", stats.get(0).get("library"));
            assertEquals(List.of(), stats.get(0).get("symbols"));
            Set<String> endpoints = new TreeSet<>();
            for (Object row : (List<?>) stats.get(0).get("remote")) {
                Map<?, ?> endpoint = (Map<?, ?>) row;
                endpoints.add(String.valueOf(endpoint.get("endpoint")));
                assertTrue(endpoint.toString(), ((Number) endpoint.get("calls")).longValue() > 0);
                assertTrue(endpoint.toString(), ((Number) endpoint.get("p50Nanos")).longValue() > 0);
            }
            Set<String> expected = new TreeSet<>();
            for (int i = 0; i < EXPORTED.size(); i++) {
                expected.add("tcp://127.0.0.1:" + (first + i));
            }
            assertEquals(expected, endpoints);
            String statsTable = Gogo.run(context, "native:stats c");
            assertTrue(statsTable, statsTable.matches("(?s).*\nRemote calls\n.*\nc +tcp://127\\.0\\.0\\.1:" + (first + 1)
                    + " +[1-9][0-9]* +[0-9]+ .*"));

            // native:call in B calls the imported function: the signature asked of A, the struct read back
            assertEquals("{quot=3, rem=2}", Gogo.run(context, "native:call c div 17 5"));
            assertEquals("-1\nerrno=2 (No such file or directory)", Gogo.run(context, "native:call c access " + missing + " 0"));

            // native:list --json in B: c, a library only imported here, after the bundles, with each endpoint
            List<Map<String, Object>> list = JsonReader.arrayOfObjects(Gogo.run(context, "native:list --json"));
            List<Map<String, Object>> c = list.stream().filter(o -> "c".equals(o.get("library"))).toList();
            assertEquals(list.toString(), 1, c.size());
            assertEquals(null, c.get(0).get("id"));
            assertEquals("imported", c.get(0).get("remote"));
            Map<String, String> listed = new TreeMap<>();
            for (Object service : (List<?>) c.get(0).get("remoteServices")) {
                Map<?, ?> s = (Map<?, ?>) service;
                listed.put(String.valueOf(s.get("service")), s.get("endpoint") + " " + s.get("tenant"));
            }
            // what the table's Remote section shows, row for row
            String table = Gogo.run(context, "native:list");
            for (Map.Entry<String, String> row : listed.entrySet()) {
                assertTrue(table, table.matches("(?s).*\nc +imported +" + row.getKey() + " +"
                        + row.getValue().replace(" ", " +").replace(".", "\\.") + "\n?.*"));
            }
            assertEquals("tcp://127.0.0.1:" + (first + 1) + " default", listed.get("NativeFunction div"));
            assertEquals("tcp://127.0.0.1:" + first + " default", listed.get("NativeFunction access"));
            assertEquals("tcp://127.0.0.1:" + (first + 2) + " " + TENANT, listed.get("NativeFunction frexp"));
            // --tenant keeps that tenant's imports only, in both forms
            String acme = Gogo.run(context, "native:list --tenant " + TENANT);
            assertTrue(acme, acme.matches("(?s).*\nc +imported +NativeFunction frexp .*") && !acme.contains("div"));
            List<Map<String, Object>> acmeJson = JsonReader.arrayOfObjects(Gogo.run(context,
                    "native:list --json --tenant " + TENANT));
            assertEquals(acmeJson.toString(), 1, acmeJson.size());
            assertEquals(1, ((List<?>) acmeJson.get(0).get("remoteServices")).size());

            a.command("exit", "STOPPED");
        }
    }

    /** B's imported function {@code symbol}: the loader's registration, in the import's tenant, at its own port. */
    private NativeFunction imported(String symbol, int port, String tenant) throws Exception {
        // polled, with a filter only the loader's registration matches: nothing here listens for the
        // endpoint, the loader's own interest (ImportInterest) brings the import in
        ServiceReference<NativeFunction> ref = Await.value("function " + symbol + " imported", Duration.ofSeconds(30),
                () -> context.getServiceReferences(NativeFunction.class, "(&(nativebundle.library=c)(nativebundle.symbol="
                        + symbol + ")(nativebundle.remote=imported))").stream().findFirst().orElse(null));
        assertEquals("tcp://127.0.0.1:" + port, ref.getProperty(NativeBundleConstants.REMOTE_ENDPOINT));
        assertEquals(tenant, ref.getProperty(NativeBundleConstants.TENANT));
        NativeFunction f = context.getService(ref);
        assertEquals(symbol, f.name());
        return f;
    }

    /** The first of {@code count} consecutive ports that are free now. */
    static int freePorts(int count) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int first = RemoteOptions.freePort();
            if (first + count - 1 <= 65535 && allFree(first + 1, count - 1)) {
                return first;
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free ports found");
    }

    private static boolean allFree(int from, int count) {
        for (int port = from; port < from + count; port++) {
            try (ServerSocket socket = new ServerSocket(port)) {
                socket.setReuseAddress(true);
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }
}
