package io.nativebundle.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.apache.maven.plugin.MojoExecutionException;

/**
 * {@code nativebundle.h}, the C header of plugin authors, as this plugin carries it: written into
 * the build folder so the compiler (or a CMake or Make build) can include it. The file in the
 * plugin's jar is the only copy; nothing reaches into a source tree for it.
 */
final class NativeHeader {

    static final String FILE = "nativebundle.h";
    private static final String RESOURCE = "include/" + FILE;

    private NativeHeader() {
    }

    /**
     * Writes the header into {@code folder} (replacing an older copy) and returns the folder.
     *
     * @throws MojoExecutionException when the plugin's jar lacks it or the folder cannot be written
     */
    static Path writeTo(Path folder) throws MojoExecutionException {
        try (InputStream in = NativeHeader.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new MojoExecutionException("[nativebundle] the plugin's jar has no " + RESOURCE
                        + " next to " + NativeHeader.class.getName() + "; the plugin is broken");
            }
            Files.createDirectories(folder);
            Files.copy(in, folder.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
            return folder;
        } catch (IOException e) {
            throw new MojoExecutionException("[nativebundle] cannot write " + folder.resolve(FILE) + ": "
                    + e.getMessage(), e);
        }
    }
}
