package io.nativebundle.loader.internal.call;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;

import org.junit.Test;

import io.nativebundle.api.NativeLibraryUnloadedException;
import io.nativebundle.loader.internal.metrics.SymbolMetrics;

/** {@code invoke(Object...)} against a real library: every type in and out, and every refusal. */
public class NativeFunctionServiceTest {

    @Test
    public void invokeReturnsEveryTypeBoxed() {
        assertEquals(5, TestLibrary.function("add", "(int,int)int").invoke(2, 3));
        assertEquals(-9, TestLibrary.function("negate", "(int)int").invoke(9));
        assertEquals(42, TestLibrary.function("answer", "()int").invoke());
        assertEquals(3_000_000_000L, TestLibrary.function("add_long", "(long,long)long").invoke(1_000_000_000L, 2_000_000_000L));
        assertEquals(3.0, TestLibrary.function("mix", "(double,float)double").invoke(2.0, 1.5f));
        assertEquals(0.75f, TestLibrary.function("half", "(float)float").invoke(1.5f));
        assertEquals((byte) -7, TestLibrary.function("echo_byte", "(byte)byte").invoke((byte) -7));
        assertEquals((short) -300, TestLibrary.function("echo_short", "(short)short").invoke((short) -300));
        assertEquals(true, TestLibrary.function("is_positive", "(int)boolean").invoke(4));
        assertEquals(false, TestLibrary.function("is_positive", "(int)boolean").invoke(-4));
        assertNull(TestLibrary.function("bump", "()void").invoke());
    }

    @Test
    public void javaWideningConversionsAreAccepted() {
        // an Integer for a long, a Short for an int, an Integer for a double: what Java allows for a call
        assertEquals(7L, TestLibrary.function("add_long", "(long,long)long").invoke(3, 4L));
        assertEquals(5, TestLibrary.function("add", "(int,int)int").invoke((short) 2, (byte) 3));
        assertEquals(6.0, TestLibrary.function("mix", "(double,float)double").invoke(4, 1.5f));
    }

    @Test
    public void pointersAreLongs() {
        long address = (Long) TestLibrary.function("counter_address", "()pointer").invoke();
        assertEquals(TestLibrary.addressOf("counter"), address);
        assertEquals(address, TestLibrary.function("pointer_value", "(pointer)long").invoke(address));
    }

    @Test
    public void stringsAreNulTerminatedUtf8BothWays() {
        NativeFunctionService greet = TestLibrary.function("greet", "(string)string");
        assertEquals("Hello, osgi!", greet.invoke("osgi"));
        assertEquals("Hello, Grüße 🌍!", greet.invoke("Grüße 🌍"));
        assertEquals("Hello, (null)!", greet.invoke((Object) null));
        NativeFunctionService length = TestLibrary.function("length", "(string)int");
        assertEquals("Grüße 🌍".getBytes(java.nio.charset.StandardCharsets.UTF_8).length, length.invoke("Grüße 🌍"));
        assertEquals(0, length.invoke(""));
        assertEquals(-1, length.invoke((Object) null));
    }

    @Test
    public void aNullStringResultIsNull() {
        NativeFunctionService maybe = TestLibrary.function("maybe", "(int)string");
        assertEquals("here", maybe.invoke(1));
        assertNull(maybe.invoke(0));
    }

    @Test
    public void byteArraysAreCopiedInAndBackOut() {
        byte[] bytes = {10, 20, 30};
        assertEquals(60, TestLibrary.function("sum_bytes", "(buffer,int)int").invoke(bytes, 3));
        assertArrayEquals(new byte[] {1, 2, 3}, bytes);
    }

    @Test
    public void directBuffersArePassedFromTheirPosition() {
        ByteBuffer direct = ByteBuffer.allocateDirect(4).put(new byte[] {100, 5, 6, 7});
        direct.position(1);
        assertEquals(18, TestLibrary.function("sum_bytes", "(buffer,int)int").invoke(direct, 3));
        assertEquals(100, direct.get(0));
        assertEquals(1, direct.get(1));
        assertEquals(3, direct.get(3));
    }

    @Test
    public void everyParameterTypeArrivesInItsPlace() {
        Object r = TestLibrary.function("everything", "(byte,short,int,long,float,double,boolean,pointer,string)double")
                .invoke((byte) 1, (short) 20, 300, 4000L, 0.5f, 0.125, true, 16L, "abc");
        assertEquals(1 + 20 + 300 + 4000 + 0.5 + 0.125 + 1_000_000 + 0.25 + 3, (Double) r, 0.0);
    }

    @Test
    public void aWrongArgumentCountNamesTheSignature() {
        NativeFunctionService add = TestLibrary.function("add", "(int,int)int");
        assertEquals("add(int,int)int expects 2 arguments but got 1",
                assertThrows(IllegalArgumentException.class, () -> add.invoke(1)).getMessage());
        assertEquals("add(int,int)int expects 2 arguments but got 0",
                assertThrows(IllegalArgumentException.class, () -> add.invoke((Object[]) null)).getMessage());
        assertEquals("negate(int)int expects 1 argument but got 2",
                assertThrows(IllegalArgumentException.class,
                        () -> TestLibrary.function("negate", "(int)int").invoke(1, 2)).getMessage());
    }

    @Test
    public void aWrongArgumentTypeNamesTheArgumentAndWhatItIs() {
        NativeFunctionService add = TestLibrary.function("add", "(int,int)int");
        assertEquals("add(int,int)int: argument 2 must be int but is String \"x\"",
                assertThrows(IllegalArgumentException.class, () -> add.invoke(1, "x")).getMessage());
        assertEquals("add(int,int)int: argument 1 must be int but is Long 5",
                assertThrows(IllegalArgumentException.class, () -> add.invoke(5L, 1)).getMessage());
        assertEquals("add(int,int)int: argument 1 must be int but is null",
                assertThrows(IllegalArgumentException.class, () -> add.invoke(null, 1)).getMessage());
        assertEquals("greet(string)string: argument 1 must be string (a String or null) but is Integer 5",
                assertThrows(IllegalArgumentException.class,
                        () -> TestLibrary.function("greet", "(string)string").invoke(5)).getMessage());
        assertEquals("half(float)float: argument 1 must be float but is Double 1.5",
                assertThrows(IllegalArgumentException.class,
                        () -> TestLibrary.function("half", "(float)float").invoke(1.5)).getMessage());
        assertEquals("sum_bytes(buffer,int)int: argument 1 must be buffer (a byte[], a direct ByteBuffer or null)"
                        + " but is heap ByteBuffer of 3 bytes",
                assertThrows(IllegalArgumentException.class, () -> TestLibrary.function("sum_bytes", "(buffer,int)int")
                        .invoke(ByteBuffer.allocate(3), 3)).getMessage());
        assertEquals("is_positive(int)boolean: argument 1 must be int but is Boolean true",
                assertThrows(IllegalArgumentException.class,
                        () -> TestLibrary.function("is_positive", "(int)boolean").invoke(true)).getMessage());
    }

    @Test
    public void afterCutCallsThrowUnloadedWithoutTakingALease() {
        TestLibrary.TestLease lease = new TestLibrary.TestLease();
        NativeFunctionService add = TestLibrary.function("add", "(int,int)int", lease, new SymbolMetrics("sym", "add", true));
        assertEquals(5, add.invoke(2, 3));
        assertEquals(1, lease.acquired.get());
        assertEquals(1, lease.released.get());

        add.cut();
        NativeLibraryUnloadedException e = assertThrows(NativeLibraryUnloadedException.class, () -> add.invoke(2, 3));
        assertEquals("sym", e.library());
        assertEquals(7L, e.generation());
        assertThrows(NativeLibraryUnloadedException.class, () -> add.asIntBinaryOperator().applyAsInt(2, 3));
        assertEquals("a refused call takes no lease", 1, lease.acquired.get());
        assertTrue(add.toString(), add.toString().endsWith(", unloaded]"));
    }

    @Test
    public void aClosedGenerationRefusesCallsEvenBeforeTheCut() {
        TestLibrary.TestLease lease = new TestLibrary.TestLease();
        NativeFunctionService answer = TestLibrary.function("answer", "()int", lease, new SymbolMetrics("sym", "answer", true));
        lease.open.set(false);
        assertThrows(NativeLibraryUnloadedException.class, () -> answer.invoke());
        assertThrows(NativeLibraryUnloadedException.class, () -> answer.asIntSupplier().getAsInt());
        assertEquals(0, lease.released.get());
    }

    @Test
    public void failedCallsCountAsErrors() {
        SymbolMetrics metrics = new SymbolMetrics("sym", "add", true);
        NativeFunctionService add = TestLibrary.function("add", "(int,int)int", new TestLibrary.TestLease(), metrics);
        add.invoke(1, 2);
        add.asIntBinaryOperator().applyAsInt(1, 2);
        assertThrows(IllegalArgumentException.class, () -> add.invoke(1));
        add.cut();
        assertThrows(NativeLibraryUnloadedException.class, () -> add.invoke(1, 2));
        assertEquals(4, metrics.calls());
        assertEquals(2, metrics.errors());
    }

    @Test
    public void switchedOffMetricsCountNothing() {
        SymbolMetrics metrics = new SymbolMetrics("sym", "add", false);
        NativeFunctionService add = TestLibrary.function("add", "(int,int)int", new TestLibrary.TestLease(), metrics);
        add.invoke(1, 2);
        add.asIntBinaryOperator().applyAsInt(1, 2);
        assertEquals(0, metrics.calls());
        metrics.setEnabled(true);
        add.asIntBinaryOperator().applyAsInt(1, 2);
        assertEquals(1, metrics.calls());
    }
}
