package io.nativebundle.definition;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;

import io.nativebundle.definition.CoreBundle.Role;

public class RuntimeDefinitionTest {

    @Test
    public void theCoreBundlesAreFilledInAndUnique() {
        List<CoreBundle> bundles = RuntimeDefinition.coreBundles();
        Set<String> keys = new HashSet<>();
        for (CoreBundle b : bundles) {
            assertTrue(b + " has a filled-in version", b.version().matches("[0-9][0-9A-Za-z.\\-]*"));
            assertTrue(b + " is listed once", keys.add(b.groupId() + ":" + b.artifactId()));
        }
        assertEquals("FileInstall starts last", "org.apache.felix.fileinstall", bundles.get(bundles.size() - 1).artifactId());
        assertTrue(bundles.stream().anyMatch(b -> b.artifactId().equals("loader") && b.role() == Role.CORE));
    }

    @Test
    public void aRoleSelectsItsBundlesInStartOrder() {
        List<String> core = RuntimeDefinition.coreBundles(Role.CORE).stream().map(CoreBundle::artifactId).toList();
        assertFalse(core.contains("org.apache.felix.gogo.shell"));
        assertFalse(core.contains("org.apache.felix.fileinstall"));
        assertTrue(core.indexOf("jnr") < core.indexOf("jnr-ffi"));
        assertTrue(core.indexOf("api") < core.indexOf("loader"));
        List<CoreBundle> notOptional = RuntimeDefinition.coreBundles().stream().filter(b -> !b.role().optional())
                .toList();
        assertEquals(notOptional, RuntimeDefinition.coreBundles(new Role[0]));
    }

    @Test
    public void theRemoteRoleIsTakenOnlyWhenNamed() {
        assertTrue(Role.REMOTE.optional());
        assertTrue(RuntimeDefinition.coreBundles().stream().anyMatch(b -> b.role() == Role.REMOTE));
        assertTrue(RuntimeDefinition.coreBundles(new Role[0]).stream().noneMatch(b -> b.role() == Role.REMOTE));
        List<String> remote = RuntimeDefinition.coreBundles(Role.REMOTE).stream().map(CoreBundle::artifactId).toList();
        assertEquals(List.of("slf4j-api", "slf4j-simple", "org.apache.aries.rsa.spi", "org.apache.aries.rsa.core",
                "org.apache.aries.rsa.topology-manager", "org.apache.aries.rsa.provider.tcp",
                "org.apache.aries.rsa.discovery.config"), remote);
        assertEquals("1.16.1", RuntimeDefinition.coreBundle("org.apache.aries.rsa.core").version());
    }

    @Test
    public void theServicesAContainerBringsItselfAreOutsideTheCoreRole() {
        // the Karaf feature lists the core role only and takes these from Karaf's own features
        List<String> services = RuntimeDefinition.coreBundles(Role.SERVICES).stream().map(CoreBundle::artifactId).toList();
        assertEquals(List.of("org.osgi.util.function", "org.osgi.util.promise", "org.apache.felix.gogo.runtime",
                "org.apache.felix.configadmin", "org.apache.felix.eventadmin", "org.osgi.service.component",
                "org.apache.felix.scr"), services);
        List<String> core = RuntimeDefinition.coreBundles(Role.CORE).stream().map(CoreBundle::artifactId).toList();
        assertEquals(List.of("asm", "asm-commons", "asm-analysis", "asm-tree", "asm-util", "jnr", "jnr-ffi", "binary",
                "api", "loader"), core);
    }

    @Test
    public void theFfmFragmentIsARoleOfItsOwnAfterTheLoaderSoKarafsCoreRoleLeavesItOut() {
        assertFalse(Role.FFM.optional());
        assertEquals(List.of("ffm"), RuntimeDefinition.coreBundles(Role.FFM).stream().map(CoreBundle::artifactId).toList());
        List<String> all = RuntimeDefinition.coreBundles().stream().map(CoreBundle::artifactId).toList();
        assertTrue("installed with the loader, before FileInstall", all.indexOf("loader") < all.indexOf("ffm")
                && all.indexOf("ffm") < all.indexOf("org.apache.felix.fileinstall"));
    }

    @Test
    public void oneCoreBundleIsFoundByItsArtifactId() {
        assertEquals(Role.CORE, RuntimeDefinition.coreBundle("loader").role());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RuntimeDefinition.coreBundle("gogo"));
        assertTrue(e.getMessage(), e.getMessage().startsWith("the runtime has no core bundle 'gogo'; it has ["));
        assertTrue(e.getMessage(), e.getMessage().contains("org.apache.felix.gogo.runtime"));
    }

    @Test
    public void aBundleNamesItsFileFlatAndInARepository() {
        CoreBundle scr = new CoreBundle("org.apache.felix", "org.apache.felix.scr", "2.2.12", Role.SERVICES);
        assertEquals("org.apache.felix.scr-2.2.12.jar", scr.fileName());
        assertEquals("org/apache/felix/org.apache.felix.scr/2.2.12/org.apache.felix.scr-2.2.12.jar", scr.repositoryPath());
    }

    @Test
    public void theFrameworkPropertiesLeaveTheAbiToTheLoader() {
        Map<String, String> p = RuntimeDefinition.frameworkProperties();
        // the loader bundle provides io.nativebundle.abi in any framework: no launcher-only capability
        assertFalse(p.containsKey("org.osgi.framework.system.capabilities.extra"));
        assertEquals("aarch64,arm64", p.get("felix.native.processor.alias.aarch64"));
    }

    @Test
    public void aBadLineIsNamedWithItsNumber() {
        assertEquals("core-bundles.list:2: expected <groupId>:<artifactId>:<version> <role>, found 'org.example:a core'",
                assertThrows(IllegalArgumentException.class,
                        () -> RuntimeDefinition.parse("# c\norg.example:a core\n")).getMessage());
        assertEquals("core-bundles.list:1: unknown role 'kernel'; expected one of core, services, gogo-console, gogo-jline, "
                + "gogo-commands, native-commands, wrap, plugins-folder, ffm, remote", assertThrows(IllegalArgumentException.class,
                        () -> RuntimeDefinition.parse("g:a:1 kernel")).getMessage());
        assertEquals(List.of(new CoreBundle("g", "a", "1.0", Role.WRAP)), RuntimeDefinition.parse("g:a:1.0 wrap # x\n\n"));
    }
}
