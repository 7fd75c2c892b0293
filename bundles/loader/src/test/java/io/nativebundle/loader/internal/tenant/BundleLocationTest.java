package io.nativebundle.loader.internal.tenant;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.Test;

public class BundleLocationTest {

    private static final Path JAR = Path.of("/srv/plugins/acme/math.jar");

    @Test
    public void readsTheFormsFileInstallAndFelixWrite() {
        assertEquals(Optional.of(JAR), BundleLocation.fileOf("file:/srv/plugins/acme/math.jar"));
        assertEquals(Optional.of(JAR), BundleLocation.fileOf("file:///srv/plugins/acme/math.jar"));
        assertEquals(Optional.of(JAR), BundleLocation.fileOf("reference:file:/srv/plugins/acme/math.jar"));
        assertEquals(Optional.of(JAR), BundleLocation.fileOf("blueprint:file:/srv/plugins/acme/math.jar"));
        assertEquals(Optional.of(JAR), BundleLocation.fileOf("wrap:file:/srv/plugins/acme/math.jar$Bundle-SymbolicName=m"));
        assertEquals(Optional.of(JAR), BundleLocation.fileOf("jardir:/srv/plugins/acme/math.jar"));
        assertEquals(Optional.of(JAR), BundleLocation.fileOf("/srv/plugins/acme/math.jar"));
        assertEquals(Optional.of(JAR), BundleLocation.fileOf("file:/srv/plugins/x/../acme/./math.jar"));
    }

    @Test
    public void decodesEscapesAndToleratesUnencodedPaths() {
        Path spaced = Path.of("/srv/my plugins/acme/math.jar");
        assertEquals(Optional.of(spaced), BundleLocation.fileOf("file:/srv/my%20plugins/acme/math.jar"));
        assertEquals(Optional.of(spaced), BundleLocation.fileOf("file:/srv/my plugins/acme/math.jar"));
    }

    @Test
    public void aRelativeLocationIsReadAgainstTheWorkingDirectory() {
        Path expected = Path.of("plugins/acme/math.jar").toAbsolutePath().normalize();
        assertEquals(Optional.of(expected), BundleLocation.fileOf("file:plugins/acme/math.jar"));
        assertEquals(Optional.of(expected), BundleLocation.fileOf("plugins/acme/math.jar"));
    }

    @Test
    public void aPathNamedLikeAProtocolIsNotCutAtIt() {
        // FileInstall's own parser would cut at the last "file:", here inside "profile:"
        assertEquals(Optional.of(Path.of("/srv/myprofile:x/acme/math.jar")),
                BundleLocation.fileOf("file:/srv/myprofile:x/acme/math.jar"));
    }

    @Test
    public void otherSchemesNameNoLocalFile() {
        for (String location : new String[] {"mvn:io.nativebundle/math/1.2.0", "wrap:mvn:io.nativebundle/math/1.2.0",
                "http://example.org/plugins/acme/math.jar", "test:acme-math", "file://server/share/acme/math.jar",
                "System Bundle", "", "  "}) {
            assertTrue(location, BundleLocation.fileOf(location).isEmpty());
        }
        assertTrue(BundleLocation.fileOf(null).isEmpty());
    }
}
