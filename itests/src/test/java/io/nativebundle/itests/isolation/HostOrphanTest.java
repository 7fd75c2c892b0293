package io.nativebundle.itests.isolation;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import io.nativebundle.itests.AbstractIntegrationTest;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.itests.lifecycle.ChildRuntime;
import io.nativebundle.testsupport.Await;

/**
 * A runtime in a JVM of its own, whose operator puts the tenant {@code default} out of process
 * ({@code io.nativebundle.tenant.default.isolation=process}), so the unchanged math example runs
 * in a host process. When that JVM is killed with SIGKILL, its host is gone within two seconds
 * (parent-death signal, end of its stdin); when its framework stops, no host is left. Read from
 * {@code /proc}; every process the test starts is stopped by pid, also when it fails.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HostOrphanTest extends AbstractIntegrationTest {

    private static final Map<String, String> OUT_OF_PROCESS = Map.of("io.nativebundle.tenant.default.isolation", "process");

    @Configuration
    public Option[] config() {
        return NativeBundleOptions.core();
    }

    @Test
    public void aJvmKilledWithSigkillLeavesNoHostWithinTwoSeconds() throws Exception {
        Path cache = NativeBundleOptions.newWorkDir("orphans-kill").toPath();
        long host;
        try (ChildRuntime child = ChildRuntime.start(cache, OUT_OF_PROCESS)) {
            assertEquals("the typed service answers from the host", "5", child.added);
            host = Long.parseLong(child.next("HOST "));
            assertTrue("host " + host + " runs", HostProcesses.alive(host));
            assertEquals(List.of(host), HostProcesses.childrenOf(child.pid()));
            child.kill();
            Await.until("host " + host + " gone after SIGKILL of its JVM", Duration.ofSeconds(2),
                    () -> !HostProcesses.alive(host));
        }
    }

    @Test
    public void aStoppedFrameworkLeavesNoHost() throws Exception {
        Path cache = NativeBundleOptions.newWorkDir("orphans-stop").toPath();
        try (ChildRuntime child = ChildRuntime.start(cache, OUT_OF_PROCESS)) {
            long host = Long.parseLong(child.next("HOST "));
            assertEquals("5", child.call());
            assertTrue(HostProcesses.alive(host));
            child.exit();
            assertFalse("host " + host + " still runs after its framework stopped", HostProcesses.alive(host));
        }
    }
}
