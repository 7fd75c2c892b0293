package io.nativebundle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;

import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeLibrary;
import io.nativebundle.examples.math.MathLib;
import io.nativebundle.testsupport.osgi.Gogo;
import io.nativebundle.testsupport.osgi.Services;

/** The SCR consumer calls the native library through the registry and follows it across stop and start. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class ConsumerLifecycleTest extends AbstractIntegrationTest {

    @Configuration
    public Option[] config() {
        return NativeBundleOptions.withExamples();
    }

    @Test
    public void consumerCommandCallsTheNativeLibrary() throws Exception {
        Services.await(context, Object.class, "(osgi.command.scope=example)");
        assertEquals("5", Gogo.run(context, "example:add 2 3"));
        assertEquals("42", Gogo.run(context, "example:multiply 6 7"));
        assertEquals("Hello, osgi!", Gogo.run(context, "example:greet osgi"));
    }

    @Test
    public void stopAndStartUnregistersAndReregistersTheServiceAndTheConsumerFollows() throws Exception {
        ServiceReference<MathLib> first = Services.await(context, MathLib.class, null);
        long firstGeneration = (Long) first.getProperty(NativeBundleConstants.GENERATION);
        Bundle math = first.getBundle();
        Services.await(context, Object.class, "(osgi.command.scope=example)");

        math.stop();
        Services.awaitAbsent(context, MathLib.class, null);
        Services.awaitAbsent(context, NativeLibrary.class, "(nativebundle.library=math)");
        Services.awaitAbsent(context, Object.class, "(osgi.command.scope=example)");
        Exception gone = assertThrows(Exception.class, () -> Gogo.run(context, "example:add 2 3"));
        assertTrue(gone.toString(), gone.toString().contains("example:add"));

        math.start();
        ServiceReference<MathLib> second = Services.await(context, MathLib.class, null);
        assertNotEquals(firstGeneration, second.getProperty(NativeBundleConstants.GENERATION));
        Services.await(context, Object.class, "(osgi.command.scope=example)");
        assertEquals("5", Gogo.run(context, "example:add 2 3"));
        assertTrue(Gogo.run(context, "example:source").startsWith("default/math/v1 1.2.0 generation "));
        assertEquals(Bundle.ACTIVE, FrameworkUtil.getBundle(Gogo.class).getState());
    }
}
