package io.nativebundle.itests.symbols;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.function.IntBinaryOperator;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;

import org.osgi.framework.ServiceReference;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeFunction;
import io.nativebundle.api.NativeLibraryUnloadedException;
import io.nativebundle.api.NativeMetrics;
import io.nativebundle.api.NativeVariable;
import io.nativebundle.itests.AbstractIntegrationTest;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.testsupport.osgi.Services;

/** After the bundle stops, kept symbol references refuse calls, and its services and MBeans are gone. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class SymbolUnloadTest extends AbstractIntegrationTest {

    private static final String ADD_FILTER = "(&(nativebundle.library=math)(nativebundle.symbol=add))";

    @Configuration
    public Option[] config() {
        return NativeBundleOptions.withExamples();
    }

    @Test
    public void staleReferencesThrowUnloadedAndANewGenerationServesAgain() throws Exception {
        ServiceReference<NativeFunction> ref = Services.await(context, NativeFunction.class, ADD_FILTER);
        long firstGeneration = (Long) ref.getProperty(NativeBundleConstants.GENERATION);
        NativeFunction add = context.getService(ref);
        IntBinaryOperator typed = add.asIntBinaryOperator();
        NativeVariable counter = context.getService(Services.await(context, NativeVariable.class,
                "(&(nativebundle.library=math)(nativebundle.symbol=counter))"));
        NativeMetrics metrics = service(NativeMetrics.class, null);
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName addMBean = new ObjectName("io.nativebundle:type=Library,name=math,Symbol=add");
        assertEquals(3, typed.applyAsInt(1, 2));
        assertTrue(server.isRegistered(addMBean));

        Bundle math = installed("io.nativebundle.examples.math");
        math.stop();
        Services.awaitAbsent(context, NativeFunction.class, "(nativebundle.library=math)");
        Services.awaitAbsent(context, NativeVariable.class, "(nativebundle.library=math)");

        NativeLibraryUnloadedException e = assertThrows(NativeLibraryUnloadedException.class, () -> add.invoke(1, 2));
        assertEquals("math", e.library());
        assertEquals(firstGeneration, e.generation());
        assertThrows(NativeLibraryUnloadedException.class, () -> typed.applyAsInt(1, 2));
        assertThrows(NativeLibraryUnloadedException.class, counter::getInt);
        assertThrows(NativeLibraryUnloadedException.class, () -> counter.setInt(1));
        assertFalse(server.isRegistered(addMBean));
        assertEquals(List.of(), metrics.stats("math"));

        math.start();
        ServiceReference<NativeFunction> again = Services.await(context, NativeFunction.class, ADD_FILTER);
        assertNotEquals(firstGeneration, again.getProperty(NativeBundleConstants.GENERATION));
        assertEquals(7, context.getService(again).invoke(3, 4));
        assertTrue(server.isRegistered(addMBean));
        assertThrows("the old reference stays unloaded", NativeLibraryUnloadedException.class, () -> add.invoke(1, 2));
    }
}
