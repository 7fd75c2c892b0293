package io.nativebundle.loader.internal.backend.host;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.Test;

/**
 * wire.h is the one description of the shared file; Wire.java repeats its numbers for the JVM.
 * The built host prints every number of wire.h ({@code --layout}); each must be Wire's.
 */
public class WireLayoutTest {

    @Test
    public void theJvmAndTheBuiltHostAgreeOnEveryOffsetAndCode() throws Exception {
        try (HostFixture fixture = new HostFixture(1)) {
            Process p = new ProcessBuilder(fixture.runtime.program().executable().toString(), "--layout")
                    .redirectErrorStream(true).start();
            String output;
            try {
                output = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                assertTrue(p.waitFor(10, TimeUnit.SECONDS));
            } finally {
                p.destroyForcibly();
            }
            assertEquals(output, 0, p.exitValue());
            Map<String, Long> host = new HashMap<>();
            for (String line : output.strip().split("\n")) {
                String[] kv = line.split("=", 2);
                host.put(kv[0], Long.parseLong(kv[1]));
            }
            Map<String, Long> jvm = new HashMap<>();
            for (Field f : Wire.class.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                    jvm.put(f.getName(), Integer.toUnsignedLong(f.getInt(null)));
                }
            }
            // the C names of the constants are Wire's, except the three that have C prefixes of their own
            jvm.put("WIRE_MAGIC", jvm.remove("MAGIC"));
            jvm.put("WIRE_VERSION", jvm.remove("VERSION"));
            assertEquals(host.keySet(), jvm.keySet());
            assertEquals(host, jvm);
        }
    }
}
