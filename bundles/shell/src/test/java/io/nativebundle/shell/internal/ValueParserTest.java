package io.nativebundle.shell.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.Test;

import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.NativeType;

public class ValueParserTest {

    private static final NativeSignature ADD = NativeSignature.parse("(int,int)int");

    @Test
    public void parsesArgumentsByTheSignature() {
        assertArrayEquals(new Object[] {2, 3}, ValueParser.arguments("math", "add", ADD, List.of("2", "3")));
        Object[] all = ValueParser.arguments("t", "f",
                NativeSignature.parse("(byte,short,long,pointer,float,double,boolean,string,buffer)void"),
                List.of("-1", "0x7fff", "-9000000000", "0xffffffffffffffff", "2.5", "1e-3", "true", "a b", "hex:0a0B"));
        assertEquals((byte) -1, all[0]);
        assertEquals((short) 0x7fff, all[1]);
        assertEquals(-9_000_000_000L, all[2]);
        assertEquals(-1L, all[3]);
        assertEquals(2.5f, all[4]);
        assertEquals(1e-3, all[5]);
        assertEquals(Boolean.TRUE, all[6]);
        assertEquals("a b", all[7]);
        assertArrayEquals(new byte[] {0x0a, 0x0b}, (byte[]) all[8]);
    }

    @Test
    public void integersInDecimalOrHexWithSign() {
        assertEquals(255, ValueParser.parse(NativeType.INT, "0xff"));
        assertEquals(255, ValueParser.parse(NativeType.INT, "0XFF"));
        assertEquals(-16, ValueParser.parse(NativeType.INT, "-0x10"));
        assertEquals(7, ValueParser.parse(NativeType.INT, "+7"));
        assertEquals(Integer.MIN_VALUE, ValueParser.parse(NativeType.INT, "-2147483648"));
        assertEquals(-1, ValueParser.parse(NativeType.INT, "0xffffffff"));
        assertEquals((byte) -128, ValueParser.parse(NativeType.BYTE, "0x80"));
        assertEquals(Long.MAX_VALUE, ValueParser.parse(NativeType.LONG, "9223372036854775807"));
    }

    @Test
    public void pointersMayUseTheUnsignedRangeInDecimalToo() {
        assertEquals(-1L, ValueParser.parse(NativeType.POINTER, "18446744073709551615"));
        assertEquals(0x7f00_0000_1000L, ValueParser.parse(NativeType.POINTER, "0x7f0000001000"));
    }

    @Test
    public void outOfRangeIntegersNameTheRange() {
        assertMessage(() -> ValueParser.parse(NativeType.INT, "2147483648"),
                "'2147483648' is out of range for int: -2147483648..2147483647 or 0x0..0xffffffff");
        assertMessage(() -> ValueParser.parse(NativeType.BYTE, "128"), "out of range for byte: -128..127 or 0x0..0xff");
        assertMessage(() -> ValueParser.parse(NativeType.SHORT, "0x10000"), "out of range for short");
        assertMessage(() -> ValueParser.parse(NativeType.LONG, "9223372036854775808"), "out of range for long");
    }

    @Test
    public void wordsThatAreNoNumbersSayWhatIsExpected() {
        assertMessage(() -> ValueParser.parse(NativeType.INT, "two"), "'two' is not an int: write a decimal number or 0x hex");
        assertMessage(() -> ValueParser.parse(NativeType.LONG, "0x"), "'0x' is not a long");
        assertMessage(() -> ValueParser.parse(NativeType.INT, "1.5"), "'1.5' is not an int");
        assertMessage(() -> ValueParser.parse(NativeType.INT, "0xfg"), "'0xfg' is not an int");
        assertMessage(() -> ValueParser.parse(NativeType.INT, ""), "'' is not an int");
        assertMessage(() -> ValueParser.parse(NativeType.DOUBLE, "abc"), "'abc' is not a double: write a number such as 2.5");
        assertMessage(() -> ValueParser.parse(NativeType.FLOAT, "1e39"), "'1e39' is out of range for float");
    }

    @Test
    public void booleansAreTrueFalseOneOrZero() {
        assertEquals(true, ValueParser.parse(NativeType.BOOLEAN, "TRUE"));
        assertEquals(true, ValueParser.parse(NativeType.BOOLEAN, "1"));
        assertEquals(false, ValueParser.parse(NativeType.BOOLEAN, "false"));
        assertEquals(false, ValueParser.parse(NativeType.BOOLEAN, "0"));
        assertMessage(() -> ValueParser.parse(NativeType.BOOLEAN, "yes"),
                "'yes' is not a boolean: write true, false, 1 or 0");
    }

    @Test
    public void buffersAreUtf8TextOrHex() {
        assertArrayEquals("Grüße".getBytes(StandardCharsets.UTF_8), (byte[]) ValueParser.parse(NativeType.BUFFER, "Grüße"));
        assertArrayEquals(new byte[0], (byte[]) ValueParser.parse(NativeType.BUFFER, "hex:"));
        assertArrayEquals(new byte[] {(byte) 0xff, 0}, (byte[]) ValueParser.parse(NativeType.BUFFER, "hex:ff00"));
        assertMessage(() -> ValueParser.parse(NativeType.BUFFER, "hex:0a0"), "'hex:0a0' is not a hex buffer");
        assertMessage(() -> ValueParser.parse(NativeType.BUFFER, "hex:zz"), "e.g. hex:0a0b");
    }

    @Test
    public void aWrongCountNamesTheSignatureAndTheUsage() {
        assertMessage(() -> ValueParser.arguments("math", "add", ADD, List.of("2")),
                "add(int,int)int of math takes 2 arguments, got 1; usage: native:call math add <int> <int>");
        assertMessage(() -> ValueParser.arguments("math", "noop", NativeSignature.parse("()void"), List.of("1")),
                "noop()void of math takes 0 arguments, got 1; usage: native:call math noop");
        assertMessage(() -> ValueParser.arguments("math", "greet", NativeSignature.parse("(string)string"), List.of()),
                "takes 1 argument, got 0");
    }

    @Test
    public void aCallbackParameterIsRefusedBeforeAnyWordIsRead() {
        NativeSignature qsort = NativeSignature.parse("(pointer base,size_t n,size_t size,comparator(pointer,pointer)int)void");
        for (List<String> words : List.of(List.<String>of(), List.of("0", "0", "4", "x"))) {
            assertMessage(() -> ValueParser.arguments("c", "qsort", qsort, words), "qsort(pointer base,ulong n,ulong size,"
                    + "comparator(pointer,pointer)int)void of c cannot be called from the shell: parameter 4 (arg4) is a"
                    + " callback comparator(pointer,pointer)int, and a shell cannot supply the Java code C would call;"
                    + " call it from a bundle through NativeFunction.call with a NativeCallback");
        }
    }

    @Test
    public void aBadArgumentNamesItsPositionAndTheSignature() {
        assertMessage(() -> ValueParser.arguments("math", "add", ADD, List.of("2", "x")),
                "argument 2 of add(int,int)int of math: 'x' is not an int");
    }

    @Test
    public void aBareNullFromGogoIsRefusedWithAHint() {
        assertMessage(() -> ValueParser.arguments("math", "greet", NativeSignature.parse("(string)string"),
                Arrays.asList((Object) null)), "argument 1 of greet(string)string of math: Gogo reads a bare null");
    }

    @Test
    public void nonStringWordsFromGogoAreReadByTheirText() {
        assertArrayEquals(new Object[] {2, 3}, ValueParser.arguments("math", "add", ADD, List.of(2L, 3L)));
    }

    private static void assertMessage(org.junit.function.ThrowingRunnable r, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r);
        assertTrue("message was: " + e.getMessage(), e.getMessage().contains(expected));
    }
}
