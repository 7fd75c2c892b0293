package io.nativebundle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeLibrary;
import io.nativebundle.api.NativeSymbol;
import io.nativebundle.examples.math.MathLib;
import io.nativebundle.testsupport.BundleRewriter;
import io.nativebundle.testsupport.osgi.Services;

/** The math example is loaded, registered with every contract property, and returns real values. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MathServiceTest extends AbstractIntegrationTest {

    @Configuration
    public Option[] config() {
        return NativeBundleOptions.withExamples();
    }

    @Test
    public void typedServiceCarriesEveryContractProperty() throws Exception {
        ServiceReference<MathLib> ref = Services.await(context, MathLib.class, null);
        String expectedSha = BundleRewriter.sha256(
                BundleRewriter.of(NativeBundleOptions.jar("math")).entry(Platform.entry("math")));

        assertEquals("math", ref.getProperty(NativeBundleConstants.LIBRARY));
        assertEquals(new Version(1, 2, 0), ref.getProperty(NativeBundleConstants.VERSION));
        assertEquals(Platform.name(), ref.getProperty(NativeBundleConstants.PLATFORM));
        assertEquals(expectedSha, ref.getProperty(NativeBundleConstants.SHA256));
        assertEquals("default/math/v1", ref.getProperty(NativeBundleConstants.NAMESPACE));
        assertEquals("default", ref.getProperty(NativeBundleConstants.TENANT));
        assertEquals("io.nativebundle.examples.math", ref.getBundle().getSymbolicName());
    }

    @Test
    public void callsReturnRealValues() throws Exception {
        MathLib math = service(MathLib.class, null);
        assertEquals(5, math.add(2, 3));
        assertEquals(-4, math.add(-7, 3));
        assertEquals(Integer.MIN_VALUE, math.add(Integer.MAX_VALUE, 1));
        assertEquals(42, math.multiply(6, 7));
        assertEquals("Hello, osgi!", math.greet("osgi"));
        assertEquals("Hello, Grüße!", math.greet("Grüße"));
        assertEquals("Grüße".getBytes(StandardCharsets.UTF_8).length, math.length("Grüße"));
        int before = math.counter_value();
        math.increment();
        assertEquals(before + 1, math.counter_value());
    }

    @Test
    public void libraryDescriptionPointsAtTheVerifiedCachedFile() throws Exception {
        ServiceReference<NativeLibrary> ref = Services.await(context, NativeLibrary.class, "(nativebundle.library=math)");
        NativeLibrary library = context.getService(ref);
        assertEquals("math", library.name());
        assertEquals(Platform.entry("math"), library.entry());
        assertTrue(library.file() + " should exist", Files.isRegularFile(library.file()));
        assertEquals(library.sha256(), ref.getProperty(NativeBundleConstants.SHA256));
        assertTrue(library.file().toString(),
                library.file().startsWith(context.getProperty(NativeBundleConstants.CACHE_DIR_PROPERTY)));
        List<NativeSymbol> symbols = library.symbols();
        assertTrue(symbols.toString(), symbols.contains(new NativeSymbol("add", NativeSymbol.Kind.FUNCTION, "(int,int)int")));
        assertTrue(symbols.toString(), symbols.contains(new NativeSymbol("counter", NativeSymbol.Kind.VARIABLE, "int")));
    }
}
