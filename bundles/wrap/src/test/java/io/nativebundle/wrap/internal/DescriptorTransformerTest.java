package io.nativebundle.wrap.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The transformer as FileInstall drives it: {@code transform} of a descriptor wraps it; of the
 * library it names, marks the descriptor for a new wrap (a later modification time) exactly when
 * the file differs from the one the descriptor's latest wrap or refusal read.
 */
public class DescriptorTransformerTest {

    private static final Path NATIVES = Path.of(System.getProperty("nativebundle.test.natives", "target/test-natives"));
    private static final FileTime DROPPED = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private final DescriptorTransformer transformer = new DescriptorTransformer(new RefusalRegistry(),
            new PluginsFolder(null));

    private Path plugins() {
        return temp.getRoot().toPath();
    }

    private Path descriptor(String... symbols) throws IOException {
        Path file = Files.writeString(plugins().resolve("libfix.nativebundle"), String.join("\n",
                "library = fix", "version = 1.0.0", "", "[symbols]", String.join("\n", symbols)) + "\n");
        // an old time, so that a mark (now) is a change even on a file system with 1 s resolution
        Files.setLastModifiedTime(file, DROPPED);
        return file;
    }

    /** Copies libfix.so in with {@code time} as its modification time, as {@code cp -p} or tar would. */
    private Path library(FileTime time) throws IOException {
        Path file = Files.copy(NATIVES.resolve("libfix.so"), plugins().resolve("libfix.so"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(file, time);
        return file;
    }

    private File transform(Path file) throws Exception {
        assertTrue(file + " is claimed", transformer.canHandle(file.toFile()));
        return transformer.transform(file.toFile(), temp.getRoot().toPath().resolve("tmp").toFile());
    }

    @Test
    public void aLibraryArrivingAfterARefusalMarksTheDescriptorWhateverItsModificationTime() throws Exception {
        Path descriptor = descriptor("add = (int,int)int");
        assertNull("refused: the library is missing", transform(descriptor));

        // older than the refusal, as a copy that keeps its time, or a file system clock a tick behind
        Path library = library(FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        assertNull("the library itself is never installed", transform(library));
        assertNotEquals("the descriptor is marked for a new wrap", DROPPED, Files.getLastModifiedTime(descriptor));
        assertNotNull("and that wrap succeeds", transform(descriptor));
    }

    @Test
    public void theLibraryTheWrapPackedLeavesTheDescriptorAlone() throws Exception {
        Path library = library(DROPPED);
        Path descriptor = descriptor("add = (int,int)int");
        assertNotNull(transform(descriptor));

        // FileInstall reports the library after the descriptor, e.g. in its next scan
        assertNull(transform(library));
        assertEquals("no second wrap, so no update right after the install", DROPPED,
                Files.getLastModifiedTime(descriptor));
    }

    @Test
    public void aChangedLibraryMarksTheDescriptor() throws Exception {
        Path library = library(DROPPED);
        Path descriptor = descriptor("add = (int,int)int");
        assertNotNull(transform(descriptor));

        Files.write(library, new byte[] {0}, StandardOpenOption.APPEND);
        Files.setLastModifiedTime(library, DROPPED);
        assertNull(transform(library));
        assertNotEquals(DROPPED, Files.getLastModifiedTime(descriptor));
    }

    @Test
    public void theLibraryARefusalReadIsNotWrappedAgain() throws Exception {
        Path library = library(DROPPED);
        Path descriptor = descriptor("add = (int,int)int", "absent = ()int");
        assertNull("refused: the library does not export absent", transform(descriptor));

        assertNull(transform(library));
        assertEquals("the same file would be refused the same way", DROPPED, Files.getLastModifiedTime(descriptor));
    }

    @Test
    public void aLibrarySeenBeforeItsDescriptorWasWrappedDoesNotMarkItForASecondWrap() throws Exception {
        Path library = library(DROPPED);
        Path descriptor = descriptor("add = (int,int)int");

        // FileInstall hands over the .so first: nothing to install, and the descriptor, not wrapped
        // yet, is left alone (a mark would wrap it twice and update the new bundle right after)
        assertNull(transform(library));
        assertEquals(DROPPED, Files.getLastModifiedTime(descriptor));
        assertNotNull(transform(descriptor));
        assertNull(transform(library));
        assertEquals("the wrapped bundle carries this very file", DROPPED, Files.getLastModifiedTime(descriptor));
    }
}
