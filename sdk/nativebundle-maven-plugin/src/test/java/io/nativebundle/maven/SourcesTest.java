package io.nativebundle.maven;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.maven.plugin.MojoFailureException;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class SourcesTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void aFolderStandsForItsCAndCppFilesInNameOrderButNotItsSubFolders() throws Exception {
        Path base = tmp.getRoot().toPath();
        Path c = Files.createDirectories(base.resolve("src/main/c"));
        Files.writeString(c.resolve("b.cpp"), "");
        Files.writeString(c.resolve("a.c"), "");
        Files.writeString(c.resolve("a.h"), "");
        Files.createDirectories(c.resolve("sub"));
        Files.writeString(c.resolve("sub/z.c"), "");
        assertEquals(List.of(c.resolve("a.c"), c.resolve("b.cpp")), Sources.expand(base, List.of("src/main/c"), "libm.so"));
    }

    @Test
    public void missingOrForeignSourcesAreNamed() throws Exception {
        Path base = tmp.getRoot().toPath();
        Files.createDirectories(base.resolve("empty"));
        Files.writeString(base.resolve("notes.txt"), "");
        assertTrue(assertThrows(MojoFailureException.class, () -> Sources.expand(base, List.of("nowhere.c"), "libm.so"))
                .getMessage().endsWith("nowhere.c does not exist"));
        assertTrue(assertThrows(MojoFailureException.class, () -> Sources.expand(base, List.of("empty"), "libm.so"))
                .getMessage().contains("has no C or C++ files"));
        assertTrue(assertThrows(MojoFailureException.class, () -> Sources.expand(base, List.of("notes.txt"), "libm.so"))
                .getMessage().contains("is not a C or C++ file"));
        assertTrue(assertThrows(MojoFailureException.class, () -> Sources.expand(base, List.of(), "libm.so"))
                .getMessage().contains("names no sources"));
    }
}
