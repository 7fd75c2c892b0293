package io.nativebundle.loader.internal.call;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.management.ManagementFactory;

import org.junit.Test;

/** The typed views: each works for its signature only, and the int ones allocate nothing per call. */
public class FunctionAdaptersTest {

    @Test
    public void eachAdapterCallsItsSignature() {
        assertEquals(5, TestLibrary.function("add", "(int,int)int").asIntBinaryOperator().applyAsInt(2, 3));
        assertEquals(-4, TestLibrary.function("negate", "(int)int").asIntUnaryOperator().applyAsInt(4));
        assertEquals(42, TestLibrary.function("answer", "()int").asIntSupplier().getAsInt());
        assertEquals(Long.MAX_VALUE, TestLibrary.function("add_long", "(long,long)long").asLongBinaryOperator()
                .applyAsLong(Long.MAX_VALUE - 1, 1));
        assertEquals(7, TestLibrary.function("length", "(string)int").asStringToIntFunction().applyAsInt("Grüße"));
        assertEquals(-1, TestLibrary.function("length", "(string)int").asStringToIntFunction().applyAsInt(null));
        assertEquals("Hello, Grüße 🌍!", TestLibrary.function("greet", "(string)string").asStringFunction().apply("Grüße 🌍"));
        assertNull(TestLibrary.function("maybe", "(int)string").invoke(0));

        NativeFunctionService value = TestLibrary.function("counter_value", "()int");
        int before = value.asIntSupplier().getAsInt();
        TestLibrary.function("bump", "()void").asRunnable().run();
        assertEquals(before + 1, value.asIntSupplier().getAsInt());
    }

    @Test
    public void namedParametersKeepTheTypedView() {
        assertEquals(5, TestLibrary.function("add", "(int a, int b)int").asIntBinaryOperator().applyAsInt(2, 3));
    }

    @Test
    public void theAdapterIsBuiltOnce() {
        NativeFunctionService add = TestLibrary.function("add", "(int,int)int");
        assertSame(add.asIntBinaryOperator(), add.asIntBinaryOperator());
    }

    @Test
    public void aMismatchedAdapterNamesTheActualSignature() {
        NativeFunctionService greet = TestLibrary.function("greet", "(string)string");
        IllegalStateException e = assertThrows(IllegalStateException.class, greet::asIntBinaryOperator);
        assertEquals("greet(string)string is not a (int,int)int function; asIntBinaryOperator() needs (int,int)int,"
                + " use invoke(Object...) for (string)string", e.getMessage());
        assertThrows(IllegalStateException.class, greet::asIntUnaryOperator);
        assertThrows(IllegalStateException.class, greet::asIntSupplier);
        assertThrows(IllegalStateException.class, greet::asLongBinaryOperator);
        assertThrows(IllegalStateException.class, greet::asRunnable);
        assertThrows(IllegalStateException.class, greet::asStringToIntFunction);
        assertTrue(assertThrows(IllegalStateException.class,
                () -> TestLibrary.function("add", "(int,int)int").asStringFunction()).getMessage()
                .startsWith("add(int,int)int is not a (string)string function"));
    }

    @Test
    public void longStringsTakeTheOneOffPath() {
        String big = "x".repeat(100_000);
        assertEquals(100_000, TestLibrary.function("length", "(string)int").asStringToIntFunction().applyAsInt(big));
        assertEquals(3, TestLibrary.function("length", "(string)int").asStringToIntFunction().applyAsInt("abc"));
    }

    @Test
    public void typedIntCallsAllocateNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        java.util.function.IntBinaryOperator add = TestLibrary.function("add", "(int,int)int").asIntBinaryOperator();
        java.util.function.ToIntFunction<String> length = TestLibrary.function("length", "(string)int")
                .asStringToIntFunction();
        int sink = 0;
        for (int i = 0; i < 20_000; i++) {
            sink += add.applyAsInt(i, 1) + length.applyAsInt("warm up");
        }
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < 100_000; i++) {
            sink += add.applyAsInt(i, 1) + length.applyAsInt("no allocation");
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertTrue(sink != 0);
        // 200,000 calls: one allocation per call would be megabytes; allow the measurement's own noise
        assertTrue(allocated + " bytes allocated by 200,000 typed calls", allocated < 4096);
    }
}
