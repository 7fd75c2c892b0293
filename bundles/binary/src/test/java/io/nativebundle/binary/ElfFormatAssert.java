package io.nativebundle.binary;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** The contract on bad input: an ElfFormatException with a readable message, or a parse; nothing else. */
final class ElfFormatAssert {

    private ElfFormatAssert() {
    }

    /** @return the exception, after checking its message names the file and an offset */
    static ElfFormatException rejects(byte[] data, String name) {
        try {
            ElfFile parsed = ElfReader.read(data, name);
            fail(name + ": expected an ElfFormatException, but it parsed as " + parsed);
            return null;
        } catch (ElfFormatException e) {
            checkMessage(e, name);
            return e;
        }
    }

    /** Accepts a parse or an ElfFormatException; anything else fails, with the case named. */
    static boolean rejectsOrParses(byte[] data, String name, String mutation) {
        try {
            ElfFile f = ElfReader.read(data, name);
            // a parse must yield a usable result, not blow up on first use
            f.exportedSymbol("fixture_add");
            f.explainMissing("fixture_hidden");
            f.highestGlibc();
            f.libc();
            return false;
        } catch (ElfFormatException e) {
            checkMessage(e, name);
            return true;
        } catch (Throwable t) {
            throw new AssertionError(mutation + ": expected ElfFormatException or a parse, got " + t, t);
        }
    }

    private static void checkMessage(ElfFormatException e, String name) {
        String m = e.getMessage();
        assertTrue(m, m.startsWith(name + ": "));
        assertTrue("message names an offset: " + m, m.contains("0x"));
    }
}
