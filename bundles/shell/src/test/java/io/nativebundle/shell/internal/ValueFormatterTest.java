package io.nativebundle.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.nio.ByteBuffer;

import org.junit.Test;

import io.nativebundle.api.NativeType;

public class ValueFormatterTest {

    @Test
    public void numbersAndStringsPrintAsPlainWords() {
        assertEquals("5", ValueFormatter.format(NativeType.INT, 5));
        assertEquals("-9000000000", ValueFormatter.format(NativeType.LONG, -9_000_000_000L));
        assertEquals("2.5", ValueFormatter.format(NativeType.DOUBLE, 2.5));
        assertEquals("Hello, osgi!", ValueFormatter.format(NativeType.STRING, "Hello, osgi!"));
        assertEquals("true", ValueFormatter.format(NativeType.BOOLEAN, true));
        assertEquals("false", ValueFormatter.format(NativeType.BOOLEAN, 0));
    }

    @Test
    public void pointersPrintInHexAndBuffersAsHexWords() {
        assertEquals("0x7f0000001000", ValueFormatter.format(NativeType.POINTER, 0x7f00_0000_1000L));
        assertEquals("0xffffffffffffffff", ValueFormatter.format(NativeType.POINTER, -1L));
        assertEquals("hex:0aff", ValueFormatter.format(NativeType.BUFFER, new byte[] {0x0a, (byte) 0xff}));
        assertEquals("hex:01", ValueFormatter.format(NativeType.BUFFER, ByteBuffer.wrap(new byte[] {1})));
    }

    @Test
    public void voidPrintsNothingAndANullResultPrintsNull() {
        assertNull(ValueFormatter.format(NativeType.VOID, null));
        assertEquals("null", ValueFormatter.format(NativeType.STRING, null));
    }

    @Test
    public void whatItPrintsTheParserReadsBack() {
        for (NativeType type : new NativeType[] {NativeType.INT, NativeType.POINTER, NativeType.BOOLEAN}) {
            Object value = ValueParser.parse(type, "1");
            assertEquals(value, ValueParser.parse(type, ValueFormatter.format(type, value)));
        }
    }
}
