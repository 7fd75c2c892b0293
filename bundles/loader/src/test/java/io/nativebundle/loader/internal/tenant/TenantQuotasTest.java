package io.nativebundle.loader.internal.tenant;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import io.nativebundle.loader.internal.tenant.Fakes.FakeBundle;

public class TenantQuotasTest {

    private static final String LIB = "native/linux/x86-64/libmath.so";
    private static final String DEP = "native/linux/x86-64/libdep.so";

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private static TenantQuotas quotas(Map<String, String> properties) {
        return new TenantQuotas(new QuotaSettings(properties::get));
    }

    private FakeBundle nativeBundle(long id, int... sizes) throws Exception {
        FakeBundle bundle = new FakeBundle(id, "test:" + id, "acme");
        String[] names = {LIB, DEP};
        for (int i = 0; i < sizes.length; i++) {
            Path file = temp.newFile().toPath();
            Files.write(file, new byte[sizes[i]]);
            bundle.entries.put(names[i], file.toUri().toURL());
        }
        return bundle;
    }

    @Test
    public void readsTheTenantsOwnLimitsThenTheDefaults() throws Exception {
        QuotaSettings settings = new QuotaSettings(Map.of(
                "io.nativebundle.tenant.acme.max-libraries", "2",
                "io.nativebundle.tenant.acme.max-bytes", "64m",
                "io.nativebundle.tenant.default-max-libraries", "10",
                "io.nativebundle.tenant.default-max-bytes", "1g",
                "io.nativebundle.tenant.initech.max-bytes", "unlimited")::get);
        TenantLimits acme = settings.limitsOf("acme");
        assertEquals(OptionalLong.of(2), acme.maxLibraries());
        assertEquals(OptionalLong.of(64L << 20), acme.maxBytes());
        assertEquals("io.nativebundle.tenant.acme.max-libraries", acme.librariesKey());

        TenantLimits globex = settings.limitsOf("globex");
        assertEquals(OptionalLong.of(10), globex.maxLibraries());
        assertEquals(OptionalLong.of(1L << 30), globex.maxBytes());
        assertEquals("io.nativebundle.tenant.default-max-bytes", globex.bytesKey());

        assertEquals(OptionalLong.empty(), settings.limitsOf("initech").maxBytes());
        assertTrue(new QuotaSettings(Map.<String, String>of()::get).limitsOf("acme").unlimited());
    }

    @Test
    public void parsesSizes() {
        assertEquals(1000, QuotaSettings.parseSize("1000"));
        assertEquals(512 * 1024, QuotaSettings.parseSize("512k"));
        assertEquals(3L << 20, QuotaSettings.parseSize(" 3M "));
        assertEquals(2L << 30, QuotaSettings.parseSize("2g"));
    }

    @Test
    public void aLimitThatDoesNotParseRefusesInsteadOfLiftingTheLimit() {
        QuotaSettings settings = new QuotaSettings(Map.of("io.nativebundle.tenant.acme.max-bytes", "12x",
                "io.nativebundle.tenant.acme.max-libraries", "-1")::get);
        TenantRefusal refusal = assertThrows(TenantRefusal.class, () -> settings.limitsOf("acme"));
        assertTrue(refusal.getMessage(), refusal.getMessage().contains("io.nativebundle.tenant.acme.max-libraries=-1"));
        QuotaSettings bytes = new QuotaSettings(Map.of("io.nativebundle.tenant.acme.max-bytes", "12x")::get);
        refusal = assertThrows(TenantRefusal.class, () -> bytes.limitsOf("acme"));
        assertTrue(refusal.getMessage(), refusal.getMessage().contains("io.nativebundle.tenant.acme.max-bytes=12x is not valid"));
    }

    @Test
    public void refusesTheLibraryPastTheLibraryLimitAndAdmitsItAgainOnceOneIsReleased() throws Exception {
        TenantQuotas quotas = quotas(Map.of("io.nativebundle.tenant.acme.max-libraries", "1"));
        FakeBundle first = nativeBundle(10, 100);
        FakeBundle second = nativeBundle(11, 100);
        quotas.reserve("acme", first.bundle, List.of(LIB), 1);

        TenantRefusal refusal = assertThrows(TenantRefusal.class,
                () -> quotas.reserve("acme", second.bundle, List.of(LIB), 2));
        assertEquals("tenant 'acme' is at its quota of native libraries: limit 1 (io.nativebundle.tenant.acme.max-libraries),"
                + " in use 1 by test.bundle10 0.0.0 [10]; stop one of them, or raise the limit", refusal.getMessage());

        quotas.reserve("globex", second.bundle, List.of(LIB), 3); // other tenants are not counted
        quotas.release(1);
        quotas.release(1);
        quotas.reserve("acme", second.bundle, List.of(LIB), 4);
        assertEquals(1, quotas.usageOf("acme").libraries());
    }

    @Test
    public void countsTheBytesOfEveryFileOfTheSelectedClause() throws Exception {
        TenantQuotas quotas = quotas(Map.of("io.nativebundle.tenant.default-max-bytes", "1k"));
        FakeBundle first = nativeBundle(10, 300, 200);
        FakeBundle second = nativeBundle(11, 600);
        quotas.reserve("acme", first.bundle, List.of(LIB, DEP), 1);
        assertEquals(500, quotas.usageOf("acme").bytes());

        TenantRefusal refusal = assertThrows(TenantRefusal.class,
                () -> quotas.reserve("acme", second.bundle, List.of(LIB), 2));
        assertEquals("tenant 'acme' would pass its quota of native bytes: limit 1024 bytes"
                + " (io.nativebundle.tenant.default-max-bytes), in use 500 bytes by test.bundle10 0.0.0 [10],"
                + " and this library needs 600 bytes [" + LIB + "]", refusal.getMessage());
        assertEquals(1, quotas.usageOf("acme").libraries());
    }

    @Test
    public void aNewGenerationOfTheSameBundleIsNotRefusedByItsPredecessor() throws Exception {
        TenantQuotas quotas = quotas(Map.of("io.nativebundle.tenant.acme.max-libraries", "1"));
        FakeBundle bundle = nativeBundle(10, 100);
        quotas.reserve("acme", bundle.bundle, List.of(LIB), 1);
        quotas.reserve("acme", bundle.bundle, List.of(LIB), 2);
        quotas.release(1);
        assertEquals(1, quotas.usageOf("acme").libraries());
    }

    @Test
    public void tenantsAdmitsRuntimeBundlesWithoutQuotaAndRefusesInvalidTenants() throws Exception {
        BundleTenants bundles = new BundleTenants(new TenantResolver(new PluginFolder("/srv/plugins")));
        Tenants tenants = new Tenants(bundles, quotas(Map.of("io.nativebundle.tenant.default-max-libraries", "0")),
                new TenantPolicies(key -> null));

        assertEquals("default", tenants.admit(new FakeBundle(3, "file:/opt/bundle/zlib.jar", null).bundle, List.of(LIB), 1));
        TenantRefusal quota = assertThrows(TenantRefusal.class,
                () -> tenants.admit(new FakeBundle(4, "file:/srv/plugins/calc.jar", null).bundle, List.of(LIB), 2));
        assertTrue(quota.getMessage(), quota.getMessage().startsWith("tenant 'default' is at its quota"));
        TenantRefusal invalid = assertThrows(TenantRefusal.class,
                () -> tenants.admit(new FakeBundle(5, "file:/srv/plugins/acme/x.jar", "globex").bundle, List.of(LIB), 3));
        assertTrue(invalid.getMessage(), invalid.getMessage().startsWith("the bundle has no valid tenant: its header"
                + " NativeBundle-Tenant: globex contradicts its folder plugins/acme/"));
    }
}
