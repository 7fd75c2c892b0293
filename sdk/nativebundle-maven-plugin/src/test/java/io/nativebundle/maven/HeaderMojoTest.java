package io.nativebundle.maven;

import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class HeaderMojoTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void writesTheHeaderThePluginCarries() throws Exception {
        HeaderMojo mojo = new HeaderMojo();
        mojo.directory = tmp.getRoot().toPath().resolve("include").toFile();
        mojo.execute();

        String header = Files.readString(Path.of(mojo.directory.getPath(), "nativebundle.h"));
        assertTrue(header.contains("#define NATIVEBUNDLE_LIBRARY(library, version, abi)"));
        assertTrue(header.contains("#define NATIVEBUNDLE_EXPORT __attribute__((visibility(\"default\")))"));
    }
}
