package io.nativebundle.loader.internal.backend.host;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.Test;

public class HostSettingsTest {

    @Test
    public void theDefaultsAndEveryPropertyWithItsUnit() {
        HostSettings d = HostSettings.of(Map.<String, String>of()::get);
        assertEquals(HostSettings.defaults(), d);
        HostSettings s = HostSettings.of(Map.of(
                "io.nativebundle.host.crash.limit", "3",
                "io.nativebundle.host.crash.window", "10s",
                "io.nativebundle.host.restart.delay", "50ms",
                "io.nativebundle.host.restart.max-delay", "1s",
                "io.nativebundle.host.threads", "8",
                "io.nativebundle.host.call.bytes", "64k",
                "io.nativebundle.host.max-address-space", "1g",
                "io.nativebundle.host.max-cpu-time", "2m")::get);
        assertEquals(3, s.crashLimit());
        assertEquals(Duration.ofSeconds(10), s.crashWindow());
        assertEquals(8, s.threads());
        assertEquals(64 * 1024, s.callBytes());
        assertEquals(OptionalLong.of(1L << 30), s.maxAddressSpace());
        assertEquals(Optional.of(Duration.ofMinutes(2)), s.maxCpuTime());
    }

    @Test
    public void theBackOffDoublesPerCrashInTheWindowUpToItsMaximum() {
        HostSettings s = HostSettings.of(Map.of("io.nativebundle.host.restart.delay", "50ms",
                "io.nativebundle.host.restart.max-delay", "300ms")::get);
        assertEquals(Duration.ofMillis(50), s.restartDelay(1));
        assertEquals(Duration.ofMillis(100), s.restartDelay(2));
        assertEquals(Duration.ofMillis(200), s.restartDelay(3));
        assertEquals(Duration.ofMillis(300), s.restartDelay(4));
        assertEquals(Duration.ofMillis(300), s.restartDelay(40));
    }

    @Test
    public void aValueThatDoesNotParseNamesThePropertyAndWhatWasExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HostSettings.of(Map.of("io.nativebundle.host.crash.window", "60")::get));
        assertEquals("io.nativebundle.host.crash.window=60 is not a duration; expected a whole number of ms, s or m,"
                + " e.g. 250ms or 2s", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> HostSettings.of(Map.of("io.nativebundle.host.threads", "0")::get));
        assertThrows(IllegalArgumentException.class,
                () -> HostSettings.of(Map.of("io.nativebundle.host.max-cpu-time", "500ms")::get));
    }
}
