package io.nativebundle.maven;

import java.util.ArrayList;
import java.util.List;

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
 * }</pre>
 * Libraries are built in list order, so a later one can link an earlier one with {@code -l}: the
 * platform's output folder is always on the linker's search path.
 */
public class Library {

    /** The output folder below the goal's output directory, per platform. */
    static final String DEFAULT_FOLDER = "{os}/{arch}";

    private String name;
    private List<String> sources = new ArrayList<>();
    private List<String> options = new ArrayList<>();
    private List<String> targets = new ArrayList<>();
    private String folder;

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

    /** {@code lib<name>.so}. */
    String fileName() {
        return "lib" + name + ".so";
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
