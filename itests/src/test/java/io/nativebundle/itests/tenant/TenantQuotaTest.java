package io.nativebundle.itests.tenant;

import static io.nativebundle.itests.tenant.TenantStatus.awaitState;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

import io.nativebundle.api.NativeBundleStatus;
import io.nativebundle.api.NativeBundleStatus.State;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.itests.AbstractIntegrationTest;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.itests.Platform;
import io.nativebundle.testsupport.BundleRewriter;

/**
 * Per-tenant quotas from framework properties: initech may load one native library, hooli may
 * load 4 KiB of native files (less than libmath.so). The bundles declare their tenant by header
 * and are installed from streams, outside any plugins folder.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TenantQuotaTest extends AbstractIntegrationTest {

    @Configuration
    public Option[] config() throws IOException {
        return NativeBundleOptions.core(
                bundle(TenantBundles.api().toURI().toString()),
                frameworkProperty("io.nativebundle.tenant.initech.max-libraries").value("1"),
                frameworkProperty("io.nativebundle.tenant.hooli.max-bytes").value("4k"));
    }

    @Test
    public void aLibraryPastTheTenantsLibraryLimitIsRefusedUntilTheFirstIsUnloaded() throws Exception {
        Bundle first = install("io.nativebundle.itests.initech.one", "initech");
        Bundle second = install("io.nativebundle.itests.initech.two", "initech");
        Bundle other = install("io.nativebundle.itests.umbrella.one", "umbrella");
        try {
            NativeBundleStatus loaded = awaitState(context, first, State.ACTIVE);
            assertEquals("initech", loaded.loaded().orElseThrow().tenant());

            NativeBundleStatus refused = awaitState(context, second, State.REFUSED);
            assertEquals(RefusalReason.TENANT_REFUSED, refused.reason().orElseThrow());
            assertEquals("tenant 'initech' is at its quota of native libraries: limit 1"
                    + " (io.nativebundle.tenant.initech.max-libraries), in use 1 by io.nativebundle.itests.initech.one"
                    + " 1.2.0 [" + first.getBundleId() + "]; stop one of them, or raise the limit", refused.detail());
            assertEquals("no service of the refused bundle", null, second.getRegisteredServices());

            // other tenants have their own quota
            assertEquals("umbrella", awaitState(context, other, State.ACTIVE).loaded().orElseThrow().tenant());

            // unloading the first library gives its room back
            first.stop();
            awaitState(context, first, State.UNLOADED);
            second.stop();
            second.start();
            assertEquals("initech", awaitState(context, second, State.ACTIVE).loaded().orElseThrow().tenant());

            first.start();
            assertEquals(RefusalReason.TENANT_REFUSED, awaitState(context, first, State.REFUSED).reason().orElseThrow());
        } finally {
            first.uninstall();
            second.uninstall();
            other.uninstall();
        }
    }

    @Test
    public void aLibraryPastTheTenantsByteLimitIsRefused() throws Exception {
        Bundle bundle = install("io.nativebundle.itests.hooli.one", "hooli");
        try {
            NativeBundleStatus refused = awaitState(context, bundle, State.REFUSED);
            assertEquals(RefusalReason.TENANT_REFUSED, refused.reason().orElseThrow());
            int size = BundleRewriter.of(NativeBundleOptions.jar("math")).entry(Platform.entry("math")).length;
            assertEquals("tenant 'hooli' would pass its quota of native bytes: limit 4096 bytes"
                    + " (io.nativebundle.tenant.hooli.max-bytes), in use 0 bytes, and this library needs " + size
                    + " bytes [" + Platform.entry("math") + "]", refused.detail());
        } finally {
            bundle.uninstall();
        }
    }

    private Bundle install(String symbolicName, String tenant) throws Exception {
        byte[] jar = TenantBundles.math(symbolicName, "1.2.0", tenant).toBytes();
        Bundle bundle = context.installBundle("test:" + symbolicName, new ByteArrayInputStream(jar));
        bundle.start();
        return bundle;
    }
}
