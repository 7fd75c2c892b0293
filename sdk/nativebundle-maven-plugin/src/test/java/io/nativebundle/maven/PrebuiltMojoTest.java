package io.nativebundle.maven;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.maven.plugin.MojoFailureException;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class PrebuiltMojoTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private PrebuiltMojo mojo(Path from, Path to) {
        PrebuiltMojo mojo = new PrebuiltMojo();
        mojo.directory = from.toFile();
        mojo.outputDirectory = to.toFile();
        return mojo;
    }

    @Test
    public void eachPlatformFolderIsCopiedAsItIs() throws Exception {
        Path from = tmp.newFolder("prebuilt").toPath();
        Path to = tmp.newFolder("native").toPath();
        Files.createDirectories(from.resolve("linux/x86-64"));
        Files.createDirectories(from.resolve("linux/aarch64"));
        Files.write(from.resolve("linux/x86-64/libhash.so"), new byte[] {1, 2});
        Files.write(from.resolve("linux/aarch64/libhash.so"), new byte[] {3});

        mojo(from, to).execute();

        assertArrayEquals(new byte[] {1, 2}, Files.readAllBytes(to.resolve("linux/x86-64/libhash.so")));
        assertArrayEquals(new byte[] {3}, Files.readAllBytes(to.resolve("linux/aarch64/libhash.so")));
    }

    @Test
    public void nothingToPackFailsNamingTheExpectedLayout() throws Exception {
        Path from = tmp.getRoot().toPath().resolve("absent");
        MojoFailureException e = assertThrows(MojoFailureException.class,
                () -> mojo(from, tmp.newFolder().toPath()).execute());
        assertEquals("[nativebundle] no prebuilt libraries in " + from + "; expected one folder per platform holding "
                + "the shared libraries, e.g. " + from.resolve("linux/x86-64/libfoo.so"), e.getMessage());
    }

    @Test
    public void aFileOutsideAPlatformFolderOrAnUnknownPlatformFails() throws Exception {
        Path from = tmp.newFolder("prebuilt").toPath();
        Files.write(from.resolve("libhash.so"), new byte[1]);
        assertTrue(assertThrows(MojoFailureException.class, () -> mojo(from, tmp.newFolder().toPath()).execute())
                .getMessage().contains("libhash.so is not in a platform folder"));

        Files.delete(from.resolve("libhash.so"));
        Files.createDirectories(from.resolve("linux/arm64"));
        Files.write(from.resolve("linux/arm64/libhash.so"), new byte[1]);
        assertTrue(assertThrows(MojoFailureException.class, () -> mojo(from, tmp.newFolder().toPath()).execute())
                .getMessage().contains("the folder linux/arm64 is no platform this plugin packs"));
    }
}
