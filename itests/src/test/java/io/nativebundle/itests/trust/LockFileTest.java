package io.nativebundle.itests.trust;

import static io.nativebundle.itests.tenant.TenantStatus.awaitState;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

import io.nativebundle.api.NativeBundleStatus;
import io.nativebundle.api.NativeBundleStatus.State;
import io.nativebundle.api.NativeFunction;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.itests.AbstractIntegrationTest;
import io.nativebundle.testsupport.osgi.Gogo;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.itests.Platform;
import io.nativebundle.itests.tenant.TenantBundles;
import io.nativebundle.testsupport.BundleRewriter;

/**
 * The lock file ({@code io.nativebundle.lockfile}): it locks acme's math 1.2.0. acme's library
 * loads, globex's 1.3.0 (another file) is refused as {@code NOT_LOCKED} naming its digest while
 * acme's serves; {@code native:lock} writes what is loaded; a line added to the file while the
 * runtime runs lets globex's library load on its next start.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LockFileTest extends AbstractIntegrationTest {

    private static final Path LOCK = NativeBundleOptions.WORK.toPath().resolve("lockfile-test").resolve("nativebundle.lock");

    @Configuration
    public Option[] config() throws Exception {
        Files.createDirectories(LOCK.getParent());
        Files.writeString(LOCK, "# what may run here\n" + line("acme", "1.2.0") + "\n", StandardCharsets.UTF_8);
        return NativeBundleOptions.core(bundle(TenantBundles.api().toURI().toString()), NativeBundleOptions.shell(),
                frameworkProperty("io.nativebundle.lockfile").value(LOCK.toString()));
    }

    @Test
    public void onlyLockedLibrariesLoadAndNativeLockWritesWhatIsLoaded() throws Exception {
        Bundle acme = install("acme", "1.2.0");
        Bundle globex = install("globex", "1.3.0");
        try {
            NativeBundleStatus loaded = awaitState(context, acme, State.ACTIVE);
            assertTrue(loaded.loaded().orElseThrow().checks().stream().anyMatch(c -> c.check().equals("lock")));

            NativeBundleStatus refused = awaitState(context, globex, State.REFUSED);
            assertEquals(RefusalReason.NOT_LOCKED, refused.reason().orElseThrow());
            assertTrue(refused.detail(), refused.detail().startsWith("sha256 " + sha256("1.3.0") + " of "
                    + Platform.entry("math") + " (library math 1.3.0 of tenant 'globex') is not locked in " + LOCK));
            assertTrue(refused.detail(), refused.detail().endsWith("add the line: " + line("globex", "1.3.0")));
            NativeFunction add = service(NativeFunction.class, "(&(nativebundle.tenant=acme)(nativebundle.symbol=add))");
            assertEquals("acme's library serves", 5, add.invoke(2, 3));

            Path written = LOCK.resolveSibling("written.lock");
            String said = Gogo.run(context, "native:lock " + written);
            assertEquals("locked 1 file(s) of 1 library in " + written, said);
            assertEquals(java.util.List.of(line("acme", "1.2.0")), Files.readAllLines(written).stream()
                    .filter(l -> !l.startsWith("#")).toList());

            // the operator pins globex's build too; no restart of the runtime
            Files.writeString(LOCK, line("globex", "1.3.0") + "\n", StandardOpenOption.APPEND);
            globex.stop();
            globex.start();
            assertEquals("globex", awaitState(context, globex, State.ACTIVE).loaded().orElseThrow().tenant());
        } finally {
            acme.uninstall();
            globex.uninstall();
        }
    }

    private Bundle install(String tenant, String version) throws Exception {
        Bundle bundle = context.installBundle("test:lock-" + tenant, new ByteArrayInputStream(math(tenant, version).toBytes()));
        bundle.start();
        return bundle;
    }

    private static BundleRewriter math(String tenant, String version) throws Exception {
        return TenantBundles.math("io.nativebundle.itests.lock." + tenant, version, tenant);
    }

    private static String sha256(String version) throws Exception {
        return BundleRewriter.sha256(math("x", version).entry(Platform.entry("math")));
    }

    private static String line(String tenant, String version) throws Exception {
        return tenant + " math " + version + " " + Platform.entry("math") + " sha256:" + sha256(version);
    }
}
