package io.nativebundle.contract;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** The tenant-id cases the loader used to test against its own copy of the rule. */
public class TenantIdTest {

    @Test
    public void acceptsLowercaseDnsLabels() {
        for (String id : new String[] {"acme", "a", "0", "default", "acme-corp", "t-1000", "a".repeat(63)}) {
            assertTrue(id, TenantId.isValid(id));
        }
    }

    @Test
    public void refusesWhatIsNotALowercaseDnsLabel() {
        for (String id : new String[] {"", "Acme", "acme_corp", "acme.corp", "ac me", "acme/x", "-acme", "acme-", "-",
                "a".repeat(64), "caf\u00e9", "../acme"}) {
            assertFalse(id, TenantId.isValid(id));
        }
        assertFalse(TenantId.isValid(null));
    }

    @Test
    public void explainsWhatIsWrong() {
        assertEquals("tenant id 'Acme' contains 'A' at position 1; only lowercase letters a-z, digits 0-9 and '-' are allowed",
                TenantId.problem("Acme").orElseThrow());
        assertEquals("tenant id 'acme-' starts or ends with '-'", TenantId.problem("acme-").orElseThrow());
        assertTrue(TenantId.problem("a".repeat(64)).orElseThrow().contains("has 64 characters; at most 63"));
        assertTrue(TenantId.problem("ac me").orElseThrow().contains("U+0020"));
        assertEquals("the tenant id is empty", TenantId.problem("").orElseThrow());
    }
}
