package io.nativebundle.itests.wrap;

import static io.nativebundle.itests.tenant.TenantStatus.awaitState;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.osgi.framework.ServiceReference;

import io.nativebundle.api.CheckResult;
import io.nativebundle.api.NativeBundleStatus;
import io.nativebundle.api.NativeBundleStatus.State;
import io.nativebundle.api.NativeFunction;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.itests.AbstractIntegrationTest;
import io.nativebundle.testsupport.osgi.Gogo;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.testsupport.osgi.Services;
import io.nativebundle.testsupport.pki.TestPki;

/**
 * Signing what the runtime's own tools write, end to end, with a trust store set: the runtime
 * trusts a test CA ({@code io.nativebundle.trust.certificates}); tenant {@code globex} trusts
 * another CA instead ({@code io.nativebundle.tenant.globex.trust.certificates}). Keys are made at
 * configuration time into keystores; {@code native:wrap --sign} and {@code native:sign} use them
 * inside the framework, as an operator would.
 *
 * <ul>
 * <li>A jar written by {@code native:wrap --sign} loads in a tenant that trusts the signer and is
 * refused as {@code UNTRUSTED} in {@code globex}.</li>
 * <li>A drop-in ({@code .so} + descriptor) with the {@code .sig} that {@code native:sign} wrote loads;
 * with a {@code .sig} by an untrusted key, with a {@code .so} changed after signing, or without a
 * {@code .sig}, it is refused as {@code UNTRUSTED} while the trusted one keeps serving; a {@code .sig}
 * that arrives after its descriptor makes it wrap again, and load.</li>
 * </ul>
 * Each case uses its own tenant folder, so they share one framework.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SignedDropInTest extends AbstractIntegrationTest {

    /** Fixed: the class is loaded by Maven for {@code config()} and again inside the framework. */
    static final File DIR = new File(NativeBundleOptions.WORK, "signed-dropin");
    static final File PLUGINS = new File(DIR, "plugins");
    private static final String PASSWORD = "s3cret";
    private static final String CA = "CN=nativebundle test CA,O=nativebundle tests";
    private static final String OTHER_CA = "CN=Other CA,O=nativebundle tests";

    @Configuration
    public Option[] config() throws Exception {
        Drops.clean(DIR);
        Path dir = DIR.toPath();
        TestPki pki = TestPki.create();
        pki.writeTrustFolder(dir.resolve("trusted"));
        TestPki.create("Other CA").writeTrustFolder(dir.resolve("other"));
        Files.createDirectories(dir.resolve("keys"));
        pki.issue("Acme Signer").writeKeystore(dir.resolve("keys/signer.p12"), "PKCS12", PASSWORD.toCharArray(), "signer");
        TestPki.stranger("Mallory").writeKeystore(dir.resolve("keys/mallory.p12"), "PKCS12", PASSWORD.toCharArray(),
                "mallory");
        Drops.clean(PLUGINS);

        List<Option> options = new ArrayList<>(Arrays.asList(NativeBundleOptions.core(NativeBundleOptions.shell(),
                frameworkProperty("io.nativebundle.trust.certificates").value(dir.resolve("trusted").toString()),
                frameworkProperty("io.nativebundle.tenant.globex.trust.certificates")
                        .value(dir.resolve("other").toString()))));
        // FileInstall before wrap: wrap's optional import of FileInstall's API wires only to a bundle installed first
        options.addAll(Arrays.asList(NativeBundleOptions.fileInstall(PLUGINS)));
        options.add(NativeBundleOptions.wrap());
        return options.toArray(new Option[0]);
    }

    @Test
    public void aJarSignedByNativeWrapLoadsUnderATrustedStoreAndIsRefusedUnderAnother() throws Exception {
        Path staging = staging("wrap");
        String jar = Gogo.run(context, "native:wrap --sign " + key("signer") + " --storepass " + PASSWORD + " "
                + staging.resolve("libmath.so") + " " + staging.resolve("libmath.nativebundle") + " "
                + staging.resolve("math-signed.jar"));
        assertEquals(staging.resolve("math-signed.jar").toString(), jar);

        Path trusted = Drops.drop(new File(PLUGINS, "acme"), "math.jar", Files.readAllBytes(Path.of(jar)));
        ServiceReference<NativeFunction> add = add("acme");
        assertEquals(5, context.getService(add).invoke(2, 3));
        CheckResult trust = awaitState(context, Drops.installedFrom(context, trusted), State.ACTIVE).loaded().orElseThrow()
                .checks().get(0);
        assertEquals("trust", trust.check());
        assertTrue(trust.detail(), trust.detail().contains("signed by CN=Acme Signer,O=nativebundle tests (issued by "
                + CA + "), trusted by io.nativebundle.trust.certificates="));
        Files.delete(trusted);
        Services.awaitAbsent(context, NativeFunction.class, "(nativebundle.namespace=acme/math/v1)");

        // the same bytes, in the folder of a tenant whose store trusts another CA
        Path globex = Drops.drop(new File(PLUGINS, "globex"), "math.jar", Files.readAllBytes(Path.of(jar)));
        Bundle refused = Drops.await("the jar in plugins/globex/ installed", () -> Drops.installedFrom(context, globex));
        NativeBundleStatus status = awaitState(context, refused, State.REFUSED);
        assertEquals(RefusalReason.UNTRUSTED, status.reason().orElseThrow());
        assertTrue(status.detail(), status.detail().contains("signed by CN=Acme Signer,O=nativebundle tests (issued by "
                + CA + "): its certificate chain does not lead to a trusted certificate")
                && status.detail().contains("for tenant 'globex', and it trusts " + OTHER_CA));
        Files.delete(globex);
    }

    @Test
    public void aDropInLoadsWithItsDetachedSignatureAndIsRefusedWithABadOneOrNone() throws Exception {
        // signed by a trusted key, the .sig dropped before the descriptor
        Path signed = dropSigned("signed", "signer", Drops.libmath());
        ServiceReference<NativeFunction> add = add("signed");
        assertEquals(5, context.getService(add).invoke(2, 3));
        NativeBundleStatus loaded = awaitState(context, Drops.installedFrom(context, signed), State.ACTIVE);
        assertTrue(loaded.loaded().orElseThrow().checks().get(0).detail(), loaded.loaded().orElseThrow().checks().get(0)
                .detail().startsWith("the detached signature of libmath.nativebundle and its library are signed by"
                        + " CN=Acme Signer,O=nativebundle tests"));

        refused(dropSigned("stranger", "mallory", Drops.libmath()), "signed by CN=Mallory (issued by"
                + " CN=Mallory): its certificate chain does not lead to a trusted certificate");
        assertEquals("the trusted drop-in serves on", 9, context.getService(add).invoke(4, 5));

        byte[] changed = Arrays.copyOf(Drops.libmath(), Drops.libmath().length + 1); // one byte more after signing
        refused(dropSigned("changed", "signer", changed), "the content was changed after signing");
        assertEquals(11, context.getService(add).invoke(5, 6));

        File unsigned = new File(PLUGINS, "unsigned");
        Drops.drop(unsigned, "libmath.so", Drops.libmath());
        refused(Drops.drop(unsigned, "libmath.nativebundle", Drops.MATH), "unsigned: no detached signature"
                + " libmath.nativebundle.sig was dropped beside libmath.nativebundle");
        assertEquals(13, context.getService(add).invoke(6, 7));
    }

    @Test
    public void aSignatureThatArrivesAfterItsDescriptorIsPickedUp() throws Exception {
        File late = new File(PLUGINS, "late");
        Drops.drop(late, "libmath.so", Drops.libmath());
        Path descriptor = Drops.drop(late, "libmath.nativebundle", Drops.MATH);
        Bundle bundle = refused(descriptor, "unsigned: no detached signature libmath.nativebundle.sig");

        // signed where it lies: native:sign writes libmath.nativebundle.sig beside it, atomically
        String signature = Gogo.run(context, "native:sign --storepass " + PASSWORD + " " + descriptor + " " + key("signer"));
        assertEquals(descriptor + ".sig", signature);
        ServiceReference<NativeFunction> add = add("late");
        assertEquals(7, context.getService(add).invoke(3, 4));
        assertEquals("the same bundle, updated", bundle, Drops.installedFrom(context, descriptor));
        assertEquals(State.ACTIVE, awaitState(context, bundle, State.ACTIVE).state());
    }

    /** A folder outside the plugins folder with the math library and its descriptor, to sign there. */
    private static Path staging(String name) throws Exception {
        File folder = new File(DIR, "staging/" + name);
        Drops.drop(folder, "libmath.so", Drops.libmath());
        Drops.drop(folder, "libmath.nativebundle", Drops.MATH);
        return folder.toPath();
    }

    private static String key(String name) {
        return new File(DIR, "keys/" + name + ".p12").getAbsolutePath();
    }

    /**
     * Signs in staging with {@code key}, then drops the library, the signature and the descriptor into
     * {@code plugins/<tenant>/}, in that order; returns the descriptor dropped.
     */
    private Path dropSigned(String tenant, String key, byte[] library) throws Exception {
        Path staging = staging(tenant);
        Gogo.run(context, "native:sign --storepass " + PASSWORD + " " + staging.resolve("libmath.nativebundle") + " "
                + key(key));
        File folder = new File(PLUGINS, tenant);
        Drops.drop(folder, "libmath.so", library);
        Drops.drop(folder, "libmath.nativebundle.sig", Files.readAllBytes(staging.resolve("libmath.nativebundle.sig")));
        return Drops.drop(folder, "libmath.nativebundle", Drops.MATH);
    }

    private ServiceReference<NativeFunction> add(String tenant) throws InterruptedException {
        return Services.await(context, NativeFunction.class, "(&(nativebundle.namespace=" + tenant
                + "/math/v1)(nativebundle.symbol=add))");
    }

    /** Waits for the loader to refuse the bundle installed from {@code descriptor} as UNTRUSTED, saying {@code expected}. */
    private Bundle refused(Path descriptor, String expected) throws Exception {
        Bundle bundle = Drops.await("the bundle of " + descriptor + " installed", () -> Drops.installedFrom(context,
                descriptor));
        NativeBundleStatus status = awaitState(context, bundle, State.REFUSED);
        assertEquals(status.detail(), RefusalReason.UNTRUSTED, status.reason().orElseThrow());
        assertTrue(status.detail(), status.detail().contains(expected) && status.detail().contains("and it trusts " + CA));
        assertEquals("no service of the refused bundle", null, bundle.getRegisteredServices());
        return bundle;
    }
}
