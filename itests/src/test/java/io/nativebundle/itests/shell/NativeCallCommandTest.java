package io.nativebundle.itests.shell;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import io.nativebundle.api.NativeFunction;
import io.nativebundle.api.NativeVariable;
import io.nativebundle.examples.math.MathLib;
import io.nativebundle.itests.AbstractIntegrationTest;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.testsupport.osgi.Gogo;
import io.nativebundle.testsupport.osgi.Services;

/**
 * {@code native:call}, {@code native:get} and {@code native:set}. The successful calls need the
 * loader's {@link NativeFunction} and {@link NativeVariable} services; the error cases are
 * answered from the registry and must hold with or without them.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NativeCallCommandTest extends AbstractIntegrationTest {

    private static final String MATH_FUNCTIONS = "(&(nativebundle.library=math)(nativebundle.symbol=%s))";

    @Configuration
    public Option[] config() {
        return NativeBundleOptions.withShell();
    }

    @Test
    public void callPrintsThePlainResult() throws Exception {
        Shell.ready(context);
        for (String symbol : new String[] {"add", "multiply", "greet", "length", "noop"}) {
            Services.await(context, NativeFunction.class, String.format(MATH_FUNCTIONS, symbol));
        }
        assertEquals("5", Gogo.run(context, "native:call math add 2 3"));
        assertEquals("-4", Gogo.run(context, "native:call math add -7 3"));
        assertEquals("16", Gogo.run(context, "native:call math add 0x10 0"));
        assertEquals("42", Gogo.run(context, "native:call math multiply 6 7"));
        assertEquals("Hello, osgi!", Gogo.run(context, "native:call math greet osgi"));
        assertEquals("Hello, a b!", Gogo.run(context, "native:call math greet 'a b'"));
        assertEquals("6", Gogo.run(context, "native:call math length abcdef"));
        assertEquals("a void function prints nothing", "", Gogo.run(context, "native:call math noop"));
    }

    @Test
    public void wrongArgumentsNameTheSignature() throws Exception {
        Shell.ready(context);
        Services.await(context, NativeFunction.class, String.format(MATH_FUNCTIONS, "add"));
        Exception count = assertThrows(Exception.class, () -> Gogo.run(context, "native:call math add 2"));
        assertEquals("add(int,int)int of math takes 2 arguments, got 1; usage: native:call math add <int> <int>",
                count.getMessage());
        Exception type = assertThrows(Exception.class, () -> Gogo.run(context, "native:call math add 2 x"));
        assertEquals("argument 2 of add(int,int)int of math: 'x' is not an int: write a decimal number or 0x hex",
                type.getMessage());
    }

    @Test
    public void anUnknownSymbolIsNamedWithTheSymbolsAvailable() throws Exception {
        Shell.ready(context);
        Exception e = assertThrows(Exception.class, () -> Gogo.run(context, "native:call math nosuch 1"));
        assertTrue(e.getMessage(), e.getMessage().startsWith("the symbol 'nosuch' is not exported by math 1.2.0;"
                + " its symbols: add(int,int)int, "));
        assertTrue(e.getMessage(), e.getMessage().contains("greet(string)string"));
        assertTrue(e.getMessage(), e.getMessage().contains("counter:int"));
    }

    @Test
    public void anUnknownLibraryListsTheLoadedOnes() throws Exception {
        Shell.ready(context);
        Exception e = assertThrows(Exception.class, () -> Gogo.run(context, "native:call nosuch add 1 2"));
        assertEquals("no native library 'nosuch' is loaded; loaded: math", e.getMessage());
    }

    @Test
    public void callingAVariablePointsToGetAndSet() throws Exception {
        Shell.ready(context);
        Exception e = assertThrows(Exception.class, () -> Gogo.run(context, "native:call math counter"));
        assertEquals("'counter' is a variable of math (int), not a function; read it with native:get math counter,"
                + " write it with native:set math counter <value>", e.getMessage());
    }

    @Test
    public void getAndSetReachTheCVariable() throws Exception {
        MathLib math = service(MathLib.class, null);
        Shell.ready(context);
        Services.await(context, NativeVariable.class, String.format(MATH_FUNCTIONS, "counter"));
        assertEquals(String.valueOf(math.counter_value()), Gogo.run(context, "native:get math counter"));
        assertEquals("", Gogo.run(context, "native:set math counter 41"));
        assertEquals("the C side sees the write", 41, math.counter_value());
        math.increment();
        assertEquals("42", Gogo.run(context, "native:get math counter"));
        Exception e = assertThrows(Exception.class, () -> Gogo.run(context, "native:set math counter x"));
        assertTrue(e.getMessage(), e.getMessage().startsWith("counter of math is an int: 'x' is not an int"));
    }
}
