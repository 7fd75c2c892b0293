package io.nativebundle.maven;

import java.io.File;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes {@code nativebundle.h} into a folder, for a native build that is not this plugin's
 * (CMake, Make) but wants the build note of {@code NATIVEBUNDLE_LIBRARY}: point its include path
 * there. A library built that way needs no {@code NativeBundle-Prebuilt} declaration.
 *
 * <pre>
 * mvn nativebundle:header        # target/nativebundle/include/nativebundle.h
 * </pre>
 */
@Mojo(name = "header", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class HeaderMojo extends AbstractMojo {

    /** The folder to write {@code nativebundle.h} into. */
    @Parameter(property = "nativebundle.include", defaultValue = "${project.build.directory}/nativebundle/include")
    File directory;

    @Override
    public void execute() throws MojoExecutionException {
        getLog().info("[nativebundle] " + NativeHeader.writeTo(directory.toPath()).resolve(NativeHeader.FILE));
    }
}
