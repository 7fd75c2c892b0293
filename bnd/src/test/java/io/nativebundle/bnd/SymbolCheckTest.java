package io.nativebundle.bnd;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

import io.nativebundle.bnd.fixture.GreeterLib;
import io.nativebundle.bnd.fixture.MathLib;

/** Every declared symbol must be exported, as the declared kind, on every platform. */
public class SymbolCheckTest {

    private static final String MATH = "math;version=1.2.0;interface=" + MathLib.class.getName();
    private static final String X86 = "native/linux/x86-64/libmath.so";
    private static final String ARM = "native/linux/aarch64/libmath.so";

    private static TestBundle.Result mathWithAarch64(String fixture) throws Exception {
        return TestBundle.create()
            .library(MATH)
            .add(X86, "x86-64", "libmath.so")
            .add(ARM, "aarch64", fixture)
            .build();
    }

    @Test
    public void symbolMissingOnOnePlatformNamesThatPlatformAndFile() throws Exception {
        TestBundle.Result result = mathWithAarch64("libmath-absent.so");

        assertEquals(result.errors().toString(), 1, result.errors().size());
        String error = result.errors().get(0);
        assertTrue(error, error.startsWith("NativeBundle-Symbols: symbol 'multiply' is missing from " + ARM
            + " (linux/aarch64): "));
        assertTrue(error, error.contains("neither defined nor referenced"));
    }

    @Test
    public void hiddenSymbolIsExplainedAsHidden() throws Exception {
        TestBundle.Result result = mathWithAarch64("libmath-hidden.so");

        assertEquals(result.errors().toString(), 1, result.errors().size());
        String error = result.errors().get(0);
        assertTrue(error, error.startsWith("NativeBundle-Symbols: symbol 'multiply' is missing from " + ARM
            + " (linux/aarch64): "));
        assertTrue(error, error.contains("hidden visibility"));
        assertTrue(error, error.contains("-fvisibility=hidden"));
    }

    @Test
    public void staticSymbolIsExplainedAsStatic() throws Exception {
        TestBundle.Result result = mathWithAarch64("libmath-static.so");

        assertEquals(result.errors().toString(), 1, result.errors().size());
        String error = result.errors().get(0);
        assertTrue(error, error.startsWith("NativeBundle-Symbols: symbol 'multiply' is missing from " + ARM
            + " (linux/aarch64): "));
        assertTrue(error, error.contains("declared static"));
    }

    @Test
    public void symbolMissingEverywhereIsReportedPerPlatform() throws Exception {
        TestBundle.Result result = TestBundle.create()
            .library(MATH)
            .add(X86, "x86-64", "libmath-absent.so")
            .add(ARM, "aarch64", "libmath-absent.so")
            .build();

        assertEquals(1, result.errorsWith("'multiply'", ARM, "(linux/aarch64)").size());
        assertEquals(1, result.errorsWith("'multiply'", X86, "(linux/x86-64)").size());
        assertEquals(result.errors().toString(), 2, result.errors().size());
    }

    @Test
    public void extraSymbolMustExistToo() throws Exception {
        TestBundle.Result result = TestBundle.create()
            .library(MATH)
            .set("-nativebundle-symbols", "no_such_fn;signature=\"()int\"")
            .add(X86, "x86-64", "libmath.so")
            .build();

        assertEquals(List.of("NativeBundle-Symbols: symbol 'no_such_fn' is missing from " + X86 + " (linux/x86-64): "),
            result.errors().stream().map(e -> e.substring(0, e.indexOf("): ") + 3)).toList());
    }

    @Test
    public void functionDeclaredAsVariableFails() throws Exception {
        TestBundle.Result result = TestBundle.create()
            .library(MATH)
            .set("-nativebundle-symbols", "limit;kind=variable;type=int")
            .add(X86, "x86-64", "libmath.so")
            .build();

        assertEquals(List.of("NativeBundle-Symbols: symbol 'limit' is declared as a variable (-nativebundle-symbols) "
            + "but " + X86 + " (linux/x86-64) exports it as FUNC; expected OBJECT"), result.errors());
    }

    @Test
    public void variableDeclaredAsFunctionFails() throws Exception {
        TestBundle.Result result = TestBundle.create()
            .library(MATH)
            .set("-nativebundle-symbols", "counter;signature=\"()int\"")
            .add(X86, "x86-64", "libmath.so")
            .build();

        assertEquals(List.of("NativeBundle-Symbols: symbol 'counter' is declared as a function (-nativebundle-symbols) "
            + "but " + X86 + " (linux/x86-64) exports it as OBJECT; expected FUNC"), result.errors());
    }

    @Test
    public void aSymbolMayComeFromAnyFileOfThePlatform() throws Exception {
        // fmt_greeting is exported by the dependency libfmt.so, not by libgreeter.so
        TestBundle.Result result = TestBundle.create()
            .library("greeter;version=1.0.0;interface=" + GreeterLib.class.getName())
            .set("-nativebundle-symbols", "fmt_greeting;signature=\"(string,pointer,long)long\"")
            .add("native/linux/x86-64/libfmt.so", "x86-64", "libfmt.so")
            .add("native/linux/x86-64/libgreeter.so", "x86-64", "libgreeter.so")
            .build();

        assertEquals(List.of(), result.errors());
        assertEquals("greet_into;signature=\"(string,pointer,int)int\", "
            + "fmt_greeting;signature=\"(string,pointer,long)long\"", result.header("NativeBundle-Symbols"));
    }
}
