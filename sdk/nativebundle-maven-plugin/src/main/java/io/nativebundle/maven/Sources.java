package io.nativebundle.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.maven.plugin.MojoFailureException;

/**
 * The source files of a library: a file stands for itself, a folder for the C and C++ files
 * directly in it (not its sub-folders, so a library can keep its parts apart), in name order so
 * the build is reproducible.
 */
final class Sources {

    private Sources() {
    }

    /**
     * @param base    the folder relative paths start from (the project's folder)
     * @param entries files and folders
     * @throws MojoFailureException when an entry does not exist, a folder has no sources, or a file
     *                              is not C or C++
     */
    static List<Path> expand(Path base, List<String> entries, String library) throws MojoFailureException {
        if (entries.isEmpty()) {
            throw new MojoFailureException("[nativebundle] " + library + " names no sources; add <sources><source>"
                    + "src/main/c</source></sources>");
        }
        List<Path> files = new ArrayList<>();
        for (String entry : entries) {
            Path path = base.resolve(entry.trim()).normalize();
            if (Files.isDirectory(path)) {
                List<Path> inFolder = list(path);
                if (inFolder.isEmpty()) {
                    throw new MojoFailureException("[nativebundle] " + library + ": the folder " + path
                            + " has no C or C++ files (.c, .cc, .cpp, .cxx)");
                }
                files.addAll(inFolder);
            } else if (Files.isRegularFile(path)) {
                if (Language.of(path).isEmpty()) {
                    throw new MojoFailureException("[nativebundle] " + library + ": " + path + " is not a C or C++ "
                            + "file; expected .c, .cc, .cpp or .cxx");
                }
                files.add(path);
            } else {
                throw new MojoFailureException("[nativebundle] " + library + ": the source " + path
                        + " does not exist");
            }
        }
        return files;
    }

    private static List<Path> list(Path folder) throws MojoFailureException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile).filter(p -> Language.of(p).isPresent()).sorted().toList();
        } catch (IOException e) {
            throw new MojoFailureException("[nativebundle] cannot list " + folder + ": " + e.getMessage(), e);
        }
    }
}
