package io.nativebundle.loader.internal.tenant;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import io.nativebundle.loader.internal.tenant.BundleTenant.Kind;

public class TenantResolverTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private TenantResolver resolver(Path plugins) {
        return new TenantResolver(new PluginFolder(plugins.toString()));
    }

    private static String uri(Path file) {
        return file.toUri().normalize().toString(); // what FileInstall uses as the location
    }

    @Test
    public void theSubFolderOfThePluginsFolderNamesTheTenant() throws Exception {
        Path plugins = temp.newFolder("plugins").toPath();
        TenantResolver resolver = resolver(plugins);

        BundleTenant acme = resolver.resolve(5, uri(plugins.resolve("acme/math.jar")), null);
        assertEquals(Kind.PLUGIN, acme.kind());
        assertEquals("acme", acme.tenant());
        assertEquals("deployed in plugins/acme/", acme.detail());

        assertEquals("acme", resolver.resolve(5, uri(plugins.resolve("acme/billing/v2/math.jar")), null).tenant());
        assertEquals("acme", resolver.resolve(5, uri(plugins.resolve("acme/math.jar")), " acme ").tenant());
        assertEquals("acme", resolver.resolve(5, plugins.resolve("acme/math.jar").toString(), null).tenant());
    }

    @Test
    public void aBundleDirectlyInThePluginsFolderIsADefaultPluginUnlessItsHeaderSaysOtherwise() throws Exception {
        Path plugins = temp.newFolder("plugins").toPath();
        BundleTenant top = resolver(plugins).resolve(5, uri(plugins.resolve("math.jar")), null);
        assertEquals(Kind.PLUGIN, top.kind());
        assertEquals("default", top.tenant());

        BundleTenant declared = resolver(plugins).resolve(5, uri(plugins.resolve("math.jar")), "globex");
        assertEquals(Kind.PLUGIN, declared.kind());
        assertEquals("globex", declared.tenant());
    }

    @Test
    public void outsideThePluginsFolderTheHeaderDecidesAndWithoutOneTheBundleIsPartOfTheRuntime() throws Exception {
        Path plugins = temp.newFolder("plugins").toPath();
        TenantResolver resolver = resolver(plugins);
        Path core = temp.newFolder("bundle").toPath().resolve("org.apache.felix.scr.jar");

        assertEquals(BundleTenant.RUNTIME, resolver.resolve(3, uri(core), null));
        assertEquals(BundleTenant.RUNTIME, resolver.resolve(3, "mvn:org.apache.felix/org.apache.felix.scr/2.2.12", null));
        assertEquals(BundleTenant.RUNTIME, resolver.resolve(0, "System Bundle", "acme"));
        // a sibling folder whose name starts like the plugins folder is outside it
        assertEquals(BundleTenant.RUNTIME, resolver.resolve(3, uri(temp.getRoot().toPath().resolve("plugins-old/acme/x.jar")), null));

        BundleTenant declared = resolver.resolve(7, "test:globex-math", "globex");
        assertEquals(Kind.PLUGIN, declared.kind());
        assertEquals("globex", declared.tenant());
        assertEquals("header NativeBundle-Tenant", declared.detail());
    }

    @Test
    public void withoutAPluginsFolderOnlyTheHeaderCounts() {
        TenantResolver resolver = new TenantResolver(new PluginFolder(null));
        assertEquals(BundleTenant.RUNTIME, resolver.resolve(3, "file:/srv/plugins/acme/x.jar", null));
        assertEquals("acme", resolver.resolve(3, "file:/srv/plugins/globex/x.jar", "acme").tenant());
    }

    @Test
    public void aHeaderThatContradictsTheFolderMakesTheBundleInvalid() throws Exception {
        Path plugins = temp.newFolder("plugins").toPath();
        BundleTenant t = resolver(plugins).resolve(5, uri(plugins.resolve("acme/impostor.jar")), "globex");
        assertEquals(Kind.INVALID, t.kind());
        assertEquals("its header NativeBundle-Tenant: globex contradicts its folder plugins/acme/ (tenant 'acme');"
                + " remove the header or deploy the bundle in the folder of its tenant", t.detail());
    }

    @Test
    public void anInvalidIdInTheFolderOrTheHeaderMakesTheBundleInvalid() throws Exception {
        Path plugins = temp.newFolder("plugins").toPath();
        TenantResolver resolver = resolver(plugins);

        BundleTenant folder = resolver.resolve(5, uri(plugins.resolve("Acme_Corp/math.jar")), null);
        assertEquals(Kind.INVALID, folder.kind());
        assertTrue(folder.detail(), folder.detail().startsWith("it is deployed in plugins/Acme_Corp/ but the folder name"
                + " is not a valid tenant id: tenant id 'Acme_Corp' contains 'A'"));

        BundleTenant header = resolver.resolve(5, "test:x", "ACME!");
        assertEquals(Kind.INVALID, header.kind());
        assertTrue(header.detail(), header.detail().startsWith("its header NativeBundle-Tenant: ACME! is invalid"));

        assertEquals(Kind.INVALID, resolver.resolve(5, "test:x", "").kind());
        assertEquals(Kind.INVALID, resolver.resolve(5, uri(plugins.resolve("math.jar")), "-acme").kind());
    }

    @Test
    public void aPluginsFolderReachedThroughASymbolicLinkStillNamesTheTenant() throws Exception {
        Path real = temp.newFolder("real-plugins").toPath();
        Files.createDirectories(real.resolve("acme"));
        Path jar = Files.createFile(real.resolve("acme/math.jar"));
        Path link = Files.createSymbolicLink(temp.getRoot().toPath().resolve("plugins"), real);

        assertEquals("acme", resolver(link).resolve(5, uri(jar), null).tenant());
        assertEquals("acme", resolver(real).resolve(5, uri(link.resolve("acme/math.jar")), null).tenant());
    }

    @Test
    public void aRelativePluginsFolderIsReadAgainstTheWorkingDirectoryLikeFileInstallDoes() {
        TenantResolver resolver = new TenantResolver(new PluginFolder("plugins"));
        Path jar = Path.of("plugins", "acme", "math.jar").toAbsolutePath();
        assertEquals("acme", resolver.resolve(5, jar.toUri().toString(), null).tenant());
    }
}
