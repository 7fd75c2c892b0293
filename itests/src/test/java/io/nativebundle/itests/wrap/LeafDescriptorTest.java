package io.nativebundle.itests.wrap;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.io.File;
import java.nio.file.Path;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import org.osgi.framework.ServiceReference;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeFunction;
import io.nativebundle.itests.AbstractIntegrationTest;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.testsupport.osgi.Services;
import io.nativebundle.wrap.WrapRefusal;
import io.nativebundle.wrap.WrapStatus;

/**
 * {@code leaf = add} in a descriptor: the {@code NativeFunction} of a leaf says so
 * ({@code nativebundle.leaf}) and is called like any other, on FFM by a critical downcall (run
 * again on JDK 25 with the FFM fragment), on jnr as usual; a leaf with a callback parameter is
 * refused before anything is installed, whatever the backend.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LeafDescriptorTest extends AbstractIntegrationTest {

    /** A fixed folder: the class is loaded twice, by Maven for {@code config()} and in the framework. */
    static final File PLUGINS = new File(NativeBundleOptions.WORK, "wrap-leaf/plugins");

    @Configuration
    public Option[] config() throws java.io.IOException {
        Drops.clean(PLUGINS);
        return NativeBundleOptions.withDropIns(PLUGINS);
    }

    @Test
    public void aLeafFunctionIsMarkedAndCalled() throws Exception {
        File folder = new File(PLUGINS, "leaf");
        Drops.drop(folder, "libmath.so", Drops.libmath());
        Drops.drop(folder, "libmath.nativebundle", Drops.mathWith(4, "leaf = add"));
        ServiceReference<NativeFunction> add = Services.await(context, NativeFunction.class,
                "(&(nativebundle.namespace=leaf/math/v1)(nativebundle.symbol=add))");
        assertEquals(Boolean.TRUE, add.getProperty(NativeBundleConstants.LEAF));
        assertEquals(NativeBundleOptions.automaticBackend(), add.getProperty(NativeBundleConstants.BACKEND));
        assertEquals(5, context.getService(add).invoke(2, 3));
        assertEquals(9, context.getService(add).asIntBinaryOperator().applyAsInt(4, 5));
        ServiceReference<NativeFunction> multiply = Services.await(context, NativeFunction.class,
                "(&(nativebundle.namespace=leaf/math/v1)(nativebundle.symbol=multiply))");
        assertNull(multiply.getProperty(NativeBundleConstants.LEAF));
        assertEquals(12, context.getService(multiply).invoke(3, 4));
    }

    @Test
    public void aLeafWithACallbackIsRefusedAtItsLine() throws Exception {
        File folder = new File(PLUGINS, "leaf-callback");
        Drops.drop(folder, "libmath.so", Drops.libmath());
        Path descriptor = Drops.drop(folder, "libmath.nativebundle", "library = math", "version = 1.2.0",
                "leaf = apply", "[callbacks]", "op = (int)int", "[symbols]", "apply = (op f, int x)int");
        WrapStatus status = service(WrapStatus.class, null);
        WrapRefusal refusal = Drops.await("a refusal of " + descriptor, () -> status.refusal(descriptor).orElse(null));
        assertEquals("libmath.nativebundle:3:8: function 'apply' is declared a leaf and takes the callback op"
                + " (parameter 1); a leaf never calls back into Java: remove leaf or the callback", refusal.message());
        assertNull(Drops.installedFrom(context, descriptor));
    }
}
