package io.nativebundle.testsupport;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import java.io.File;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class BundleRewriterTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path jar() throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        manifest.getMainAttributes().putValue("Bundle-SymbolicName", "org.example.math");
        manifest.getMainAttributes().putValue("NativeBundle-Digest", "native/linux/x86-64/libmath.so;sha256=00");
        Path jar = tmp.getRoot().toPath().resolve("math.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest)) {
            j.putNextEntry(new JarEntry("native/linux/x86-64/libmath.so"));
            j.write("\u007fELF library=math\0version=1.2.0\0".getBytes(StandardCharsets.US_ASCII));
            j.closeEntry();
        }
        return jar;
    }

    @Test
    public void rewritesHeadersEntriesAndDigestsIntoANewJar() throws Exception {
        BundleRewriter original = BundleRewriter.of(jar());
        BundleRewriter variant = original.copy().symbolicName("org.example.m007")
                .replaceBytes("native/", "library=math\0", "library=m007\0").fixDigests().header("X-Gone", null);
        File written = variant.write(tmp.getRoot().toPath().resolve("out"));

        try (JarFile j = new JarFile(written)) {
            assertEquals("org.example.m007", j.getManifest().getMainAttributes().getValue("Bundle-SymbolicName"));
            byte[] library = j.getInputStream(j.getEntry("native/linux/x86-64/libmath.so")).readAllBytes();
            assertArrayEquals("\u007fELF library=m007\0version=1.2.0\0".getBytes(StandardCharsets.US_ASCII), library);
            assertEquals("native/linux/x86-64/libmath.so;sha256=" + BundleRewriter.sha256(library),
                    j.getManifest().getMainAttributes().getValue("NativeBundle-Digest"));
        }
        assertEquals("the copy is independent", "org.example.math", original.header("Bundle-SymbolicName"));
        assertNull(variant.header("X-Gone"));
    }

    @Test
    public void aReplacementOfAnotherLengthOrOneNotFoundIsRefused() throws Exception {
        BundleRewriter rewriter = BundleRewriter.of(jar());
        assertThrows(IllegalArgumentException.class, () -> rewriter.replaceBytes("native/", "math", "maths"));
        assertEquals("'nowhere' does not occur in native/linux/x86-64/libmath.so", assertThrows(
                IllegalArgumentException.class, () -> rewriter.replaceBytes("native/", "nowhere", "nothere")).getMessage());
    }
}
