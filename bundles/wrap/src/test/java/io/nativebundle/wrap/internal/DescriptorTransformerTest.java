package io.nativebundle.wrap.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The library next to a descriptor, as FileInstall hands both to the transformer in one scan. */
public class DescriptorTransformerTest {

    private static final Path NATIVES = Path.of(System.getProperty("nativebundle.test.natives", "target/test-natives"));

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void aLibrarySeenBeforeItsDescriptorWasWrappedDoesNotMarkItForASecondWrap() throws Exception {
        Path folder = temp.getRoot().toPath();
        Path library = Files.copy(NATIVES.resolve("libfix.so"), folder.resolve("libfix.so"));
        Path descriptor = Files.writeString(folder.resolve("libfix.nativebundle"),
                "library = fix\nversion = 1.0.0\n[symbols]\nadd = (int,int)int\n");
        FileTime dropped = FileTime.fromMillis(System.currentTimeMillis() - 60_000);
        Files.setLastModifiedTime(descriptor, dropped);
        DescriptorTransformer transformer = new DescriptorTransformer(new RefusalRegistry(),
                new PluginsFolder(folder.toString()));
        File tmp = temp.newFolder("tmp");

        // the .so first: nothing to install, and the descriptor, not wrapped yet, is left alone
        assertNull(transformer.transform(library.toFile(), tmp));
        assertEquals(dropped, Files.getLastModifiedTime(descriptor));
        transformer.transform(descriptor.toFile(), tmp);
        assertNull(transformer.transform(library.toFile(), tmp));
        assertEquals("the wrapped bundle carries this very file", dropped, Files.getLastModifiedTime(descriptor));

        // a changed .so of a wrapped descriptor is wrapped again
        Files.write(library, new byte[] {0}, java.nio.file.StandardOpenOption.APPEND);
        assertNull(transformer.transform(library.toFile(), tmp));
        assertNotEquals(dropped, Files.getLastModifiedTime(descriptor));
    }
}
