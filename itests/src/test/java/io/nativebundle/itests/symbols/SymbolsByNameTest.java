package io.nativebundle.itests.symbols;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;

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
import io.nativebundle.api.NativeSymbol;
import io.nativebundle.api.NativeType;
import io.nativebundle.api.NativeVariable;
import io.nativebundle.examples.math.MathLib;
import io.nativebundle.itests.AbstractIntegrationTest;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.testsupport.osgi.Services;

/** Every symbol of the math example, looked up by name and called with right and wrong arguments. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SymbolsByNameTest extends AbstractIntegrationTest {

    @Configuration
    public Option[] config() {
        return NativeBundleOptions.withExamples();
    }

    private <T> T symbol(Class<T> type, String name) throws InterruptedException {
        return context.getService(Services.await(context, type,
                "(&(" + NativeBundleConstants.LIBRARY + "=math)(" + NativeBundleConstants.SYMBOL + "=" + name + "))"));
    }

    private NativeFunction function(String name) throws InterruptedException {
        return symbol(NativeFunction.class, name);
    }

    @Test
    public void everyDeclaredSymbolIsAServiceWithTheLibraryPropertiesAndItsName() throws Exception {
        ServiceReference<NativeLibrary> libraryRef = Services.await(context, NativeLibrary.class, "(nativebundle.library=math)");
        NativeLibrary library = context.getService(libraryRef);
        assertEquals(8, library.symbols().size());
        for (NativeSymbol declared : library.symbols()) {
            Class<?> type = declared.kind() == NativeSymbol.Kind.FUNCTION ? NativeFunction.class : NativeVariable.class;
            ServiceReference<?> ref = Services.await(context, type,
                    "(&(nativebundle.library=math)(nativebundle.symbol=" + declared.name() + "))");
            for (String key : new String[] {NativeBundleConstants.VERSION, NativeBundleConstants.PLATFORM,
                    NativeBundleConstants.SHA256, NativeBundleConstants.NAMESPACE, NativeBundleConstants.TENANT,
                    NativeBundleConstants.GENERATION}) {
                assertEquals(declared + " " + key, libraryRef.getProperty(key), ref.getProperty(key));
            }
            assertEquals("io.nativebundle.loader", ref.getBundle().getSymbolicName());
        }
        NativeFunction add = function("add");
        assertEquals("add", add.name());
        assertEquals("(int,int)int", add.signature().toString());
        assertEquals(library.generation(), add.library().generation());
        assertEquals(NativeType.INT, symbol(NativeVariable.class, "counter").type());
    }

    @Test
    public void functionsAreCalledByNameWithCheckedArguments() throws Exception {
        NativeFunction add = function("add");
        assertEquals(5, add.invoke(2, 3));
        assertEquals(Integer.MIN_VALUE, add.invoke(Integer.MAX_VALUE, 1));
        assertEquals("add(int,int)int expects 2 arguments but got 1",
                assertThrows(IllegalArgumentException.class, () -> add.invoke(1)).getMessage());
        assertEquals("add(int,int)int: argument 2 must be int but is String \"x\"",
                assertThrows(IllegalArgumentException.class, () -> add.invoke(1, "x")).getMessage());

        NativeFunction multiply = function("multiply");
        assertEquals(42, multiply.invoke(6, 7));
        assertEquals("multiply(int,int)int: argument 1 must be int but is Long 6",
                assertThrows(IllegalArgumentException.class, () -> multiply.invoke(6L, 7)).getMessage());

        NativeFunction greet = function("greet");
        assertEquals("Hello, osgi!", greet.invoke("osgi"));
        assertEquals("Hello, Grüße!", greet.invoke("Grüße"));
        assertEquals("greet(string)string: argument 1 must be string (a String or null) but is Integer 5",
                assertThrows(IllegalArgumentException.class, () -> greet.invoke(5)).getMessage());

        NativeFunction length = function("length");
        assertEquals("Grüße".getBytes(StandardCharsets.UTF_8).length, length.invoke("Grüße"));
        assertEquals(-1, length.invoke((Object) null));
        assertEquals("length(string)int expects 1 argument but got 0",
                assertThrows(IllegalArgumentException.class, () -> length.invoke()).getMessage());

        NativeFunction noop = function("noop");
        assertNull(noop.invoke());
        assertEquals("noop()void expects 0 arguments but got 1",
                assertThrows(IllegalArgumentException.class, () -> noop.invoke(1)).getMessage());

        NativeFunction value = function("counter_value");
        NativeFunction increment = function("increment");
        int before = (Integer) value.invoke();
        assertNull(increment.invoke());
        assertEquals(before + 1, value.invoke());
        assertEquals("counter_value()int expects 0 arguments but got 1",
                assertThrows(IllegalArgumentException.class, () -> value.invoke("1")).getMessage());
    }

    @Test
    public void typedAdaptersFitTheirSignatureOnly() throws Exception {
        assertEquals(42, function("add").asIntBinaryOperator().applyAsInt(20, 22));
        assertEquals(42, function("multiply").asIntBinaryOperator().applyAsInt(6, 7));
        assertEquals("Hello, adapter!", function("greet").asStringFunction().apply("adapter"));
        assertEquals(5, function("length").asStringToIntFunction().applyAsInt("hello"));
        int before = function("counter_value").asIntSupplier().getAsInt();
        function("increment").asRunnable().run();
        function("noop").asRunnable().run();
        assertEquals(before + 1, function("counter_value").asIntSupplier().getAsInt());

        IllegalStateException wrong = assertThrows(IllegalStateException.class,
                () -> function("greet").asIntBinaryOperator());
        assertTrue(wrong.getMessage(), wrong.getMessage().startsWith("greet(string)string is not a (int,int)int function"));
        assertThrows(IllegalStateException.class, () -> function("add").asLongBinaryOperator());
        assertThrows(IllegalStateException.class, () -> function("noop").asIntSupplier());
    }

    @Test
    public void theExportedVariableIsReadAndWrittenAndCSeesTheWrites() throws Exception {
        NativeVariable counter = symbol(NativeVariable.class, "counter");
        MathLib math = service(MathLib.class, null);

        counter.setInt(41);
        assertEquals("C reads what Java wrote", 41, math.counter_value());
        assertEquals(41, function("counter_value").invoke());
        math.increment();
        assertEquals("Java reads what C wrote", 42, counter.getInt());
        assertEquals(42, counter.get());
        assertEquals(42L, counter.getLong());
        counter.set(-7L);
        assertEquals(-7, math.counter_value());

        assertEquals("counter is an int variable; Long 1099511627776 is outside -2147483648..2147483647",
                assertThrows(IllegalArgumentException.class, () -> counter.set(1L << 40)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> counter.set("3"));
        assertEquals("counter is an int variable; getDouble() needs a double or float variable; use get() or set(Object)",
                assertThrows(IllegalStateException.class, counter::getDouble).getMessage());
        assertThrows(IllegalStateException.class, () -> counter.setDouble(1.0));
        assertEquals(-7, math.counter_value());
    }
}
