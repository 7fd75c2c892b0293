package io.nativebundle.maven;

import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class DigestsTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void theSidecarHasTheFormatOfSha256sum() throws Exception {
        Path file = tmp.newFile("nativebundle-host").toPath();
        Files.writeString(file, "abc", StandardCharsets.US_ASCII);
        Digests.write(file);
        // the SHA-256 of "abc" from FIPS 180-2
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  nativebundle-host\n",
                Files.readString(tmp.getRoot().toPath().resolve("nativebundle-host.sha256")));
    }
}
