package io.nativebundle.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Packs shared libraries that another build made (CMake, Make, cargo, a vendor) into the bundle:
 * every file of {@code <directory>/<os>/<arch>/} goes to {@code native/<os>/<arch>/}, where the
 * nativebundle bnd plugin checks it exactly as a compiled one. A library without the build note of
 * {@code nativebundle.h} also needs {@code NativeBundle-Prebuilt: <toolchain>;abi=<version>} in
 * {@code bnd.bnd}.
 *
 * <pre>
 * target/prebuilt/linux/x86-64/libhash.so   →   native/linux/x86-64/libhash.so
 * </pre>
 * Only the platforms present are packed, so {@code Bundle-NativeCode} lists exactly those.
 */
@Mojo(name = "prebuilt", defaultPhase = LifecyclePhase.PROCESS_RESOURCES, threadSafe = true)
public class PrebuiltMojo extends AbstractMojo {

    /** One folder per platform below it: {@code linux/x86-64}, {@code linux/aarch64}. */
    @Parameter(property = "nativebundle.prebuilt", defaultValue = "${project.build.directory}/prebuilt")
    File directory;

    /** Where the platform folders go: {@code native/} of the bundle's classes. */
    @Parameter(defaultValue = "${project.build.outputDirectory}/native")
    File outputDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Path from = directory.toPath();
        List<Path> files = files(from);
        if (files.isEmpty()) {
            throw new MojoFailureException("[nativebundle] no prebuilt libraries in " + from + "; expected one folder "
                    + "per platform holding the shared libraries, e.g. " + from.resolve("linux/x86-64/libfoo.so"));
        }
        for (Path file : files) {
            Path relative = from.relativize(file);
            String platform = relative.getParent().toString().replace(File.separatorChar, '/');
            try {
                TargetPlatform.parse(platform, System.getProperty("os.arch"));
            } catch (IllegalArgumentException e) {
                throw new MojoFailureException("[nativebundle] " + file + ": the folder " + platform + " is no platform "
                        + "this plugin packs; " + e.getMessage(), e);
            }
            Path to = outputDirectory.toPath().resolve(relative);
            OutputFiles.copy(file, to);
            getLog().info("[nativebundle] prebuilt " + relative.getFileName() + " for " + platform + ": " + to);
        }
    }

    /** The regular files exactly two levels below {@code from}; anything else there is an error. */
    private static List<Path> files(Path from) throws MojoExecutionException, MojoFailureException {
        if (!Files.isDirectory(from)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path path : (Iterable<Path>) walk.sorted()::iterator) {
                int depth = from.relativize(path).getNameCount();
                if (Files.isRegularFile(path) && depth != 3) {
                    throw new MojoFailureException("[nativebundle] " + path + " is not in a platform folder; put "
                            + "prebuilt libraries in " + from + "/<os>/<arch>/, e.g. linux/x86-64/");
                }
                if (Files.isRegularFile(path)) {
                    files.add(path);
                }
            }
        } catch (IOException e) {
            throw new MojoExecutionException("[nativebundle] cannot list " + from + ": " + e.getMessage(), e);
        }
        return files;
    }
}
