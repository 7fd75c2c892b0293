package io.nativebundle.maven;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Builds a Rust {@code cdylib} crate with {@code cargo build --release --offline} and puts the
 * library into {@code <outputDirectory>/linux/<this machine>/}, the layout the {@code prebuilt}
 * goal packs. Only this machine's platform is built: another one needs its rustup target and a
 * linker for it, which an offline build cannot fetch. {@code --offline} means the crate may have
 * no crates.io dependencies the machine has not already downloaded.
 *
 * <pre>{@code
 * <execution><goals><goal>cargo</goal><goal>prebuilt</goal></goals></execution>
 * }</pre>
 */
@Mojo(name = "cargo", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class CargoMojo extends AbstractMojo {

    /** {@code CARGO} names another cargo than the one on {@code PATH}. */
    static final String CARGO_VARIABLE = "CARGO";

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File basedir;

    /** The crate's manifest. */
    @Parameter(defaultValue = "${project.basedir}/src/main/rust/Cargo.toml")
    File manifest;

    /** The crate's library name ({@code [lib] name}): cargo writes {@code lib<library>.so}. */
    @Parameter(property = "nativebundle.library", defaultValue = "${project.artifactId}")
    String library;

    /** cargo's own output folder. */
    @Parameter(defaultValue = "${project.build.directory}/cargo")
    File targetDirectory;

    /** Where the library goes, in its platform folder: the {@code prebuilt} goal's input. */
    @Parameter(defaultValue = "${project.build.directory}/prebuilt")
    File outputDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (!manifest.isFile()) {
            throw new MojoFailureException("[nativebundle] no Cargo.toml at " + manifest + "; set <manifest>");
        }
        String cargo = cargo(System.getenv());
        TargetPlatform host = TargetPlatform.host();
        getLog().info("[nativebundle] cargo builds lib" + library + ".so for this machine only (" + host + ")");
        new Commands(getLog()).run("building " + manifest + " with cargo", List.of(cargo, "build", "--release",
                "--offline", "--manifest-path", manifest.getPath(), "--target-dir", targetDirectory.getPath()),
                basedir.toPath(), Map.of());
        Path built = targetDirectory.toPath().resolve("release").resolve("lib" + library + ".so");
        if (!Files.isRegularFile(built)) {
            throw new MojoFailureException("[nativebundle] cargo built no " + built + "; the crate must be a cdylib "
                    + "named " + library + ": [lib] name = \"" + library + "\", crate-type = [\"cdylib\"]");
        }
        Path to = outputDirectory.toPath().resolve(host.folder()).resolve(built.getFileName());
        OutputFiles.copy(built, to);
    }

    /** cargo on PATH or from {@code CARGO}; a clear error when there is none. */
    static String cargo(Map<String, String> environment) throws MojoFailureException {
        String configured = environment.get(CARGO_VARIABLE);
        String cargo = configured == null || configured.isBlank() ? "cargo" : configured.trim();
        if (!Toolchain.onPath(cargo, environment)) {
            throw new MojoFailureException("[nativebundle] cargo, which builds this module's Rust library, '" + cargo
                    + "', " + (cargo.contains("/") ? "does not exist or is not executable" : "was not found on PATH")
                    + ".\n[nativebundle]   Install it with:   apt-get update && apt-get install -y cargo   "
                    + "(Debian/Ubuntu), or from https://rustup.rs\n"
                    + "[nativebundle]   or point " + CARGO_VARIABLE + " at it");
        }
        return cargo;
    }
}
