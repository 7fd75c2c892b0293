package io.nativebundle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.util.Collection;

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
import io.nativebundle.api.NativeLibrary;
import io.nativebundle.api.NativeVariable;
import io.nativebundle.examples.math.MathLib;
import io.nativebundle.testsupport.osgi.Services;

/** Every native service names the backend that calls its native code: {@code nativebundle.backend=jnr}. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BackendPropertyTest extends AbstractIntegrationTest {

    private static final String MATH = "(" + NativeBundleConstants.LIBRARY + "=math)";

    @Configuration
    public Option[] config() {
        return NativeBundleOptions.withExamples();
    }

    @Test
    public void everyServiceOfTheLibraryCarriesTheBackend() throws Exception {
        assertEquals("jnr", Services.await(context, MathLib.class, null).getProperty(NativeBundleConstants.BACKEND));
        assertEquals("jnr", Services.await(context, NativeLibrary.class, MATH).getProperty(NativeBundleConstants.BACKEND));
        Services.await(context, NativeFunction.class, MATH);
        assertAllJnr(context.getServiceReferences(NativeFunction.class, MATH));
        assertAllJnr(context.getServiceReferences(NativeVariable.class, MATH));
    }

    @Test
    public void servicesCanBeSelectedByBackend() throws Exception {
        ServiceReference<NativeFunction> add = Services.await(context, NativeFunction.class,
                "(&" + MATH + "(" + NativeBundleConstants.SYMBOL + "=add)(" + NativeBundleConstants.BACKEND + "=jnr))");
        assertEquals(5, context.getService(add).invoke(2, 3));
    }

    private static void assertAllJnr(Collection<? extends ServiceReference<?>> refs) {
        assertFalse(refs.isEmpty());
        for (ServiceReference<?> ref : refs) {
            assertEquals(ref.toString(), "jnr", ref.getProperty(NativeBundleConstants.BACKEND));
        }
    }
}
