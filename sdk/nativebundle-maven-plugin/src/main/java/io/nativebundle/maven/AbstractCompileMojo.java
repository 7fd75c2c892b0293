package io.nativebundle.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What {@code compile} and {@code test-compile} share: for each library, in order, and each of
 * its targets, run the compiler with {@code nativebundle.h} on the include path and write
 * {@code <outputDirectory>/<folder>/lib<name>.so}.
 */
abstract class AbstractCompileMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File basedir;

    @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
    File buildDirectory;

    /**
     * The platforms to build for: {@code linux/x86-64}, {@code linux/aarch64}, or {@code host} for
     * this machine. {@code -Dnativebundle.targets=host} builds without a cross compiler.
     */
    @Parameter(property = "nativebundle.targets", defaultValue = TargetPlatform.DEFAULTS)
    List<String> targets;

    /**
     * The output sub-folder of each platform, with {@code {os}} and {@code {arch}}: the jar layout
     * {@code {os}/{arch}} by default, {@code {arch}} or {@code .} for test libraries.
     */
    @Parameter(defaultValue = Library.DEFAULT_FOLDER)
    String folder;

    /** The libraries to build, in order; see {@link Library}. */
    @Parameter
    List<Library> libraries;

    /** The output of each library goes to {@code <outputDirectory>/<folder>/lib<name>.so}. */
    abstract File outputDirectory();

    /** Whether the native-bundle rules apply (hidden visibility, no undefined references). */
    abstract boolean bundleRules();

    /** The libraries to build when none are configured; empty if that is an error. */
    abstract List<Library> defaultLibraries();

    /** Whether to do nothing, and why, for the log; {@code null} to build. */
    abstract String skipReason();

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        String skip = skipReason();
        if (skip != null) {
            getLog().info("[nativebundle] skipped: " + skip);
            return;
        }
        Path build = buildDirectory.toPath();
        Path include = NativeHeader.writeTo(build.resolve("nativebundle").resolve("include"));
        Toolchain toolchain = new Toolchain(System.getenv());
        CompileCommands commands = new CompileCommands(toolchain, bundleRules());
        Commands runner = new Commands(getLog());
        List<Library> list = libraries == null || libraries.isEmpty() ? defaultLibraries() : libraries;
        if (list.isEmpty()) {
            throw new MojoFailureException("[nativebundle] no libraries to build; configure <libraries>");
        }
        for (Library library : list) {
            if (library.getName() == null || library.getName().isBlank()) {
                throw new MojoFailureException("[nativebundle] a <library> has no <name>; the name makes the file "
                        + "lib<name>.so");
            }
            List<Path> sources = Sources.expand(basedir.toPath(), library.getSources(), library.fileName());
            for (TargetPlatform target : targets(library)) {
                Path out = outputDirectory().toPath().resolve(library.folder(target, folder)).resolve(library.fileName())
                        .normalize();
                Path objects = build.resolve("nativebundle").resolve("obj").resolve(library.getName())
                        .resolve(library.folder(target, folder).replace('/', '-'));
                mkdirs(out.getParent());
                mkdirs(objects);
                requireStaticLibraries(library, target, sources, toolchain, runner);
                for (List<String> command : commands.commands(target, sources, library.getOptions(), include, out,
                        objects, library.isExecutable(), library.getStaticLibraries())) {
                    runner.run("compiling " + library.fileName() + " for " + target, command, basedir.toPath(),
                            Map.of());
                }
                if (library.isDigest()) {
                    Digests.write(out);
                }
                getLog().info("[nativebundle] " + library.fileName() + " for " + target + ": " + out);
            }
        }
    }

    /** Fails before compiling when the target's compiler cannot find a library to link statically. */
    private void requireStaticLibraries(Library library, TargetPlatform target, List<Path> sources, Toolchain toolchain,
            Commands runner) throws MojoFailureException {
        if (library.getStaticLibraries().isEmpty()) {
            return;
        }
        boolean onlyCxx = sources.stream().allMatch(s -> Language.of(s).orElseThrow() == Language.CXX);
        String compiler = toolchain.compiler(onlyCxx ? Language.CXX : Language.C, target);
        for (String name : library.getStaticLibraries()) {
            String found = runner.output(List.of(compiler, "-print-file-name=lib" + name + ".a"), basedir.toPath());
            Toolchain.requireStaticLibrary(name, target, compiler, found);
        }
    }

    private Set<TargetPlatform> targets(Library library) throws MojoFailureException {
        List<String> specs = library.getTargets().isEmpty() ? targets : library.getTargets();
        Set<TargetPlatform> parsed = new LinkedHashSet<>();
        List<String> errors = new ArrayList<>();
        for (String spec : specs) {
            try {
                parsed.add(TargetPlatform.parse(spec, System.getProperty("os.arch")));
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage());
            }
        }
        if (!errors.isEmpty() || parsed.isEmpty()) {
            throw new MojoFailureException("[nativebundle] " + library.fileName() + ": "
                    + (errors.isEmpty() ? "no targets" : String.join("; ", errors)));
        }
        return parsed;
    }

    private static void mkdirs(Path dir) throws MojoExecutionException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new MojoExecutionException("[nativebundle] cannot create " + dir + ": " + e.getMessage(), e);
        }
    }
}
