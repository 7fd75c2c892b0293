package io.nativebundle.karaf.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import io.nativebundle.api.CheckResult;
import io.nativebundle.api.NativeBundleVerifier;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.api.VerificationReport;

/**
 * Karaf's {@code native:verify}: its options reach the shared logic as Gogo's do. {@code --trust}
 * (and {@code --password}) check the signature against a trust store; without them the runtime's
 * store applies. The verifier is a recording fake: what it is asked is what the command passed.
 */
public class VerifyCommandTest {

    /** What the fake verifier was asked: the jar, the trust store and password when one was given. */
    private record Call(Path jar, Path trust, String password) {
    }

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private final List<Call> calls = new ArrayList<>();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private PrintStream stdout;
    private List<CheckResult> checks = List.of(CheckResult.pass("trust", "the manifest and 3 entries are signed by"
            + " CN=Acme Signer (issued by CN=Acme CA), trusted by --trust"));

    private final NativeBundleVerifier verifier = new NativeBundleVerifier() {
        @Override
        public VerificationReport verify(Path bundleJar) {
            calls.add(new Call(bundleJar, null, null));
            return new VerificationReport(bundleJar.toString(), checks);
        }

        @Override
        public VerificationReport verify(Path bundleJar, Path trustStore, String password) {
            calls.add(new Call(bundleJar, trustStore, password));
            return new VerificationReport(bundleJar.toString(), checks);
        }
    };

    @Before
    public void capture() {
        stdout = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @After
    public void restore() {
        System.setOut(stdout);
    }

    private VerifyCommand command(String location) {
        VerifyCommand command = new VerifyCommand();
        command.verifier = verifier;
        command.location = location;
        return command;
    }

    @Test
    public void trustAndPasswordReachTheVerifier() throws Exception {
        Path jar = Files.write(temp.getRoot().toPath().resolve("math.jar"), new byte[] {1});
        Path store = temp.newFolder("trusted").toPath();
        VerifyCommand command = command(jar.toString());
        command.trust = store.toString();
        command.password = "s3cret";

        assertNull(command.execute());
        assertEquals(List.of(new Call(jar, store, "s3cret")), calls);
        String output = printed.toString(StandardCharsets.UTF_8);
        assertTrue(output, output.contains("PASS  trust  the manifest and 3 entries are signed by CN=Acme Signer"));
    }

    @Test
    public void thePasswordMayComeFromAFile() throws Exception {
        Path jar = Files.write(temp.getRoot().toPath().resolve("math.jar"), new byte[] {1});
        Path password = Files.writeString(temp.getRoot().toPath().resolve("pass.txt"), "from-file\n");
        VerifyCommand command = command(jar.toString());
        command.trust = temp.getRoot().toPath().resolve("trust.p12").toString();
        command.password = "file:" + password;

        command.execute();
        assertEquals(List.of(new Call(jar, temp.getRoot().toPath().resolve("trust.p12"), "from-file")), calls);
    }

    @Test
    public void withoutTrustTheRuntimesStoreApplies() throws Exception {
        Path jar = Files.write(temp.getRoot().toPath().resolve("math.jar"), new byte[] {1});
        command(jar.toString()).execute();
        assertEquals(List.of(new Call(jar, null, null)), calls);
    }

    @Test
    public void anUntrustedJarPrintsEveryCheckThenFails() throws Exception {
        Path jar = Files.write(temp.getRoot().toPath().resolve("math.jar"), new byte[] {1});
        checks = List.of(CheckResult.pass("digest", "native/linux/x86-64/libmath.so matches NativeBundle-Digest"),
                CheckResult.fail("trust", RefusalReason.UNTRUSTED, "signed by CN=Mallory (issued by CN=Mallory): its"
                        + " certificate chain does not lead to a trusted certificate"));
        VerifyCommand command = command(jar.toString());
        command.trust = temp.newFolder("trusted").toString();
        try {
            command.execute();
            fail("an untrusted jar passed");
        } catch (IllegalStateException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("trust (UNTRUSTED)"));
        }
        String output = printed.toString(StandardCharsets.UTF_8);
        assertTrue(output, output.contains("PASS  digest") && output.contains("FAIL  trust   UNTRUSTED: signed by"
                + " CN=Mallory"));
    }
}
