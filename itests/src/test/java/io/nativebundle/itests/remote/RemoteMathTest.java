package io.nativebundle.itests.remote;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeRemoteCallException;
import io.nativebundle.examples.math.MathLib;
import io.nativebundle.itests.AbstractIntegrationTest;
import io.nativebundle.itests.shell.JsonReader;
import io.nativebundle.testsupport.Await;
import io.nativebundle.testsupport.osgi.Gogo;
import io.nativebundle.testsupport.osgi.Services;

/**
 * Two frameworks in two JVMs on loopback: A ({@link ExportingChild}) serves math, exported by its
 * framework property; B, this test framework, imports it by its own ({@link RemoteOptions}) and
 * has the example consumer, which binds the imported service as it binds a local one.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RemoteMathTest extends AbstractIntegrationTest {

    static final String IMPORTED = "(&(nativebundle.library=math)(nativebundle.remote=imported))";

    @Configuration
    public Option[] config() {
        return RemoteOptions.importingMath();
    }

    @Test
    public void exampleAddInBIsComputedInAFailsByNameWhileMathIsStoppedThereAndComesBack() throws Exception {
        try (ExportingChild a = ExportingChild.start(RemoteOptions.port())) {
            ServiceReference<MathLib> ref = Services.await(context, MathLib.class, IMPORTED);
            assertEquals(Boolean.TRUE, Boolean.valueOf(String.valueOf(ref.getProperty("service.imported"))));
            assertEquals("the tenant the import was configured with", NativeBundleConstants.DEFAULT_TENANT,
                    ref.getProperty(NativeBundleConstants.TENANT));
            assertEquals("tcp://127.0.0.1:" + RemoteOptions.port(), ref.getProperty(NativeBundleConstants.REMOTE_ENDPOINT));
            // A listens where its endpoint says, on loopback only (the loader weaves Aries' TCPServer)
            List<InetAddress> listening = ListeningSockets.on(RemoteOptions.port());
            assertFalse("nothing listens on " + RemoteOptions.port(), listening.isEmpty());
            for (InetAddress address : listening) {
                assertTrue("A listens on " + address + " too: " + listening, address.isLoopbackAddress());
            }
            // the consumer binds the import, ranked above B's own math generation (greedy rebinding)
            Await.until("example:add in B answers through the import", () -> "5".equals(Gogo.run(context,
                    "example:add 2 3")) && calledThroughImport());

            // the operators' view: the import with its endpoint, B's own export with its port, the remote calls apart
            String list = Gogo.run(context, "native:list");
            assertTrue(list, list.matches("(?s).*\nRemote\n.*\nmath +imported +MathLib +tcp://127\\.0\\.0\\.1:"
                    + RemoteOptions.port() + " +default\n.*"));
            assertTrue(list, list.matches("(?s).*\nmath +exported +MathLib +tcp://127\\.0\\.0\\.1:[0-9]+ +default.*"));
            assertTrue(list, list.matches("(?s).*\nmath +exported +NativeFunction add +tcp://127\\.0\\.0\\.1:[0-9]+ .*"));
            // the same in JSON: B's math bundle marked exported with its endpoints, the import after the bundles
            List<Map<String, Object>> json = JsonReader.arrayOfObjects(Gogo.run(context, "native:list --json"));
            Map<String, Object> local = json.stream().filter(o -> "math".equals(o.get("library")) && o.get("id") != null)
                    .findFirst().orElseThrow();
            assertEquals(json.toString(), "exported", local.get("remote"));
            List<String> exported = ((List<?>) local.get("remoteServices")).stream()
                    .map(o -> ((Map<?, ?>) o).get("service") + " " + ((Map<?, ?>) o).get("endpoint")).toList();
            assertTrue(exported.toString(), exported.stream().anyMatch(e -> e.matches("MathLib tcp://127\\.0\\.0\\.1:[0-9]+")));
            assertTrue(exported.toString(), exported.stream().anyMatch(
                    e -> e.matches("NativeFunction add tcp://127\\.0\\.0\\.1:[0-9]+")));
            Map<String, Object> importedMath = json.stream().filter(o -> "imported".equals(o.get("remote")))
                    .findFirst().orElseThrow();
            assertEquals("math", importedMath.get("library"));
            assertEquals(null, importedMath.get("id"));
            assertEquals(List.of(Map.of("service", "MathLib", "endpoint", "tcp://127.0.0.1:" + RemoteOptions.port(),
                    "tenant", "default")), importedMath.get("remoteServices"));
            String stats = Gogo.run(context, "native:stats math");
            assertTrue(stats, stats.matches("(?s).*\nRemote calls\n.*\nmath +tcp://127\\.0\\.0\\.1:"
                    + RemoteOptions.port() + " +[1-9][0-9]* +0 +[0-9.]+ (ns|µs|ms|s) .*"));

            a.command("stop-math", "MATH STOPPED");
            Gogo.Outcome stopped = Gogo.execute(context, "example:add 2 3");
            assertTrue(stopped.failureMessage(), stopped.failure() instanceof NativeRemoteCallException);
            NativeRemoteCallException e = (NativeRemoteCallException) stopped.failure();
            assertEquals("math", e.library());
            assertEquals("add", e.method());
            assertEquals("tcp://127.0.0.1:" + RemoteOptions.port(), e.endpoint());
            assertTrue(e.getMessage(), e.getMessage().startsWith("call add of library 'math' at tcp://127.0.0.1:"
                    + RemoteOptions.port() + " failed: nothing answers there"));
            MathLib imported = context.getService(ref);
            assertThrows(NativeRemoteCallException.class, () -> imported.multiply(6, 7));

            a.command("start-math", "MATH EXPORTED");
            Await.until("example:add in B works again once math is back in A",
                    () -> "5".equals(Gogo.execute(context, "example:add 2 3").output()));
            assertEquals(42, imported.multiply(6, 7));
            context.ungetService(ref);
            a.command("exit", "STOPPED");
        }
    }

    @Test
    public void theImportIsHiddenAsTheProviderRegisteredIt() throws Exception {
        Services.await(context, MathLib.class, IMPORTED);
        // only the loader's registration is visible: the provider's raw proxy is not
        ServiceReference<?>[] all = context.getAllServiceReferences(MathLib.class.getName(), "(service.imported=*)");
        assertNotNull(all);
        assertEquals(1, all.length);
        assertEquals(NativeBundleConstants.REMOTE_IMPORTED, all[0].getProperty(NativeBundleConstants.REMOTE));
        assertEquals(1, all[0].getProperty("service.ranking"));
    }

    /** Whether the consumer's last call went through the import: B's local add was not called, the import's was. */
    private boolean calledThroughImport() throws Exception {
        // B's local math generation counts its calls under "symbols"; a call through the import
        // does not reach it, and is counted under "remote" instead
        Map<String, Object> before = JsonReader.arrayOfObjects(Gogo.run(context, "native:stats --json math")).get(0);
        Gogo.run(context, "example:add 2 3");
        Map<String, Object> after = JsonReader.arrayOfObjects(Gogo.run(context, "native:stats --json math")).get(0);
        return before.get("symbols").equals(after.get("symbols")) && remoteCalls(after) == remoteCalls(before) + 1;
    }

    private static long remoteCalls(Map<String, Object> library) {
        long calls = 0;
        for (Object row : (List<?>) library.get("remote")) {
            calls += ((Number) ((Map<?, ?>) row).get("calls")).longValue();
        }
        return calls;
    }
}
