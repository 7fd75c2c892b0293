package io.nativebundle.loader.internal.tenant;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.Map;

import org.junit.Test;

public class TenantIsolationTest {

    private static final Map<String, String> FRAMEWORK = Map.of(
            "io.nativebundle.tenant.acme.isolation", "process",
            "io.nativebundle.tenant.globex.isolation", "In-Process",
            "io.nativebundle.tenant.initech.isolation", "sandbox",
            "io.nativebundle.tenant.hooli.isolation", "in-process");
    /** hooli's Config Admin configuration overrides its framework property; umbrella has a typo there. */
    private static final Map<String, Map<String, String>> CONFIGURED = Map.of(
            "hooli", Map.of("isolation", "process"),
            "umbrella", Map.of("isolation", "jail"));

    private final TenantIsolation policy = new TenantIsolation(tenant -> new TenantPolicy(tenant,
            CONFIGURED.getOrDefault(tenant, Map.of()), "io.nativebundle.tenant~" + tenant, FRAMEWORK::get));

    @Test
    public void processPutsATenantOutOfProcessAndAnythingElseLeavesItToTheBundle() throws Exception {
        assertTrue(policy.outOfProcess("acme"));
        assertFalse(policy.outOfProcess("globex"));
        assertFalse(policy.outOfProcess("default"));
        assertEquals("io.nativebundle.tenant.acme.isolation", policy.source("acme"));
    }

    @Test
    public void aConfigAdminPolicyIsReadToo() throws Exception {
        assertTrue("the configuration wins over the framework property", policy.outOfProcess("hooli"));
        assertEquals("isolation of the Config Admin configuration io.nativebundle.tenant~hooli", policy.source("hooli"));
    }

    @Test
    public void aTypoRefusesTheTenantsLibrariesInsteadOfRunningThemInTheJvm() {
        TenantRefusal e = assertThrows(TenantRefusal.class, () -> policy.outOfProcess("initech"));
        assertEquals("the isolation policy io.nativebundle.tenant.initech.isolation=sandbox is not valid; expected"
                + " process or in-process", e.getMessage());
        e = assertThrows(TenantRefusal.class, () -> policy.outOfProcess("umbrella"));
        assertEquals("the isolation policy isolation of the Config Admin configuration io.nativebundle.tenant~umbrella"
                + "=jail is not valid; expected process or in-process", e.getMessage());
    }
}
