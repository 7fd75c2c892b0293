package io.nativebundle.maven;

import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.MojoFailureException;

/**
 * One shared library to build, as configured in a pom:
 * <pre>{@code
 * <library>
 *     <name>greeter</name>                     <!-- libgreeter.so -->
 *     <sources>
 *         <source>src/main/c/greeter</source>  <!-- a folder: its .c/.cc/.cpp/.cxx files; or one file -->
 *     </sources>
 *     <options>
 *         <option>-Isrc/main/c/fmt</option>
 *         <option>-lfmt</option>              <!-- an earlier library of the same list, same platform -->
 *     </options>
 *     <targets><target>host</target></targets> <!-- instead of the goal's targets -->
 *     <folder>{arch}</folder>                  <!-- the output sub-folder; default: the goal's -->
 * </library>
 * <library>
 *     <name>nativebundle-host</name>           <!-- an executable: the file is nativebundle-host -->
 *     <kind>executable</kind>
 *     <sources><source>src/main/c/host</source></sources>
 *     <staticLibraries><staticLibrary>ffi</staticLibrary></staticLibraries>  <!-- libffi.a, checked per target -->
 *     <digest>true</digest>                    <!-- also writes nativebundle-host.sha256 -->
 * </library>
 * }</pre>
 * Libraries are built in list order, so a later one can link an earlier one with {@code -l}: the
 * platform's output folder is always on the linker's search path.
 */
public class Library {

    static final String KIND_LIBRARY = "library";
    static final String KIND_EXECUTABLE = "executable";

    /** The output folder below the goal's output directory, per platform. */
    static final String DEFAULT_FOLDER = "{os}/{arch}";

    private String name;
    private List<String> sources = new ArrayList<>();
    private List<String> options = new ArrayList<>();
    private List<String> targets = new ArrayList<>();
    private String folder;
    private String kind;
    private List<String> staticLibraries = new ArrayList<>();
    private boolean digest;

    public Library() {
    }

    Library(String name, List<String> sources, List<String> options) {
        this.name = name;
        this.sources = new ArrayList<>(sources);
        this.options = new ArrayList<>(options);
    }

    /** The library name: the file is {@code lib<name>.so}. */
    public String getName() {
        return name;
    }

    /** Source files and folders, relative to the project's folder. */
    public List<String> getSources() {
        return sources == null ? List.of() : sources;
    }

    /** Extra compiler and linker arguments, each passed whole. */
    public List<String> getOptions() {
        return options == null ? List.of() : options;
    }

    /** The targets of this library; empty means the goal's. */
    public List<String> getTargets() {
        return targets == null ? List.of() : targets;
    }

    /** The output sub-folder pattern with {@code {os}} and {@code {arch}}, {@code .} for none; null for the goal's. */
    public String getFolder() {
        return folder == null || folder.isBlank() ? null : folder.trim();
    }

    /** {@code library} (the default: a shared library {@code lib<name>.so}) or {@code executable} (a program {@code <name>}). */
    public String getKind() {
        return kind == null || kind.isBlank() ? KIND_LIBRARY : kind.trim();
    }

    /**
     * Libraries linked statically, by name ({@code ffi} for {@code libffi.a}), so the output does not
     * depend on the target machine having them; each is looked for with the target's compiler first,
     * and a missing one fails the build saying how to install it.
     */
    public List<String> getStaticLibraries() {
        return staticLibraries == null ? List.of() : staticLibraries;
    }

    /** Whether to write {@code <file>.sha256} next to the output, in {@code sha256sum} format, for a reader that checks it. */
    public boolean isDigest() {
        return digest;
    }

    /** Whether the output is a program rather than a shared library. */
    boolean isExecutable() throws MojoFailureException {
        String k = getKind();
        if (k.equals(KIND_EXECUTABLE)) {
            return true;
        }
        if (k.equals(KIND_LIBRARY)) {
            return false;
        }
        throw new MojoFailureException("[nativebundle] <library> " + name + " has <kind>" + k + "</kind>; expected "
                + KIND_LIBRARY + " (the default) or " + KIND_EXECUTABLE);
    }

    /** {@code lib<name>.so}, or {@code <name>} for an executable. */
    String fileName() {
        return KIND_EXECUTABLE.equals(getKind()) ? name : "lib" + name + ".so";
    }

    /**
     * The folder of one target, e.g. {@code linux/x86-64}, {@code x86-64} or {@code .}.
     *
     * @param goalFolder the goal's pattern, used when the library has none
     */
    String folder(TargetPlatform target, String goalFolder) {
        String pattern = getFolder() != null ? getFolder() : goalFolder;
        return pattern.replace("{os}", target.os()).replace("{arch}", target.arch().processor());
    }

    @Override
    public String toString() {
        return fileName();
    }
}
