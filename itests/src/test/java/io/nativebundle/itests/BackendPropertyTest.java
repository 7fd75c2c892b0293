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

/**
 * Every native service names the backend that calls its native code: {@code nativebundle.backend=jnr},
 * or {@code ffm} in the run on Java 22+ with the FFM fragment, which the loader then chooses by itself.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BackendPropertyTest extends AbstractIntegrationTest {

    private static final String MATH = "(" + NativeBundleConstants.LIBRARY + "=math)";
    private static final String BACKEND = NativeBundleOptions.automaticBackend();

    @Configuration
    public Option[] config() {
        return NativeBundleOptions.withExamples();
    }

    @Test
    public void everyServiceOfTheLibraryCarriesTheBackend() throws Exception {
        assertEquals(BACKEND, Services.await(context, MathLib.class, null).getProperty(NativeBundleConstants.BACKEND));
        ServiceReference<NativeLibrary> library = Services.await(context, NativeLibrary.class, MATH);
        assertEquals(BACKEND, library.getProperty(NativeBundleConstants.BACKEND));
        assertEquals(BACKEND, context.getService(library).backend());
        Services.await(context, NativeFunction.class, MATH);
        assertAllOnTheBackend(context.getServiceReferences(NativeFunction.class, MATH));
        assertAllOnTheBackend(context.getServiceReferences(NativeVariable.class, MATH));
    }

    @Test
    public void servicesCanBeSelectedByBackend() throws Exception {
        ServiceReference<NativeFunction> add = Services.await(context, NativeFunction.class,
                "(&" + MATH + "(" + NativeBundleConstants.SYMBOL + "=add)(" + NativeBundleConstants.BACKEND + "=" + BACKEND + "))");
        assertEquals(5, context.getService(add).invoke(2, 3));
    }

    private static void assertAllOnTheBackend(Collection<? extends ServiceReference<?>> refs) {
        assertFalse(refs.isEmpty());
        for (ServiceReference<?> ref : refs) {
            assertEquals(ref.toString(), BACKEND, ref.getProperty(NativeBundleConstants.BACKEND));
        }
    }
}
