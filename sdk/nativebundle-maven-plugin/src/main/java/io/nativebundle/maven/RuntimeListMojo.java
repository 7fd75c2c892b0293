package io.nativebundle.maven;

import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import io.nativebundle.definition.CoreBundle;
import io.nativebundle.definition.RuntimeDefinition;

/**
 * Sets a project property to the runtime's core bundles of the given roles (from the runtime
 * definition, the one list every host uses), one line each in a format of your choice, for
 * resource filtering to put into a file another container reads: e.g. the bundles of a Karaf
 * feature.
 *
 * <pre>{@code
 * <execution>
 *     <goals><goal>runtime-list</goal></goals>
 *     <configuration>
 *         <property>nativebundle.karaf.bundles</property>
 *         <roles><role>core</role><role>wrap</role></roles>
 *         <format><![CDATA[<bundle>mvn:{groupId}/{artifactId}/{version}</bundle>]]></format>
 *     </configuration>
 * </execution>
 * }</pre>
 */
@Mojo(name = "runtime-list", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
public class RuntimeListMojo extends AbstractMojo {

    /** The properties of the project, where filtering finds the list. */
    @Parameter(defaultValue = "${project.properties}", readonly = true, required = true)
    Properties projectProperties;

    /** The property to set. */
    @Parameter(required = true)
    String property;

    /** The roles to list (as for {@code runtime-bundles}); all but the optional {@code remote} when empty. */
    @Parameter
    List<String> roles;

    /**
     * One line per bundle: {@code {groupId}}, {@code {artifactId}}, {@code {version}},
     * {@code {role}} and {@code {fileName}} are replaced by the bundle's.
     */
    @Parameter(defaultValue = "{groupId}:{artifactId}:{version}")
    String format;

    /** Spaces before every line but the first, which takes the indentation of the placeholder. */
    @Parameter(defaultValue = "0")
    int indent;

    @Override
    public void execute() throws MojoFailureException {
        List<CoreBundle> bundles = RuntimeDefinition.coreBundles(RuntimeRoles.parse("runtime-list", roles));
        String value = bundles.stream().map(this::line).collect(Collectors.joining("\n" + " ".repeat(indent)));
        projectProperties.setProperty(property, value);
        getLog().debug("[nativebundle] " + property + " = " + value);
    }

    private String line(CoreBundle bundle) {
        return format.replace("{groupId}", bundle.groupId())
                .replace("{artifactId}", bundle.artifactId())
                .replace("{version}", bundle.version())
                .replace("{role}", bundle.role().label())
                .replace("{fileName}", bundle.fileName());
    }
}
