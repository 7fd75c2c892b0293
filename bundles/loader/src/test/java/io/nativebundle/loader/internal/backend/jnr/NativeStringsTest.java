package io.nativebundle.loader.internal.backend.jnr;

import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.Test;

import io.nativebundle.loader.internal.call.TestLibrary;

/** The typed path's UTF-8 encoder agrees with the JDK's, including surrogates; results read back whole. */
public class NativeStringsTest {

    @Test
    public void encodesLikeTheJdk() {
        for (String s : new String[] {"", "ascii", "Grüße", "€ and ∑", "🌍 emoji", "a\uD800b", "\uDC00 lone low",
                "end high \uD83C", "x".repeat(300), "ü".repeat(40_000)}) {
            byte[] jdk = s.getBytes(StandardCharsets.UTF_8);
            int length = TestLibrary.function("length", "(string)int").asStringToIntFunction().applyAsInt(s);
            assertEquals(s, jdk.length, length);
            String echoed = TestLibrary.function("greet", "(string)string").asStringFunction().apply(s);
            byte[] greeting = ("Hello, " + s + "!").getBytes(StandardCharsets.UTF_8);
            if (greeting.length < 256) {
                // the JDK's round trip turns unpaired surrogates into '?', as the encoder must
                assertEquals(s, new String(greeting, StandardCharsets.UTF_8), echoed);
            } else {
                // greet truncates to its 256-byte buffer
                assertEquals(s, 255, echoed.getBytes(StandardCharsets.UTF_8).length);
            }
        }
    }

    @Test
    public void bothReadersReadTheSameString() {
        long here = (Long) TestLibrary.function("maybe", "(int)pointer").invoke(1);
        assertEquals("here", NativeStrings.read(here));
        assertEquals("here", NativeStrings.readScratch(here));
        assertEquals(null, NativeStrings.read(0L));
        assertEquals(null, NativeStrings.readScratch(0L));
    }
}
