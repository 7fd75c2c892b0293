package io.nativebundle.runtime;

import static org.junit.Assert.assertEquals;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class PluginScannerTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path touch(Path root, String relative) throws Exception {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "x");
    }

    @Test
    public void findsJarsInSubFoldersSorted() throws Exception {
        Path root = tmp.newFolder("plugins").toPath();
        Path math = touch(root, "math.jar");
        Path acme = touch(root, "acme/math.jar");
        Path deep = touch(root, "acme/extra/consumer.jar");
        touch(root, "readme.txt");
        touch(root, "acme/app.cfg");

        assertEquals(List.of(deep, acme, math), PluginScanner.scan(root));
    }

    @Test
    public void dropInDescriptorsArePluginsTheirLibrariesAreNot() throws Exception {
        Path root = tmp.newFolder("plugins").toPath();
        Path descriptor = touch(root, "acme/libz.nativebundle");
        touch(root, "acme/libz.so");
        Path jar = touch(root, "math.jar");

        assertEquals(List.of(descriptor, jar), PluginScanner.scan(root));
    }

    @Test
    public void skipsHiddenFilesAndFolders() throws Exception {
        Path root = tmp.newFolder("plugins").toPath();
        Path visible = touch(root, "a.jar");
        touch(root, ".partial.jar");
        touch(root, ".trash/old.jar");

        assertEquals(List.of(visible), PluginScanner.scan(root));
    }

    @Test
    public void returnsAbsoluteNormalisedPaths() throws Exception {
        Path root = tmp.newFolder("plugins").toPath();
        Path jar = touch(root, "a.jar");
        Path roundabout = root.resolve("sub/..");
        Files.createDirectories(root.resolve("sub"));

        assertEquals(List.of(jar), PluginScanner.scan(roundabout));
    }

    @Test
    public void missingFolderHasNoPlugins() throws Exception {
        assertEquals(List.of(), PluginScanner.scan(new File(tmp.getRoot(), "none").toPath()));
    }
}
