package io.nativebundle.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.apache.maven.plugin.MojoExecutionException;

/** Puts files another tool made into the build's output folders. */
final class OutputFiles {

    private OutputFiles() {
    }

    /**
     * Copies {@code from} to {@code to}, creating its folder and replacing an older copy.
     *
     * @throws MojoExecutionException naming both files and why
     */
    static void copy(Path from, Path to) throws MojoExecutionException {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new MojoExecutionException("[nativebundle] cannot copy " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }
}
