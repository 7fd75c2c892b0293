package io.nativebundle.itests.wrap;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import org.osgi.framework.ServiceReference;

import io.nativebundle.api.NativeFunction;
import io.nativebundle.itests.AbstractIntegrationTest;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.testsupport.osgi.Services;
import io.nativebundle.wrap.WrapRefusal;
import io.nativebundle.wrap.WrapStatus;

/**
 * Bad descriptors dropped next to the real libmath.so install nothing, and {@link WrapStatus}
 * says why, with file, line and column; fixing the descriptor installs it, deleting it forgets
 * the refusal.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WrapRefusalTest extends AbstractIntegrationTest {

    /**
     * A fixed folder: the class is loaded twice, by Maven for {@code config()} and inside the
     * framework for the tests, so a random name would differ between the two.
     */
    static final File PLUGINS = new File(NativeBundleOptions.WORK, "wrap-refusal/plugins");

    @Configuration
    public Option[] config() throws java.io.IOException {
        Drops.clean(PLUGINS);
        return NativeBundleOptions.withDropIns(PLUGINS);
    }

    private WrapRefusal refusalOf(Path descriptor) throws Exception {
        WrapStatus status = service(WrapStatus.class, null);
        WrapRefusal refusal = Drops.await("a refusal of " + descriptor, () -> status.refusal(descriptor).orElse(null));
        // FileInstall uninstalls the bundle of an edited descriptor right after the refused wrap
        Drops.await("nothing is installed for " + descriptor, () -> Drops.installedFrom(context, descriptor) == null);
        assertTrue(status.refusals().contains(refusal));
        return refusal;
    }

    private Path dropBad(String tenant, String... descriptor) throws Exception {
        File folder = new File(PLUGINS, tenant);
        Drops.drop(folder, "libmath.so", Drops.libmath());
        return Drops.drop(folder, "libmath.nativebundle", descriptor);
    }

    @Test
    public void anUnknownTypeIsRefusedAtItsColumnThenTheFixInstalls() throws Exception {
        Path descriptor = dropBad("unknown-type", Drops.mathWith(6, "add = (int,integer)int"));
        WrapRefusal refusal = refusalOf(descriptor);
        assertEquals(6, refusal.line());
        assertEquals(12, refusal.column());
        assertTrue(refusal.message(), refusal.message().startsWith(
                "libmath.nativebundle:6:12: unknown parameter type 'integer'; expected one of void, byte,"));

        Drops.drop(descriptor.getParent().toFile(), "libmath.nativebundle", Drops.MATH);
        ServiceReference<NativeFunction> add = Services.await(context, NativeFunction.class,
                "(&(nativebundle.namespace=unknown-type/math/v1)(nativebundle.symbol=add))");
        assertEquals(5, context.getService(add).invoke(2, 3));
        WrapStatus status = service(WrapStatus.class, null);
        assertTrue(status.refusal(descriptor).isEmpty());
    }

    @Test
    public void aMissingSymbolIsRefusedAtItsDeclaration() throws Exception {
        Path descriptor = dropBad("missing-symbol", Drops.mathWith(7, "    subtract = (int,int)int"));
        WrapRefusal refusal = refusalOf(descriptor);
        assertEquals(7, refusal.line());
        assertEquals(5, refusal.column());
        assertTrue(refusal.message(), refusal.message().startsWith(
                "libmath.nativebundle:7:5: symbol 'subtract' is not exported by libmath.so: "));
    }

    @Test
    public void aSignatureThatDoesNotParseIsRefused() throws Exception {
        Path descriptor = dropBad("bad-signature", Drops.mathWith(8, "greet = (string"));
        WrapRefusal refusal = refusalOf(descriptor);
        assertEquals("libmath.nativebundle:8:16: expected ',' or ')' after a parameter type but found the end of"
                + " the signature", refusal.message());
    }

    @Test
    public void anUnknownKeyIsRefusedAndADeletedDescriptorIsForgotten() throws Exception {
        Path descriptor = dropBad("unknown-key", Drops.mathWith(4, "licence = MIT"));
        WrapRefusal refusal = refusalOf(descriptor);
        assertEquals(4, refusal.line());
        assertEquals(1, refusal.column());
        Files.delete(descriptor);
        WrapStatus status = service(WrapStatus.class, null);
        assertTrue(status.refusal(descriptor).isEmpty());
        assertTrue(status.refusals().stream().noneMatch(r -> r.descriptor().equals(descriptor)));
    }

    @Test
    public void aValidDescriptorMadeInvalidUninstallsItsBundle() throws Exception {
        File folder = new File(PLUGINS, "edited");
        Drops.drop(folder, "libmath.so", Drops.libmath());
        Path descriptor = Drops.drop(folder, "libmath.nativebundle", Drops.MATH);
        Services.await(context, NativeFunction.class, "(nativebundle.namespace=edited/math/v1)");
        Drops.drop(folder, "libmath.nativebundle", Drops.mathWith(2, "library = maths"));
        WrapRefusal refusal = refusalOf(descriptor);
        assertEquals("libmath.nativebundle:2:11: libmath.so is built as library 'math' (its build note), not 'maths'",
                refusal.message());
        Services.awaitAbsent(context, NativeFunction.class, "(nativebundle.namespace=edited/math/v1)");
    }
}
