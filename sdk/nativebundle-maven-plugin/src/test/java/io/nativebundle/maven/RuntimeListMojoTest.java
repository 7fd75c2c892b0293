package io.nativebundle.maven;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Properties;

import org.apache.maven.plugin.MojoFailureException;
import org.junit.Test;

import io.nativebundle.definition.CoreBundle;
import io.nativebundle.definition.CoreBundle.Role;
import io.nativebundle.definition.RuntimeDefinition;

public class RuntimeListMojoTest {

    private final RuntimeListMojo mojo = new RuntimeListMojo();

    @Test
    public void listsTheBundlesOfTheRolesInStartOrderInTheGivenFormat() throws Exception {
        mojo.projectProperties = new Properties();
        mojo.property = "bundles";
        mojo.roles = List.of("core", " wrap ");
        mojo.format = "<bundle>mvn:{groupId}/{artifactId}/{version}</bundle>";
        mojo.indent = 4;
        mojo.execute();

        List<CoreBundle> expected = RuntimeDefinition.coreBundles(Role.CORE, Role.WRAP);
        String[] lines = mojo.projectProperties.getProperty("bundles").split("\n", -1);
        assertEquals(expected.size(), lines.length);
        for (int i = 0; i < lines.length; i++) {
            CoreBundle b = expected.get(i);
            assertEquals((i == 0 ? "" : "    ") + "<bundle>mvn:" + b.groupId() + "/" + b.artifactId() + "/" + b.version()
                    + "</bundle>", lines[i]);
        }
        assertTrue(lines[lines.length - 1], lines[lines.length - 1].contains("mvn:io.nativebundle/wrap/"));
    }

    @Test
    public void everyPlaceholderIsFilledIn() throws Exception {
        mojo.projectProperties = new Properties();
        mojo.property = "p";
        mojo.roles = List.of("plugins-folder");
        mojo.format = "{groupId} {artifactId} {version} {role} {fileName}";
        mojo.execute();

        CoreBundle b = RuntimeDefinition.coreBundles(Role.PLUGINS_FOLDER).get(0);
        assertEquals(b.groupId() + " " + b.artifactId() + " " + b.version() + " plugins-folder " + b.fileName(),
                mojo.projectProperties.getProperty("p"));
    }

    @Test
    public void anUnknownRoleFailsNamingTheKnownOnes() {
        mojo.projectProperties = new Properties();
        mojo.property = "p";
        mojo.roles = List.of("karaf");
        mojo.format = "{artifactId}";
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage(), e.getMessage().startsWith("[nativebundle] runtime-list: unknown role 'karaf';"
                + " expected one of core, services, gogo-console"));
        assertEquals(null, mojo.projectProperties.getProperty("p"));
    }
}
