package io.nativebundle.runtime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class CoreBundlesTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void namesSkipCommentsAndBlankLines() {
        assertEquals(List.of("a.jar", "b.jar"),
                CoreBundles.names(List.of("# core", "", "a.jar   # first", "  b.jar  ")));
    }

    @Test
    public void filesFollowTheListOrder() throws Exception {
        Path folder = tmp.newFolder("bundle").toPath();
        Path b = Files.writeString(folder.resolve("b.jar"), "");
        Path a = Files.writeString(folder.resolve("a.jar"), "");
        Files.writeString(folder.resolve("extra.jar"), "");
        Files.write(folder.resolve(CoreBundles.LIST), List.of("b.jar", "a.jar"));
        CoreBundles core = new CoreBundles(folder);

        List<Path> files = core.files();

        assertEquals(List.of(b, a), files);
        assertEquals(List.of(folder.resolve("extra.jar")), core.unlisted(files));
    }

    @Test
    public void aListedFileThatIsMissingIsNamed() throws Exception {
        Path folder = tmp.newFolder("bundle").toPath();
        Files.write(folder.resolve(CoreBundles.LIST), List.of("gone-1.0.jar"));

        LaunchException e = assertThrows(LaunchException.class, () -> new CoreBundles(folder).files());

        assertEquals(folder.resolve(CoreBundles.LIST) + " names gone-1.0.jar, but "
                + folder.resolve("gone-1.0.jar") + " does not exist", e.getMessage());
    }

    @Test
    public void aMissingListIsNamed() throws Exception {
        Path folder = tmp.newFolder("bundle").toPath();

        LaunchException e = assertThrows(LaunchException.class, () -> new CoreBundles(folder).files());

        assertEquals(true, e.getMessage().startsWith("cannot read the core bundle list " + folder.resolve("bundles.list")));
    }
}
