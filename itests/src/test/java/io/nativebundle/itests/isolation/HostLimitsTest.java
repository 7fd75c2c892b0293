package io.nativebundle.itests.isolation;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import io.nativebundle.api.NativeCallTimeoutException;
import io.nativebundle.api.NativeFunction;
import io.nativebundle.api.NativeHostCrashedException;
import io.nativebundle.itests.AbstractIntegrationTest;
import io.nativebundle.testsupport.osgi.Gogo;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.itests.lifecycle.EventRecorder;

/**
 * The limits of a host process ({@code setrlimit}) and the call timeout, each declared in a
 * descriptor: a host that exceeds its address space or CPU time ends like a crash, a call that
 * overruns its timeout ends its host and throws {@code NativeCallTimeoutException}; each time the
 * next call runs in a new host, and {@code native:info} shows the limits and the last signal.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HostLimitsTest extends AbstractIntegrationTest {

    static final File PLUGINS = new File(NativeBundleOptions.WORK, "isolation-limits/plugins");

    @Configuration
    public Option[] config() throws IOException {
        return CrashLibrary.runtime(PLUGINS, frameworkProperty("io.nativebundle.host.restart.delay").value("1ms"));
    }

    @Test
    public void aHostBeyondItsAddressSpaceEndsAndTheNextCallFitsInANewOne() throws Exception {
        CrashLibrary.drop(PLUGINS, "roomy", List.of("max-address-space = 192m"));
        NativeFunction grab = CrashLibrary.function(context, "roomy", "grab");
        assertEquals(1, grab.invoke(16));
        NativeHostCrashedException e = assertThrows(NativeHostCrashedException.class, () -> grab.invoke(512));
        assertEquals(Optional.of("SIGSEGV"), e.signal());
        assertTrue(e.getMessage(), e.getMessage().contains("during the call of grab"));
        assertEquals(1, grab.invoke(16));
        String info = Gogo.run(context, "native:info roomy");
        assertTrue(info, info.contains("max-address-space 192m"));
        assertTrue(info, info.contains("Last signal  SIGSEGV"));
    }

    @Test
    public void aHostBeyondItsCpuTimeEndsWithSigxcpu() throws Exception {
        CrashLibrary.drop(PLUGINS, "thrifty", List.of("max-cpu-time = 1s"));
        NativeFunction spin = CrashLibrary.function(context, "thrifty", "spin");
        long started = System.nanoTime();
        NativeHostCrashedException e = assertThrows(NativeHostCrashedException.class, spin::invoke);
        assertEquals(Optional.of("SIGXCPU"), e.signal());
        assertTrue(e.getMessage(), e.getMessage().contains("its CPU time limit (max-cpu-time) was reached"));
        assertTrue("ended after a second of CPU time, not before",
                Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofMillis(900)) > 0);
        assertEquals(5, CrashLibrary.function(context, "thrifty", "add").invoke(2, 3));
        assertTrue(Gogo.run(context, "native:info thrifty").contains("max-cpu-time 1s"));
    }

    @Test
    public void aCallBeyondItsTimeoutEndsItsHostAndTheNextCallSucceeds() throws Exception {
        try (EventRecorder events = new EventRecorder(context)) {
            CrashLibrary.drop(PLUGINS, "patient", List.of("timeout = 30s"), "[timeouts]", "spin = 300ms");
            NativeFunction spin = CrashLibrary.function(context, "patient", "spin");
            long started = System.nanoTime();
            NativeCallTimeoutException e = assertThrows(NativeCallTimeoutException.class, spin::invoke);
            assertEquals("spin", e.symbol());
            assertEquals(Duration.ofMillis(300), e.timeout());
            assertTrue("the symbol's 300ms, not the library's 30s",
                    Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(10)) < 0);
            EventRecorder.Recorded timeout = events.await("io/nativebundle/CALL_TIMEOUT",
                    r -> "patient".equals(r.get("library")));
            assertEquals("spin", timeout.get("symbol"));
            assertEquals(e.pid(), timeout.get("pid"));
            assertEquals(5, CrashLibrary.function(context, "patient", "add").invoke(2, 3));
            String info = Gogo.run(context, "native:info patient");
            assertTrue(info, info.contains("1 timeout"));
            assertTrue(info, info.contains("timeout 30s"));
        }
    }
}
