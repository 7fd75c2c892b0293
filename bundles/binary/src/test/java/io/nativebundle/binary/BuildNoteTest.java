package io.nativebundle.binary;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import org.junit.Test;

public class BuildNoteTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    public void parsesTheFormatTheHeaderWrites() throws Exception {
        BuildNote n = BuildNote.parse(bytes("library=math\0version=1.2.0\0abi=1.0.0\0compiler=gcc 12.2.0\0"));
        assertEquals(new BuildNote("math", "1.2.0", "1.0.0", "gcc 12.2.0"), n);
    }

    @Test
    public void toleratesPaddingUnknownKeysAnyOrderAndNoCompiler() throws Exception {
        BuildNote n = BuildNote.parse(bytes("abi=1.0.0\0future=x=y\0library=m\0version=2\0\0\0\0"));
        assertEquals(new BuildNote("m", "2", "1.0.0", ""), n);
        assertEquals("values may contain '='", "a=b",
                BuildNote.parse(bytes("library=a=b\0version=1\0abi=1\0")).library());
    }

    @Test
    public void refusesMalformedDescriptors() {
        refuse("", "empty descriptor");
        refuse("\0\0\0\0", "empty descriptor");
        refuse("library=math\0version=1.2.0\0abi=1.0.0", "to end with NUL");
        refuse("library=math\0version=1.2.0\0", "\"abi=\"");
        refuse("library=math\0version=\0abi=1\0", "non-empty \"version=\"");
        refuse("library=math\0library=math\0version=1\0abi=1\0", "given twice");
        refuse("library=math\0garbage\0version=1\0abi=1\0", "expected key=value, found \"garbage\"");
        refuse("=x\0library=math\0version=1\0abi=1\0", "expected key=value");
        refuse("library=math\0\0version=1\0abi=1\0", "expected key=value, found \"\"");
    }

    private static void refuse(String descriptor, String expected) {
        try {
            BuildNote.parse(bytes(descriptor));
            fail("accepted " + descriptor.replace('\0', '|'));
        } catch (ElfFormatException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(expected));
            assertTrue(e.getMessage(), e.getMessage().startsWith("build note: "));
        }
    }

    @Test
    public void offsetsPointIntoTheDescriptor() {
        try {
            BuildNote.parse(bytes("library=math\0oops\0"));
            fail();
        } catch (ElfFormatException e) {
            assertEquals(13, e.offset());
        }
    }
}
