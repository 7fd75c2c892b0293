package io.nativebundle.itests.remote;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.net.InetAddress;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import io.nativebundle.examples.math.MathLib;
import io.nativebundle.itests.AbstractIntegrationTest;
import io.nativebundle.testsupport.osgi.Gogo;
import io.nativebundle.testsupport.osgi.Services;

/**
 * The operator exports through Config Admin: a configuration of factory PID
 * {@code io.nativebundle.remote.export} exports math from its next load on, on the configured port
 * and on loopback only; deleting it ends the export at the load after.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RemoteExportConfigTest extends AbstractIntegrationTest {

    private static final String EXPORTED = "(&(nativebundle.library=math)(nativebundle.remote=exported))";
    private static final String LOCAL = "(&(nativebundle.library=math)(!(service.imported=*)))";

    @Configuration
    public Option[] config() {
        return RemoteOptions.withRemoteBundles().toArray(new Option[0]);
    }

    @Test
    public void aConfigurationExportsMathFromItsNextLoadOnLoopbackAndItsDeletionEndsIt() throws Exception {
        BlockingQueue<Event> applied = new LinkedBlockingQueue<>();
        Dictionary<String, Object> topic = new Hashtable<>();
        topic.put(EventConstants.EVENT_TOPIC, "io/nativebundle/POLICY");
        ServiceRegistration<EventHandler> handler = context.registerService(EventHandler.class, applied::add, topic);
        Bundle math = installed("io.nativebundle.examples.math");
        ConfigurationAdmin admin = service(ConfigurationAdmin.class, null);
        org.osgi.service.cm.Configuration export = admin.createFactoryConfiguration("io.nativebundle.remote.export",
                "?");
        String pid = export.getPid();
        int port = RemoteOptions.freePort();
        try {
            ServiceReference<MathLib> local = Services.await(context, MathLib.class, LOCAL);
            assertNull("exports are off by default", local.getProperty("nativebundle.remote"));

            Dictionary<String, Object> keys = new Hashtable<>();
            keys.put("library", "math");
            keys.put("port", String.valueOf(port));
            export.update(keys);
            awaitApplied(applied, pid + " of io.nativebundle.remote.export exports library 'math' on port "
                    + port);
            assertNull("a loaded library keeps what it had", context.getServiceReferences(MathLib.class, EXPORTED)
                    .stream().findAny().orElse(null));
            math.stop();
            math.start();
            ServiceReference<MathLib> exported = Services.await(context, MathLib.class, EXPORTED);
            assertEquals("127.0.0.1", exported.getProperty("aries.rsa.hostname"));
            assertEquals(String.valueOf(port), exported.getProperty("aries.rsa.port"));
            List<InetAddress> listening = ListeningSockets.on(port);
            assertFalse("nothing listens on " + port, listening.isEmpty());
            for (InetAddress address : listening) {
                assertTrue("the export listens on " + address + " too: " + listening, address.isLoopbackAddress());
            }
            String info = Gogo.run(context, "native:info math");
            assertTrue(info, info.contains("exported because the operator's configuration "
                    + pid + " names it (aries.tcp on 127.0.0.1, typed service on port " + port + ")"));

            export.delete();
            awaitApplied(applied, pid + " of io.nativebundle.remote.export deleted");
            math.stop();
            math.start();
            ServiceReference<MathLib> again = Services.await(context, MathLib.class, LOCAL);
            assertNull(again.getProperty("nativebundle.remote"));
            assertTrue(context.getServiceReferences(MathLib.class, EXPORTED).isEmpty());
        } finally {
            handler.unregister();
            if (math.getState() != Bundle.ACTIVE) {
                math.start();
            }
        }
    }

    private static void awaitApplied(BlockingQueue<Event> applied, String what) throws InterruptedException {
        Event event = applied.poll(Services.TIMEOUT_MS, TimeUnit.MILLISECONDS);
        assertNotNull("the loader applied: " + what, event);
        assertEquals("*", event.getProperty("tenant"));
        String message = String.valueOf(event.getProperty("message"));
        assertTrue(message, message.contains(what));
    }
}
