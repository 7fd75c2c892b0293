package io.nativebundle.itests.trust;

import static io.nativebundle.itests.tenant.TenantStatus.awaitState;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

import io.nativebundle.api.CheckResult;
import io.nativebundle.api.NativeBundleStatus;
import io.nativebundle.api.NativeBundleStatus.State;
import io.nativebundle.api.NativeFunction;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.itests.AbstractIntegrationTest;
import io.nativebundle.testsupport.osgi.Gogo;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.itests.tenant.TenantBundles;
import io.nativebundle.testsupport.BundleRewriter;
import io.nativebundle.testsupport.pki.TestPki;

/**
 * Trust by signature: the runtime trusts a folder with a test CA's certificate and its CRL
 * ({@code io.nativebundle.trust.certificates}). A math bundle signed by a signer the CA issued
 * loads; unsigned, signed by a stranger, changed after signing, signed by an expired or by a
 * revoked certificate, it is refused as {@code UNTRUSTED}, naming the signer and the trusted
 * subjects, while the trusted bundle keeps serving. {@code native:verify --trust} gives CI the
 * same verdicts without installing. The jars are signed with the JDK's own jar signer.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TrustTest extends AbstractIntegrationTest {

    private static final String FOLDER = "nativebundle.itest.trust";
    private static final String CA = "CN=nativebundle test CA,O=nativebundle tests";

    @Configuration
    public Option[] config() throws Exception {
        Path dir = NativeBundleOptions.newWorkDir("trust").toPath();
        TestPki pki = TestPki.create();
        TestPki.Signer good = pki.issue("Acme Signer");
        TestPki.Signer expired = pki.issue("Old Signer", Instant.now().minus(Duration.ofDays(10)), Duration.ofDays(1));
        TestPki.Signer revoked = pki.issue("Leaked Signer");
        pki.writeTrustFolder(dir.resolve("trusted"), revoked.certificate());

        // each variant has its own symbolic name, given before signing: a later change would break the signature
        Files.write(dir.resolve("unsigned.jar"), unsigned(dir, "unsigned"));
        good.sign(unsignedFile(dir, "signed"), dir.resolve("signed.jar"));
        expired.sign(unsignedFile(dir, "expired"), dir.resolve("expired.jar"));
        revoked.sign(unsignedFile(dir, "revoked"), dir.resolve("revoked.jar"));
        TestPki.stranger("Mallory").sign(unsignedFile(dir, "stranger"), dir.resolve("stranger.jar"));
        // changed after signing: another build note, with the digest header to match, as a repackager would do
        good.sign(unsignedFile(dir, "tampered"), dir.resolve("tampered-signed.jar"));
        Files.write(dir.resolve("tampered.jar"), BundleRewriter.of(dir.resolve("tampered-signed.jar"))
                .replaceBytes("native/", "math 1.2.0 (", "math 1.2.1 (").fixDigests().toBytes());

        List<Option> options = new ArrayList<>(Arrays.asList(NativeBundleOptions.core(
                bundle(TenantBundles.api().toURI().toString()), NativeBundleOptions.shell(),
                frameworkProperty("io.nativebundle.trust.certificates").value(dir.resolve("trusted").toString()),
                systemProperty(FOLDER).value(dir.toString()))));
        return options.toArray(new Option[0]);
    }

    @Test
    public void onlyABundleSignedByATrustedCertificateLoadsTheOthersAreRefusedAsUntrusted() throws Exception {
        Bundle signed = install("signed");
        NativeBundleStatus loaded = awaitState(context, signed, State.ACTIVE);
        CheckResult trust = loaded.loaded().orElseThrow().checks().get(0);
        assertEquals("trust", trust.check());
        assertTrue(trust.detail(), trust.detail().contains("are signed by CN=Acme Signer,O=nativebundle tests (issued by "
                + CA + "), trusted by io.nativebundle.trust.certificates="));
        NativeFunction add = service(NativeFunction.class, "(&(nativebundle.library=math)(nativebundle.symbol=add))");
        assertEquals(5, add.invoke(2, 3));
        try {
            refused("unsigned", "is not trusted: unsigned: it carries no signature");
            refused("stranger", "signed by CN=Mallory (issued by CN=Mallory): its certificate chain does not lead to a"
                    + " trusted certificate");
            refused("tampered", "signed by CN=Acme Signer,O=nativebundle tests (issued by " + CA + "): the content was"
                    + " changed after signing");
            refused("expired", "certificate CN=Old Signer,O=nativebundle tests expired on");
            refused("revoked", "certificate CN=Leaked Signer,O=nativebundle tests (serial ");
            // the trusted bundle served all along
            assertEquals(State.ACTIVE, awaitState(context, signed, State.ACTIVE).state());
            assertEquals(9, add.invoke(4, 5));
        } finally {
            signed.uninstall();
        }
    }

    @Test
    public void nativeVerifyWithATrustStoreGivesCiTheSameVerdicts() throws Exception {
        Path dir = Path.of(System.getProperty(FOLDER));
        String store = dir.resolve("trusted").toString();
        String passed = Gogo.run(context, "native:verify --trust " + store + " " + dir.resolve("signed.jar"));
        assertTrue(passed, passed.contains("PASS  trust") && passed.contains("signed by CN=Acme Signer"));
        for (String variant : List.of("unsigned", "stranger", "tampered", "expired", "revoked")) {
            Gogo.Outcome outcome = Gogo.execute(context, "native:verify --trust " + store + " "
                    + dir.resolve(variant + ".jar"));
            assertTrue(variant + ": " + outcome.output(), outcome.output().contains("FAIL  trust")
                    && outcome.output().contains("UNTRUSTED: "));
            assertTrue(variant + ": " + outcome.failureMessage(), outcome.failureMessage().contains("trust (UNTRUSTED)"));
        }
    }

    private void refused(String variant, String expected) throws Exception {
        Bundle bundle = install(variant);
        try {
            NativeBundleStatus status = awaitState(context, bundle, State.REFUSED);
            assertEquals(variant, RefusalReason.UNTRUSTED, status.reason().orElseThrow());
            assertTrue(variant + ": " + status.detail(), status.detail().contains(expected)
                    && status.detail().contains("and it trusts " + CA));
            assertEquals("no service of the refused bundle", null, bundle.getRegisteredServices());
        } finally {
            bundle.uninstall();
        }
    }

    private Bundle install(String variant) throws Exception {
        Path jar = Path.of(System.getProperty(FOLDER), variant + ".jar");
        Bundle bundle = context.installBundle("test:trust-" + variant, new ByteArrayInputStream(Files.readAllBytes(jar)));
        bundle.start();
        return bundle;
    }

    private static byte[] unsigned(Path dir, String variant) throws Exception {
        return TenantBundles.math("io.nativebundle.itests.trust." + variant, "1.2.0", null).toBytes();
    }

    private static Path unsignedFile(Path dir, String variant) throws Exception {
        return Files.write(dir.resolve(variant + "-unsigned.jar"), unsigned(dir, variant));
    }
}
