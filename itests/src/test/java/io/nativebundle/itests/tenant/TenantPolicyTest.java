package io.nativebundle.itests.tenant;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;

import java.io.ByteArrayInputStream;
import java.util.Dictionary;
import java.util.Hashtable;
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
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import io.nativebundle.api.NativeBundleStatus;
import io.nativebundle.api.NativeLibrary;
import io.nativebundle.api.NativeBundleStatus.State;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.itests.AbstractIntegrationTest;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.testsupport.osgi.Services;

/**
 * Live tenant policy from Config Admin (factory PID {@code io.nativebundle.tenant}): a
 * configuration for tenant initech with {@code max-libraries=0} refuses initech's next load,
 * without a restart of the runtime; deleting it lets the next load through. The loader says when
 * it applied a change with an {@code io/nativebundle/POLICY} event, which the test waits for. The
 * same holds for the isolation policy: {@code isolation=process} puts the tenant's next load out of
 * process, a typo refuses it, and deleting the configuration brings it back in process.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TenantPolicyTest extends AbstractIntegrationTest {

    @Configuration
    public Option[] config() throws Exception {
        return NativeBundleOptions.core(bundle(TenantBundles.api().toURI().toString()));
    }

    @Test
    public void aQuotaSetInConfigAdminAppliesToTheNextLoadAndGoesAwayWithTheConfiguration() throws Exception {
        BlockingQueue<Event> applied = new LinkedBlockingQueue<>();
        Dictionary<String, Object> topic = new Hashtable<>();
        topic.put(EventConstants.EVENT_TOPIC, "io/nativebundle/POLICY");
        ServiceRegistration<EventHandler> handler = context.registerService(EventHandler.class, applied::add, topic);
        byte[] jar = TenantBundles.math("io.nativebundle.itests.policy.initech", "1.2.0", "initech").toBytes();
        Bundle math = context.installBundle("test:policy-initech", new ByteArrayInputStream(jar));
        ConfigurationAdmin admin = service(ConfigurationAdmin.class, null);
        org.osgi.service.cm.Configuration policy = admin.createFactoryConfiguration("io.nativebundle.tenant", "?");
        try {
            math.start();
            TenantStatus.awaitState(context, math, State.ACTIVE);
            math.stop();

            Dictionary<String, Object> keys = new Hashtable<>();
            keys.put("tenant", "initech");
            keys.put("max-libraries", "0");
            policy.update(keys);
            awaitPolicy(applied, "initech");
            math.start();
            NativeBundleStatus refused = TenantStatus.awaitState(context, math, State.REFUSED);
            assertEquals(RefusalReason.TENANT_REFUSED, refused.reason().orElseThrow());
            assertTrue(refused.detail(), refused.detail().startsWith("tenant 'initech' is at its quota of native"
                    + " libraries: limit 0 (max-libraries of the Config Admin configuration " + policy.getPid() + ")"));
            math.stop();

            policy.delete();
            awaitPolicy(applied, "initech");
            math.start();
            assertEquals("initech", TenantStatus.awaitState(context, math, State.ACTIVE).loaded().orElseThrow().tenant());
        } finally {
            handler.unregister();
            math.uninstall();
        }
    }

    @Test
    public void anIsolationPolicySetInConfigAdminPutsTheTenantsNextLoadOutOfProcess() throws Exception {
        BlockingQueue<Event> applied = new LinkedBlockingQueue<>();
        Dictionary<String, Object> topic = new Hashtable<>();
        topic.put(EventConstants.EVENT_TOPIC, "io/nativebundle/POLICY");
        ServiceRegistration<EventHandler> handler = context.registerService(EventHandler.class, applied::add, topic);
        byte[] jar = TenantBundles.math("io.nativebundle.itests.policy.hooli", "1.2.0", "hooli").toBytes();
        Bundle math = context.installBundle("test:policy-hooli", new ByteArrayInputStream(jar));
        ConfigurationAdmin admin = service(ConfigurationAdmin.class, null);
        org.osgi.service.cm.Configuration policy = admin.createFactoryConfiguration("io.nativebundle.tenant", "?");
        try {
            Dictionary<String, Object> keys = new Hashtable<>();
            keys.put("tenant", "hooli");
            keys.put("isolation", "process");
            policy.update(keys);
            awaitPolicy(applied, "hooli");
            math.start();
            NativeLibrary isolated = TenantStatus.awaitState(context, math, State.ACTIVE).loaded().orElseThrow();
            assertEquals("the bundle says nothing, the tenant's policy puts it out of process", "process",
                    isolated.isolation());
            assertTrue("a host process serves it", isolated.host().orElseThrow().pid().isPresent());
            math.stop();

            keys.put("isolation", "jail");
            policy.update(keys);
            awaitPolicy(applied, "hooli");
            math.start();
            NativeBundleStatus refused = TenantStatus.awaitState(context, math, State.REFUSED);
            assertEquals("a typo never runs the library in the JVM", RefusalReason.TENANT_REFUSED,
                    refused.reason().orElseThrow());
            assertTrue(refused.detail(), refused.detail().contains("isolation of the Config Admin configuration "
                    + policy.getPid() + "=jail is not valid; expected process or in-process"));
            math.stop();

            policy.delete();
            awaitPolicy(applied, "hooli");
            math.start();
            assertEquals("in-process", TenantStatus.awaitState(context, math, State.ACTIVE).loaded().orElseThrow()
                    .isolation());
        } finally {
            handler.unregister();
            math.uninstall();
        }
    }

    private static void awaitPolicy(BlockingQueue<Event> applied, String tenant) throws InterruptedException {
        Event event = applied.poll(Services.TIMEOUT_MS, TimeUnit.MILLISECONDS);
        assertNotNull("the loader applied the policy of " + tenant, event);
        assertEquals(tenant, event.getProperty("tenant"));
    }
}
