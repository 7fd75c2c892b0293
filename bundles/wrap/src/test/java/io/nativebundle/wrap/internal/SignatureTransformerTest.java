package io.nativebundle.wrap.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import io.nativebundle.testsupport.pki.TestPki;
import io.nativebundle.wrap.NativeWrapper;
import io.nativebundle.wrap.SigningKey;

/**
 * The FileInstall transformer on a drop-in's files, as FileInstall calls it: a descriptor is
 * wrapped; a library or detached signature ({@code <descriptor>.sig}) that is new or changed moves
 * the descriptor's modification time on, which makes FileInstall wrap it again on its next scan,
 * so a signature that arrives after its descriptor is picked up.
 */
public class SignatureTransformerTest {

    private static final Path NATIVES = Path.of(System.getProperty("nativebundle.test.natives", "target/test-natives"));
    /** A modification time long past, to see whether the transformer moved it on. */
    private static final FileTime LONG_AGO = FileTime.fromMillis(1_000_000_000_000L);

    private static SigningKey first;
    private static SigningKey second;

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private final DescriptorTransformer transformer = new DescriptorTransformer(new RefusalRegistry(),
            new PluginsFolder(null));

    @BeforeClass
    public static void makeKeys() throws Exception {
        TestPki pki = TestPki.create();
        first = key(pki.issue("First Signer"));
        second = key(pki.issue("Second Signer"));
    }

    private static SigningKey key(TestPki.Signer signer) {
        return SigningKey.of(signer.keys().getPrivate(), signer.chain());
    }

    private Path descriptor() throws IOException {
        Path folder = temp.getRoot().toPath();
        Files.copy(NATIVES.resolve("libfix.so"), folder.resolve("libfix.so"));
        return Files.writeString(folder.resolve("libfix.nativebundle"), String.join("\n", "library = fix",
                "version = 1.0.0", "[symbols]", "add = (int,int)int", ""));
    }

    private File wrap(Path descriptor) throws Exception {
        File jar = transformer.transform(descriptor.toFile(), temp.newFolder());
        assertNotNull(descriptor + " wraps", jar);
        return jar;
    }

    /** Whether FileInstall would wrap the descriptor again: its modification time moved on. */
    private static boolean markedForANewWrap(Path descriptor) throws IOException {
        return !Files.getLastModifiedTime(descriptor).equals(LONG_AGO);
    }

    @Test
    public void aSignatureThatArrivesAfterItsDescriptorMakesItWrapAgain() throws Exception {
        Path descriptor = descriptor();
        assertNull("no signature yet", entry(wrap(descriptor), "META-INF/nativebundle/libfix.nativebundle.sig"));

        Path signature = NativeWrapper.signDetached(descriptor, first);
        assertTrue("FileInstall's listener for the signature", transformer.canHandle(signature.toFile()));
        Files.setLastModifiedTime(descriptor, LONG_AGO);
        assertNull("the signature itself is never installed", transformer.transform(signature.toFile(), temp.newFolder()));
        assertTrue("the descriptor is marked for a new wrap", markedForANewWrap(descriptor));

        assertArrayEquals("the new wrap carries the signature", Files.readAllBytes(signature),
                entry(wrap(descriptor), "META-INF/nativebundle/libfix.nativebundle.sig"));
    }

    @Test
    public void aSignatureTheBundleAlreadyCarriesChangesNothingAChangedOneWrapsAgain() throws Exception {
        Path descriptor = descriptor();
        Path signature = NativeWrapper.signDetached(descriptor, first);
        wrap(descriptor); // both dropped together: the first wrap packed the signature

        Files.setLastModifiedTime(descriptor, LONG_AGO);
        assertNull(transformer.transform(signature.toFile(), temp.newFolder()));
        assertFalse("the bundle carries this signature already", markedForANewWrap(descriptor));

        NativeWrapper.signDetached(descriptor, second); // signed again, by another key
        assertNull(transformer.transform(signature.toFile(), temp.newFolder()));
        assertTrue("a changed signature makes the descriptor wrap again", markedForANewWrap(descriptor));
    }

    @Test
    public void onlyTheSignatureOfADescriptorThatIsThereIsClaimed() throws Exception {
        Path descriptor = descriptor();
        Path signature = NativeWrapper.signDetached(descriptor, first);
        Path orphan = Files.copy(signature, descriptor.resolveSibling("other.nativebundle.sig"));
        assertFalse("no other.nativebundle beside it", transformer.canHandle(orphan.toFile()));
        Path stray = Files.copy(signature, descriptor.resolveSibling("libfix.sig"));
        assertFalse("not <descriptor>.sig", transformer.canHandle(stray.toFile()));
        Files.delete(descriptor);
        assertFalse("its descriptor was deleted", transformer.canHandle(signature.toFile()));
    }

    @Test
    public void theLibraryOfADescriptorIsStillClaimedAndWrapsAgainWhenItChanges() throws Exception {
        Path descriptor = descriptor();
        wrap(descriptor);
        Path library = descriptor.resolveSibling("libfix.so");
        Files.setLastModifiedTime(descriptor, LONG_AGO);
        assertNull(transformer.transform(library.toFile(), temp.newFolder()));
        assertFalse("the bundle carries this library already", markedForANewWrap(descriptor));

        Files.write(library, new byte[] {1}, StandardOpenOption.APPEND);
        assertTrue(transformer.canHandle(library.toFile()));
        assertNull(transformer.transform(library.toFile(), temp.newFolder()));
        assertTrue("a changed library makes the descriptor wrap again", markedForANewWrap(descriptor));
    }

    private static byte[] entry(File jar, String name) throws IOException {
        try (JarFile file = new JarFile(jar)) {
            ZipEntry entry = file.getEntry(name);
            if (entry == null) {
                return null;
            }
            try (InputStream in = file.getInputStream(entry)) {
                return in.readAllBytes();
            }
        }
    }
}
