package io.nativebundle.loader.internal.host;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assume.assumeTrue;

import java.util.Map;
import java.util.Optional;

import org.junit.Test;
import org.osgi.framework.Version;

import io.nativebundle.binary.GlibcVersion;
import io.nativebundle.binary.LibcFlavour;
import io.nativebundle.binary.host.HostPlatform;

/**
 * The loader reads this machine from the binary bundle's one detector and applies the framework's
 * libc settings by the launcher's rule: a setting wins, one it cannot read is ignored.
 */
public class RuntimeHostTest {

    private final HostPlatform detected = HostPlatform.current();

    @Test
    public void withoutSettingsTheHostIsWhatWasDetected() {
        RuntimeHost host = RuntimeHost.of(detected, Map.<String, String>of()::get, Optional.of(new Version(1, 0, 0)));
        assertSame(detected.machine(), host.machine());
        assertSame(detected.libc(), host.libc());
        assertSame(detected.libraries(), host.libraries());
        assertEquals(Optional.of(new Version(1, 0, 0)), host.abi());
        assertEquals("linux-" + detected.machine().osgiProcessor(), host.hostLibraryPlatform());
    }

    @Test
    public void aSettingThatAgreesWithDetectionChangesNothing() {
        assumeTrue("a glibc host", detected.libc().flavour() == LibcFlavour.GLIBC && detected.libc().version().isPresent());
        Map<String, String> launcher = Map.of("io.nativebundle.libc", "glibc",
                "io.nativebundle.glibc.version", detected.libc().version().get().toString());
        assertSame(detected.libc(), RuntimeHost.of(detected, launcher::get, Optional.empty()).libc());
    }

    @Test
    public void anExplicitSettingWinsAndSaysSo() {
        assumeTrue("a glibc host", detected.libc().flavour() == LibcFlavour.GLIBC);
        RuntimeHost musl = RuntimeHost.of(detected, Map.of("io.nativebundle.libc", "musl")::get, Optional.empty());
        assertEquals(LibcFlavour.MUSL, musl.libc().flavour());
        assertEquals("set by io.nativebundle.libc=musl", musl.libc().source());

        RuntimeHost old = RuntimeHost.of(detected, Map.of("io.nativebundle.glibc.version", "2.1")::get, Optional.empty());
        assertEquals(Optional.of(new GlibcVersion(2, 1, 0)), old.libc().version());
        assertEquals("set by io.nativebundle.glibc.version=2.1", old.libc().source());
    }

    @Test
    public void aSettingThatIsNotUnderstoodIsIgnored() {
        RuntimeHost host = RuntimeHost.of(detected, Map.of("io.nativebundle.libc", "uclibc",
                "io.nativebundle.glibc.version", "two")::get, Optional.empty());
        assertSame(detected.libc(), host.libc());
    }
}
