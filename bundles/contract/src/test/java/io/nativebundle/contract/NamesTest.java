package io.nativebundle.contract;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Map;
import java.util.Optional;

import org.junit.Test;

/** The name rules on their own: library names, tenant ids, C identifiers, host file names. */
public class NamesTest {

    @Test
    public void libraryNamesFollowTheTable() {
        for (Map.Entry<String, Boolean> row : ContractCases.LIBRARY_NAMES.entrySet()) {
            assertEquals(row.getKey(), row.getValue(), LibraryName.isValid(row.getKey()));
        }
    }

    @Test
    public void aPlusInALibraryNameIsRefusedWithTheReason() {
        assertEquals(Optional.of("library name 'stdc++' must be letters, digits, '_', '.' or '-', starting with a"
                + " letter or digit"), LibraryName.problem("stdc++"));
        assertEquals(Optional.of("the library name is empty"), LibraryName.problem(""));
    }

    @Test
    public void tenantIdsFollowTheTable() {
        for (Map.Entry<String, Boolean> row : ContractCases.TENANT_IDS.entrySet()) {
            assertEquals(row.getKey(), row.getValue(), TenantId.isValid(row.getKey()));
        }
    }

    @Test
    public void aTenantProblemSaysWhereAndWhat() {
        assertEquals(Optional.of("tenant id 'Acme' contains 'A' at position 1; only lowercase letters a-z,"
                + " digits 0-9 and '-' are allowed"), TenantId.problem("Acme"));
        assertEquals(Optional.of("tenant id 'ac me' contains U+0020 at position 3; only lowercase letters a-z,"
                + " digits 0-9 and '-' are allowed"), TenantId.problem("ac me"));
        assertEquals(Optional.of("tenant id 'acme-' starts or ends with '-'"), TenantId.problem("acme-"));
        assertEquals(Optional.of("the tenant id is empty"), TenantId.problem(null));
        assertTrue(TenantId.problem("x".repeat(64)).orElseThrow().contains("has 64 characters; at most 63"));
    }

    @Test
    public void cIdentifiers() {
        for (String valid : new String[] {"add", "_start", "zlibVersion", "a1", "_ZN3foo3barEv"}) {
            assertTrue(valid, CIdentifier.isValid(valid));
        }
        for (String invalid : new String[] {"", "1add", "a b", "a-b", "memcpy@GLIBC_2.2.5", "caf\u00e9", null}) {
            assertFalse(String.valueOf(invalid), CIdentifier.isValid(invalid));
        }
    }

    @Test
    public void hostFileNamesAreNamesNotPaths() {
        assertTrue(HostFileName.isValid("libz.so.1"));
        assertTrue(HostFileName.isValid(" libz.so.1 "));
        assertEquals(Optional.of("is a path; expected a file name without '/', e.g. libz.so.1, which the loader"
                + " looks up on the host's default library search path"), HostFileName.problem("/usr/lib/libz.so.1"));
        for (String path : new String[] {"../libz.so", "a\\b.dll", ".", ".."}) {
            assertTrue(path, HostFileName.problem(path).orElseThrow().startsWith("is a path"));
        }
        assertTrue(HostFileName.problem(" ").orElseThrow().startsWith("is empty"));
    }

    @Test
    public void javaNames() {
        assertTrue(JavaName.isQualifiedName("org.example.math.api.MathLib"));
        assertTrue(JavaName.isQualifiedName("MathLib"));
        assertFalse(JavaName.isQualifiedName("org..MathLib"));
        assertFalse(JavaName.isQualifiedName("org.example.1Lib"));
        assertFalse(JavaName.isQualifiedName("org.example.Math Lib"));
    }
}
