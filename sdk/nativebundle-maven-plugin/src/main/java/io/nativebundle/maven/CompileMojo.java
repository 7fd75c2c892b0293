package io.nativebundle.maven;

import java.io.File;
import java.util.List;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Compiles the native library of a native bundle: {@code src/main/c} (C, and C++ whose exported
 * functions are {@code extern "C"}) into {@code native/<os>/<arch>/lib<artifactId>.so} of the
 * bundle's classes folder, once per target, where bnd packs it and the nativebundle bnd plugin
 * reads it. The native-bundle rules apply: {@code -fvisibility=hidden} (only
 * {@code NATIVEBUNDLE_EXPORT} symbols are exported) and {@code -Wl,--no-undefined}.
 *
 * <pre>{@code
 * <plugin>
 *     <groupId>io.nativebundle</groupId>
 *     <artifactId>nativebundle-maven-plugin</artifactId>
 *     <executions><execution><goals><goal>compile</goal></goals></execution></executions>
 * </plugin>
 * }</pre>
 */
@Mojo(name = "compile", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class CompileMojo extends AbstractCompileMojo {

    /** Where the platform folders go: {@code native/} of the bundle's classes. */
    @Parameter(defaultValue = "${project.build.outputDirectory}/native")
    File outputDirectory;

    /** The library name when no {@code <libraries>} are configured: {@code lib<library>.so}. */
    @Parameter(property = "nativebundle.library", defaultValue = "${project.artifactId}")
    String library;

    /** The sources when no {@code <libraries>} are configured: the C and C++ files of this folder. */
    @Parameter(defaultValue = "${project.basedir}/src/main/c")
    File sourceDirectory;

    /** Extra compiler and linker arguments when no {@code <libraries>} are configured. */
    @Parameter
    List<String> options;

    @Parameter(property = "nativebundle.skip", defaultValue = "false")
    boolean skip;

    @Override
    File outputDirectory() {
        return outputDirectory;
    }

    @Override
    boolean bundleRules() {
        return true;
    }

    @Override
    List<Library> defaultLibraries() {
        return List.of(new Library(library, List.of(sourceDirectory.getPath()), options == null ? List.of() : options));
    }

    @Override
    String skipReason() {
        return skip ? "nativebundle.skip is set" : null;
    }
}
