package io.nativebundle.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.model.Dependency;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

import io.nativebundle.definition.CoreBundle;
import io.nativebundle.definition.RuntimeDefinition;

/**
 * Resolves the core bundles of the nativebundle runtime by their Maven coordinates (from the
 * runtime definition, the one list every host uses) and copies them into one folder, with
 * {@code bundles.list} naming the files in start order, as the launcher's {@code bundle/} folder
 * has it. The launcher's distribution, the itests, the benchmarks and the test kit of plugin
 * authors install from such a folder.
 *
 * <pre>{@code
 * <execution>
 *     <goals><goal>runtime-bundles</goal></goals>
 *     <configuration><roles><role>core</role></roles></configuration>
 * </execution>
 * }</pre>
 */
@Mojo(name = "runtime-bundles", defaultPhase = LifecyclePhase.GENERATE_TEST_RESOURCES, threadSafe = true)
public class RuntimeBundlesMojo extends AbstractMojo {

    /** The file that names the bundles of the folder in start order, one a line. */
    static final String LIST = "bundles.list";

    @Component
    RepositorySystem repositorySystem;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
    RepositorySystemSession session;

    @Parameter(defaultValue = "${project.remoteProjectRepositories}", readonly = true, required = true)
    List<RemoteRepository> repositories;

    @Parameter(defaultValue = "${project.dependencies}", readonly = true, required = true)
    List<Dependency> dependencies;

    /** The folder to fill. */
    @Parameter(defaultValue = "${project.build.directory}/nativebundle-runtime")
    File outputDirectory;

    /**
     * The roles to copy ({@code core}, {@code services}, {@code gogo-console}, {@code gogo-jline},
     * {@code gogo-commands}, {@code native-commands}, {@code wrap}, {@code plugins-folder}, {@code ffm}, {@code remote}); all
     * but the optional {@code remote} when empty.
     */
    @Parameter
    List<String> roles;

    /**
     * Copy into a Maven repository layout ({@code groupId/as/folders/artifactId/version/file}), for a
     * container that resolves {@code mvn:} URLs from a folder, such as Karaf offline; a flat folder
     * otherwise, as the launcher's {@code bundle/}.
     */
    @Parameter(defaultValue = "false")
    boolean repositoryLayout;

    /**
     * {@code groupId:artifactId}: do the work only in projects that declare this dependency, e.g.
     * the test kit, so a parent can bind the goal for every module and only the tested ones pay.
     */
    @Parameter
    String onlyWith;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (onlyWith != null && !onlyWith.isBlank() && dependencies.stream()
                .noneMatch(d -> (d.getGroupId() + ":" + d.getArtifactId()).equals(onlyWith.trim()))) {
            getLog().debug("[nativebundle] runtime-bundles skipped: the project does not depend on " + onlyWith);
            return;
        }
        List<CoreBundle> bundles = RuntimeDefinition.coreBundles(RuntimeRoles.parse("runtime-bundles", roles));
        Path folder = outputDirectory.toPath();
        List<String> names = new ArrayList<>();
        try {
            Files.createDirectories(folder);
            for (CoreBundle bundle : bundles) {
                String name = repositoryLayout ? bundle.repositoryPath() : bundle.fileName();
                OutputFiles.copy(resolve(bundle), folder.resolve(name));
                names.add(name);
            }
            List<String> list = new ArrayList<>(List.of(
                    "# The core bundles of this runtime, installed and started in this order; written by",
                    "# nativebundle-maven-plugin:runtime-bundles from the runtime definition."));
            list.addAll(names);
            Files.write(folder.resolve(LIST), list);
        } catch (IOException e) {
            throw new MojoExecutionException("[nativebundle] cannot fill " + folder + ": " + e.getMessage(), e);
        }
        getLog().info("[nativebundle] " + names.size() + " runtime bundles in " + folder);
    }

    private Path resolve(CoreBundle bundle) throws MojoExecutionException {
        ArtifactRequest request = new ArtifactRequest(new DefaultArtifact(bundle.groupId(), bundle.artifactId(), "jar",
                bundle.version()), repositories, null);
        try {
            return repositorySystem.resolveArtifact(session, request).getArtifact().getFile().toPath();
        } catch (ArtifactResolutionException e) {
            throw new MojoExecutionException("[nativebundle] cannot resolve the runtime bundle " + bundle.coordinates()
                    + ": " + e.getMessage(), e);
        }
    }
}
