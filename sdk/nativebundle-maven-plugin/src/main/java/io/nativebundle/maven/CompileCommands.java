package io.nativebundle.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.apache.maven.plugin.MojoFailureException;

/**
 * The command lines that build one library for one target. A library of one language is one
 * command, as a person would type it; a library that mixes C and C++ compiles each file with its
 * own compiler and links with {@code g++}, so the C++ runtime comes along.
 *
 * <p>Every library gets {@code -shared -fPIC -O2 -g0 -Wall -Wextra -Werror} (warnings stay
 * errors, so the sources stay warning-free), the language standard ({@code -std=c11},
 * {@code -std=c++17}) unless an option names one, {@code nativebundle.h} on the include path and
 * its own output folder on the library path. A native bundle's library also gets the
 * {@link #BUNDLE_COMPILE bundle rules}. An executable is linked without {@code -shared}; libraries
 * named to be linked statically are wrapped in {@code -Wl,-Bstatic ... -Wl,-Bdynamic}.
 */
final class CompileCommands {

    static final List<String> BASE = List.of("-fPIC", "-O2", "-g0", "-Wall", "-Wextra", "-Werror");
    /**
     * Only {@code NATIVEBUNDLE_EXPORT} symbols are exported, so the symbol table says what is API;
     * {@code _DEFAULT_SOURCE} keeps the POSIX functions of glibc visible under {@code -std=c11}.
     */
    static final List<String> BUNDLE_COMPILE = List.of("-fvisibility=hidden", "-D_DEFAULT_SOURCE");
    /** An undefined reference fails the build, not the first {@code dlopen}. */
    static final List<String> BUNDLE_LINK = List.of("-Wl,--no-undefined");

    private final Toolchain toolchain;
    private final boolean bundleRules;

    /**
     * @param bundleRules whether the library is a native bundle's ({@code compile} goal) rather than
     *                    a test fixture ({@code test-compile}, which sets its own visibility)
     */
    CompileCommands(Toolchain toolchain, boolean bundleRules) {
        this.toolchain = toolchain;
        this.bundleRules = bundleRules;
    }

    /** Whether an option belongs to the link step only: libraries, library paths, linker flags. */
    static boolean linkOnly(String option) {
        return option.startsWith("-l") || option.startsWith("-L") || option.startsWith("-Wl,");
    }

    /**
     * @param sources the library's files (C, C++ or both)
     * @param options the library's extra options
     * @param include the folder holding {@code nativebundle.h}
     * @param out     the library file to write
     * @param objects a folder for object files, used when C and C++ are mixed
     */
    List<List<String>> commands(TargetPlatform target, List<Path> sources, List<String> options, Path include, Path out,
            Path objects) throws MojoFailureException {
        return commands(target, sources, options, include, out, objects, false, List.of());
    }

    /**
     * @param executable      whether to link a program rather than a shared library
     * @param staticLibraries names of libraries to link statically, e.g. {@code ffi} for {@code libffi.a}
     */
    List<List<String>> commands(TargetPlatform target, List<Path> sources, List<String> options, Path include, Path out,
            Path objects, boolean executable, List<String> staticLibraries) throws MojoFailureException {
        Set<Language> languages = EnumSet.noneOf(Language.class);
        for (Path source : sources) {
            languages.add(Language.of(source).orElseThrow());
        }
        List<String> compileOptions = options.stream().filter(o -> !linkOnly(o)).toList();
        List<String> linkOptions = new ArrayList<>();
        linkOptions.add("-L" + out.getParent());
        options.stream().filter(CompileCommands::linkOnly).forEach(linkOptions::add);
        if (!staticLibraries.isEmpty()) {
            linkOptions.add("-Wl,-Bstatic");
            staticLibraries.forEach(l -> linkOptions.add("-l" + l));
            linkOptions.add("-Wl,-Bdynamic");
        }
        if (bundleRules) {
            linkOptions.addAll(BUNDLE_LINK);
        }
        if (languages.size() == 1) {
            Language language = languages.iterator().next();
            List<String> command = compile(toolchain.compiler(language, target), language, compileOptions, include);
            if (!executable) {
                command.add(1, "-shared");
            }
            command.add("-o");
            command.add(out.toString());
            sources.forEach(s -> command.add(s.toString()));
            command.addAll(linkOptions);
            return List.of(command);
        }
        List<List<String>> commands = new ArrayList<>();
        List<String> link = new ArrayList<>(List.of(toolchain.compiler(Language.CXX, target)));
        if (!executable) {
            link.add("-shared");
        }
        link.add("-fPIC");
        // flags such as -m32 or -nostdlib matter to the link too; -std= and warnings do not
        compileOptions.stream().filter(o -> !o.startsWith("-std=") && !o.startsWith("-W")).forEach(link::add);
        link.add("-o");
        link.add(out.toString());
        for (Path source : sources) {
            Language language = Language.of(source).orElseThrow();
            Path object = objects.resolve(source.getFileName() + ".o");
            List<String> command = compile(toolchain.compiler(language, target), language, compileOptions, include);
            command.add(1, "-c");
            command.add("-o");
            command.add(object.toString());
            command.add(source.toString());
            commands.add(command);
            link.add(object.toString());
        }
        link.addAll(linkOptions);
        commands.add(link);
        return commands;
    }

    private List<String> compile(String compiler, Language language, List<String> options, Path include) {
        List<String> command = new ArrayList<>();
        command.add(compiler);
        command.addAll(BASE);
        if (options.stream().noneMatch(o -> o.startsWith("-std="))) {
            command.add(language.standard());
        }
        if (bundleRules) {
            command.addAll(BUNDLE_COMPILE);
        }
        command.add("-I" + include);
        command.addAll(options);
        return command;
    }
}
