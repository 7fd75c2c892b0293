package io.nativebundle.wrap.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import io.nativebundle.contract.Sha256;
import io.nativebundle.testsupport.pki.TestPki;
import io.nativebundle.wrap.DescriptorException;
import io.nativebundle.wrap.NativeWrapper;
import io.nativebundle.wrap.SigningKey;

/**
 * {@code native:wrap --sign} and {@code native:sign}: the jar {@link NativeWrapper} signs, and the
 * detached signature of a drop-in, checked the JDK's way (a verifying {@link JarFile}); the keys
 * they read from keystores, and the errors for a keystore that does not give one.
 */
public class SigningTest {

    private static final Path NATIVES = Path.of(System.getProperty("nativebundle.test.natives", "target/test-natives"));
    private static final char[] PASSWORD = "s3cret".toCharArray();

    private static TestPki pki;
    private static TestPki.Signer signer;

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @BeforeClass
    public static void makeSigner() throws Exception {
        pki = TestPki.create();
        signer = pki.issue("Wrap Signer");
    }

    private Path folder() {
        return temp.getRoot().toPath();
    }

    private Path descriptor() throws IOException {
        Files.copy(NATIVES.resolve("libfix.so"), folder().resolve("libfix.so"));
        return Files.writeString(folder().resolve("libfix.nativebundle"), String.join("\n", "library = fix",
                "version = 1.0.0", "[symbols]", "add = (int,int)int", "twice = (long)long", ""));
    }

    private Path keystore() throws Exception {
        return signer.writeKeystore(folder().resolve("signer.p12"), "PKCS12", PASSWORD, "wrap-signer");
    }

    private SigningKey key() throws Exception {
        return SigningKey.fromKeystore(keystore(), null, PASSWORD, null, null);
    }

    @Test
    public void theWrappedJarIsSignedOverEveryEntryAndItsHeaders() throws Exception {
        Path descriptor = descriptor();
        Path unsigned = NativeWrapper.wrap(null, descriptor, folder().resolve("unsigned.jar"));
        Path jar = NativeWrapper.wrap(null, descriptor, folder().resolve("out/fix.jar"), key());

        List<String> entries = new ArrayList<>();
        try (JarFile signed = new JarFile(jar.toFile(), true); JarFile plain = new JarFile(unsigned.toFile())) {
            assertEquals("the headers are those of the unsigned wrap", plain.getManifest().getMainAttributes(),
                    signed.getManifest().getMainAttributes());
            for (JarEntry entry : Collections.list(signed.entries())) {
                entries.add(entry.getName());
                if (entry.isDirectory() || entry.getName().startsWith("META-INF/WRAP-SIG.")
                        || entry.getName().equals(JarFile.MANIFEST_NAME)) {
                    continue;
                }
                assertArrayEquals(entry.getName(), read(plain, entry.getName()), read(signed, entry.getName()));
                CodeSigner[] signers = entry.getCodeSigners(); // set once the entry was read to its end
                assertNotNull(entry.getName() + " is signed", signers);
                assertEquals(signer.chain(), signers[0].getSignerCertPath().getCertificates());
            }
            // the signer's name comes from the alias, as jarsigner makes it
            byte[] sf = read(signed, "META-INF/WRAP-SIG.SF");
            Attributes main = new Manifest(new java.io.ByteArrayInputStream(sf)).getMainAttributes();
            assertNotNull("the .SF file covers the manifest's main attributes, so the headers are signed",
                    main.getValue("SHA-256-Digest-Manifest-Main-Attributes"));
            assertNotNull(signed.getEntry("META-INF/WRAP-SIG.RSA"));
        }
        assertTrue(entries.toString(), entries.containsAll(List.of("META-INF/nativebundle/libfix.nativebundle",
                "native/linux/x86-64/libfix.so")));
        // FileInstall reads the manifest with a JarInputStream: it must still come first
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
            assertEquals("nativebundle.wrapped.default.fix", in.getManifest().getMainAttributes()
                    .getValue("Bundle-SymbolicName"));
        }
        try (var left = Files.list(jar.getParent())) {
            assertEquals("no temporary file is left behind", List.of(jar), left.toList());
        }
    }

    @Test
    public void aDescriptorThatDoesNotWrapIsNotSignedAndNothingIsWritten() throws Exception {
        descriptor();
        Path bad = Files.writeString(folder().resolve("libfix.nativebundle"), "library = fix\nversion = 1.0.0\n"
                + "[symbols]\nnosuch = (int)int\n");
        SigningKey key = key();
        try {
            NativeWrapper.wrap(null, bad, folder().resolve("fix.jar"), key);
            fail("a missing symbol was signed");
        } catch (DescriptorException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("libfix.nativebundle:4:1: "));
        }
        try {
            NativeWrapper.signDetached(bad, key);
            fail("a detached signature was written for a descriptor that does not wrap");
        } catch (DescriptorException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("libfix.nativebundle:4:1: "));
        }
        assertFalse(Files.exists(folder().resolve("fix.jar")));
        assertFalse(Files.exists(folder().resolve("libfix.nativebundle.sig")));
    }

    @Test
    public void theDetachedSignatureCoversTheDescriptorAndItsLibraryByFileName() throws Exception {
        Path descriptor = descriptor();
        Path signature = NativeWrapper.signDetached(descriptor, key());
        assertEquals(folder().resolve("libfix.nativebundle.sig"), signature);

        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(signature.toFile())) {
            Collections.list(zip.entries()).forEach(e -> names.add(e.getName()));
            Manifest manifest = new Manifest(zip.getInputStream(zip.getEntry(JarFile.MANIFEST_NAME)));
            assertEquals(base64(Sha256.of(descriptor)), manifest.getAttributes("libfix.nativebundle")
                    .getValue("SHA-256-Digest"));
            assertEquals(base64(Sha256.of(folder().resolve("libfix.so"))), manifest.getAttributes("libfix.so")
                    .getValue("SHA-256-Digest"));
        }
        assertEquals("the files themselves are left out", List.of(JarFile.MANIFEST_NAME, "META-INF/WRAP-SIG.SF",
                "META-INF/WRAP-SIG.RSA"), names);

        // as the loader checks it: the signature with the two files, read by a verifying JarFile
        assertEquals(signer.certificate(), signerOf(signature, Map.of("libfix.nativebundle", descriptor,
                "libfix.so", folder().resolve("libfix.so"))));
        // a library changed after signing no longer matches
        Path changed = Files.write(folder().resolve("changed.so"), append(Files.readAllBytes(folder().resolve("libfix.so"))));
        try {
            signerOf(signature, Map.of("libfix.nativebundle", descriptor, "libfix.so", changed));
            fail("a changed library passed");
        } catch (SecurityException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("libfix.so"));
        }
        try (var left = Files.list(folder())) {
            assertEquals("no temporary file is left behind", List.of("libfix.nativebundle", "libfix.nativebundle.sig",
                    "libfix.so", "changed.so", "signer.p12").stream().sorted().toList(),
                    left.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    public void theWrapOfADescriptorCarriesItsSignatureAndReportsItsDigest() throws Exception {
        Path descriptor = descriptor();
        Wrapped unsigned = Wrapping.wrap(null, descriptor, folder().resolve("a.jar"), WrapContext.standalone());
        assertEquals(Optional.empty(), unsigned.signature());

        Path signature = NativeWrapper.signDetached(descriptor, key());
        Wrapped wrapped = Wrapping.wrap(null, descriptor, folder().resolve("b.jar"), WrapContext.standalone());
        assertEquals(Optional.of(Sha256.of(signature)), wrapped.signature());
        try (JarFile jar = new JarFile(wrapped.jar().toFile())) {
            assertArrayEquals(Files.readAllBytes(signature), read(jar, "META-INF/nativebundle/libfix.nativebundle.sig"));
            assertArrayEquals(Files.readAllBytes(descriptor), read(jar, "META-INF/nativebundle/libfix.nativebundle"));
        }
    }

    @Test
    public void aKeystoreThatGivesNoKeyIsNamedWithWhatIsWrong() throws Exception {
        Path keystore = keystore();
        assertEquals("CN=Wrap Signer,O=nativebundle tests", SigningKey.fromKeystore(keystore, "PKCS12", PASSWORD,
                "wrap-signer", PASSWORD).subject());
        assertProblem("the keystore " + folder().resolve("none.p12") + " does not exist",
                folder().resolve("none.p12"), null, PASSWORD, null);
        assertProblem("cannot read the keystore " + keystore + " (PKCS12): the keystore password is wrong",
                keystore, null, "wrong".toCharArray(), null);
        assertProblem("the keystore " + keystore + " (PKCS12) has no entry 'other'; its private keys: wrap-signer",
                keystore, null, PASSWORD, "other");

        Path two = folder().resolve("two.jks");
        pki.issue("Second").writeKeystore(two, "JKS", PASSWORD, "second");
        Path both = folder().resolve("both.jks");
        copyKeys(two, both, keystore);
        assertProblem("the keystore " + both + " (JKS) holds 2 private keys (second, wrap-signer); name the one to"
                + " sign with (alias)", both, null, PASSWORD, null);
        assertEquals("second", "CN=Second,O=nativebundle tests", SigningKey.fromKeystore(both, null, PASSWORD, "second",
                null).subject());

        Path trustOnly = TestPki.writeTrustKeystore(folder().resolve("trust.p12"), "PKCS12", PASSWORD,
                pki.ca().certificate());
        assertProblem("the keystore " + trustOnly + " (PKCS12) holds no private key, so it cannot sign",
                trustOnly, null, PASSWORD, null);
        assertProblem("entry 'trusted-0' of the keystore " + trustOnly + " (PKCS12) is a certificate, not a private"
                + " key; its private keys: ", trustOnly, null, PASSWORD, "trusted-0");
    }

    @Test
    public void withoutTheJdksJarSignerSigningSaysWhatIsMissing() {
        ClassLoader hiding = new ClassLoader(getClass().getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith(JarSignerSupport.PACKAGE + ".")) {
                    throw new ClassNotFoundException(name + " cannot be found by io.nativebundle.wrap");
                }
                return super.loadClass(name, resolve);
            }
        };
        String problem = JarSignerSupport.problem(hiding).orElseThrow();
        assertTrue(problem, problem.startsWith("signing needs the JDK's jar signer, package jdk.security.jarsigner"
                + " (module jdk.jartool), and io.nativebundle.wrap cannot load jdk.security.jarsigner.JarSigner"));
        assertTrue(problem, problem.contains("Add jdk.security.jarsigner to the packages the system bundle exports"
                + " (framework property org.osgi.framework.system.packages.extra; in Karaf, the jre-<version> list"));
        assertEquals("this JVM has it, and the test class path sees it", Optional.empty(),
                JarSignerSupport.problem(getClass().getClassLoader()));
    }

    @Test
    public void manyThreadsSigningIntoOneJarAndOneSignatureLeaveWholeFiles() throws Exception {
        Path descriptor = descriptor();
        SigningKey key = key();
        Path shared = folder().resolve("out/fix.jar");
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int thread = i;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int round = 0; round < 5; round++) {
                        if (thread % 2 == 0) {
                            NativeWrapper.wrap(null, descriptor, shared, key);
                        } else {
                            NativeWrapper.signDetached(descriptor, key);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
        try (JarFile jar = new JarFile(shared.toFile(), true)) {
            JarEntry library = jar.getJarEntry("native/linux/x86-64/libfix.so");
            read(jar, library.getName());
            assertEquals(signer.certificate(), library.getCodeSigners()[0].getSignerCertPath().getCertificates().get(0));
        }
        assertEquals(signer.certificate(), signerOf(folder().resolve("libfix.nativebundle.sig"), Map.of(
                "libfix.nativebundle", descriptor, "libfix.so", folder().resolve("libfix.so"))));
        try (var left = Files.list(folder())) {
            assertEquals("no temporary file is left behind", List.of("libfix.nativebundle", "libfix.nativebundle.sig",
                    "libfix.so", "out", "signer.p12"), left.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    private static void assertProblem(String expected, Path keystore, String type, char[] password, String alias) {
        try {
            SigningKey.fromKeystore(keystore, type, password, alias, null);
            fail("a key was read from " + keystore);
        } catch (IOException e) {
            assertTrue("expected " + expected + "\nfound    " + e.getMessage(), e.getMessage().startsWith(expected));
        }
    }

    /** The signer of {@code signature} over {@code files}, checked as the loader does: a verifying JarFile. */
    private X509Certificate signerOf(Path signature, Map<String, Path> files) throws Exception {
        Path jar = Files.createTempFile(folder(), "check-", ".jar");
        try {
            try (ZipFile sig = new ZipFile(signature.toFile());
                 ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
                for (ZipEntry entry : Collections.list(sig.entries())) {
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    sig.getInputStream(entry).transferTo(out);
                }
                for (Map.Entry<String, Path> file : files.entrySet()) {
                    out.putNextEntry(new ZipEntry(file.getKey()));
                    out.write(Files.readAllBytes(file.getValue()));
                }
            }
            X509Certificate found = null;
            try (JarFile verifying = new JarFile(jar.toFile(), true)) {
                for (String name : files.keySet()) {
                    JarEntry entry = verifying.getJarEntry(name);
                    read(verifying, name);
                    assertNotNull(name + " is signed", entry.getCodeSigners());
                    found = (X509Certificate) entry.getCodeSigners()[0].getSignerCertPath().getCertificates().get(0);
                }
            }
            return found;
        } finally {
            Files.deleteIfExists(jar);
        }
    }

    private static void copyKeys(Path from, Path to, Path pkcs12) throws Exception {
        java.security.KeyStore store = java.security.KeyStore.getInstance("JKS");
        try (InputStream in = Files.newInputStream(from)) {
            store.load(in, PASSWORD);
        }
        java.security.KeyStore other = java.security.KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(pkcs12)) {
            other.load(in, PASSWORD);
        }
        store.setKeyEntry("wrap-signer", other.getKey("wrap-signer", PASSWORD), PASSWORD,
                other.getCertificateChain("wrap-signer"));
        try (OutputStream out = Files.newOutputStream(to)) {
            store.store(out, PASSWORD);
        }
    }

    private static byte[] read(JarFile jar, String name) throws IOException {
        try (InputStream in = jar.getInputStream(jar.getEntry(name))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    private static byte[] append(byte[] bytes) {
        byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        longer[bytes.length] = 1;
        return longer;
    }

    private static String base64(String hex) {
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
    }
}
