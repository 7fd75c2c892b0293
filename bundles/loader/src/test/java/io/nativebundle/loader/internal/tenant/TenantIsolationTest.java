package io.nativebundle.loader.internal.tenant;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.Map;

import org.junit.Test;

public class TenantIsolationTest {

    private final TenantIsolation policy = new TenantIsolation(Map.of(
            "io.nativebundle.tenant.acme.isolation", "process",
            "io.nativebundle.tenant.globex.isolation", "In-Process",
            "io.nativebundle.tenant.initech.isolation", "sandbox")::get);

    @Test
    public void processPutsATenantOutOfProcessAndAnythingElseLeavesItToTheBundle() throws Exception {
        assertTrue(policy.outOfProcess("acme"));
        assertFalse(policy.outOfProcess("globex"));
        assertFalse(policy.outOfProcess("default"));
        assertEquals("io.nativebundle.tenant.acme.isolation", TenantIsolation.key("acme"));
    }

    @Test
    public void aTypoRefusesTheTenantsLibrariesInsteadOfRunningThemInTheJvm() {
        TenantRefusal e = assertThrows(TenantRefusal.class, () -> policy.outOfProcess("initech"));
        assertEquals("the isolation policy io.nativebundle.tenant.initech.isolation=sandbox is not valid; expected"
                + " process or in-process", e.getMessage());
    }
}
