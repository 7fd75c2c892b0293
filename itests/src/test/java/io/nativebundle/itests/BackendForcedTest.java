package io.nativebundle.itests;

import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeLibrary;
import io.nativebundle.examples.math.MathLib;
import io.nativebundle.testsupport.osgi.Services;

/**
 * {@code io.nativebundle.backend=ffm} forces FFM where it can run: on Java 22+ with the FFM fragment
 * the math example is called through FFM; on Java 17 (or without the fragment) the loader logs why it
 * cannot and runs on jnr, and the library loads all the same.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BackendForcedTest extends AbstractIntegrationTest {

    private static final String MATH = "(" + NativeBundleConstants.LIBRARY + "=math)";

    @Configuration
    public Option[] config() {
        return NativeBundleOptions.withExamples(frameworkProperty(NativeBundleConstants.BACKEND_PROPERTY).value("ffm"));
    }

    @Test
    public void ffmIsUsedWhereItCanRunAndJnrOtherwise() throws Exception {
        String expected = NativeBundleOptions.automaticBackend();
        assertEquals(expected, Services.await(context, NativeLibrary.class, MATH).getProperty(NativeBundleConstants.BACKEND));
        assertEquals(expected, Services.await(context, MathLib.class, null).getProperty(NativeBundleConstants.BACKEND));
    }

    @Test
    public void theLibraryIsCalledEitherWay() throws Exception {
        assertEquals(5, function("math", "add").invoke(2, 3));
        assertEquals(5, function("math", "add").asIntBinaryOperator().applyAsInt(2, 3));
        assertEquals(9, service(MathLib.class, null).add(4, 5));
    }
}
