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
import io.nativebundle.testsupport.osgi.Services;

/** {@code io.nativebundle.backend=jnr} keeps jnr even on Java 22+ with the FFM fragment attached. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BackendForcedJnrTest extends AbstractIntegrationTest {

    @Configuration
    public Option[] config() {
        return NativeBundleOptions.withExamples(frameworkProperty(NativeBundleConstants.BACKEND_PROPERTY).value("jnr"));
    }

    @Test
    public void jnrIsUsedWhateverTheJvm() throws Exception {
        NativeLibrary math = service(NativeLibrary.class, "(" + NativeBundleConstants.LIBRARY + "=math)");
        assertEquals("jnr", math.backend());
        assertEquals(5, function("math", "add").invoke(2, 3));
    }
}
