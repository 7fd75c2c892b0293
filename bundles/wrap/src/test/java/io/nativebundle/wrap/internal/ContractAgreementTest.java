package io.nativebundle.wrap.internal;

import static org.junit.Assert.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import aQute.bnd.osgi.Builder;

import io.nativebundle.bnd.NativeBundlePlugin;
import io.nativebundle.contract.ContractCases;
import io.nativebundle.contract.LibraryName;
import io.nativebundle.contract.TenantId;
import io.nativebundle.wrap.DescriptorException;

/**
 * The build (the bnd plugin), the wrapper (a descriptor) and the contract's rule accept and refuse
 * the same library names and tenant ids, row by row of the contract's table. The loader reads the
 * same rule, so what any of them accepts, the loader accepts.
 */
public class ContractAgreementTest {

    private static final Path DESCRIPTOR = Path.of("libx.nativebundle");

    @Test
    public void libraryNames() throws Exception {
        List<String> disagreements = new ArrayList<>();
        for (Map.Entry<String, Boolean> row : ContractCases.LIBRARY_NAMES.entrySet()) {
            String name = row.getKey();
            boolean rule = LibraryName.isValid(name);
            boolean wrap = wrapAccepts("library = " + name + "\nversion = 1.0.0\n");
            boolean bnd = bndAccepts(name + ";system=libz.so.1;version=1.2", null);
            if (rule != row.getValue() || wrap != rule || bnd != rule) {
                disagreements.add("'" + name + "': table " + row.getValue() + ", rule " + rule + ", wrap " + wrap
                        + ", bnd " + bnd);
            }
        }
        assertEquals(List.of(), disagreements);
    }

    @Test
    public void tenantIds() throws Exception {
        List<String> disagreements = new ArrayList<>();
        for (Map.Entry<String, Boolean> row : ContractCases.TENANT_IDS.entrySet()) {
            String id = row.getKey();
            boolean rule = TenantId.isValid(id);
            boolean wrap = wrapAccepts("library = x\nversion = 1.0.0\ntenant = " + id + "\n");
            boolean bnd = bndAccepts("x;system=libz.so.1;version=1.2", id);
            if (rule != row.getValue() || wrap != rule || bnd != rule) {
                disagreements.add("'" + id + "': table " + row.getValue() + ", rule " + rule + ", wrap " + wrap
                        + ", bnd " + bnd);
            }
        }
        assertEquals(List.of(), disagreements);
    }

    private static boolean wrapAccepts(String descriptor) {
        try {
            DescriptorParser.parse(DESCRIPTOR, descriptor);
            return true;
        } catch (DescriptorException e) {
            return false;
        }
    }

    /** Builds a bundle of a host library (so no binaries are needed) and says whether bnd reported no error. */
    private static boolean bndAccepts(String libraryHeader, String tenant) throws Exception {
        try (Builder builder = new Builder()) {
            builder.setProperty("Bundle-SymbolicName", "agreement.test");
            builder.setProperty("Bundle-Version", "1.0.0");
            builder.setProperty("NativeBundle-Library", libraryHeader);
            builder.setProperty("-nativebundle-symbols", "zlibVersion;signature=\"()string\"");
            if (tenant != null) {
                builder.setProperty("NativeBundle-Tenant", tenant);
            }
            builder.setProperty("-includeresource", "marker.txt;literal='agreement'");
            builder.addBasicPlugin(new NativeBundlePlugin());
            builder.build();
            return builder.getErrors().isEmpty();
        }
    }
}
