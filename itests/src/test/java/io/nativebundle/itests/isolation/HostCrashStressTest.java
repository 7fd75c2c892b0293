package io.nativebundle.itests.isolation;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntBinaryOperator;
import java.util.stream.Stream;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

import io.nativebundle.api.NativeCallTimeoutException;
import io.nativebundle.api.NativeFunction;
import io.nativebundle.api.NativeHostCrashedException;
import io.nativebundle.itests.AbstractIntegrationTest;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.itests.wrap.Drops;
import io.nativebundle.testsupport.Await;

/**
 * Eight threads call {@code add} of a library out of process while another thread crashes its
 * host 50 times, in every way: the JVM survives (it runs this test), every call returns the right
 * sum or throws one of the two named exceptions, the heap, the threads and the file descriptors
 * end near where they started, and once the library and the loader are gone, no host process is
 * left (read from {@code /proc}).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HostCrashStressTest extends AbstractIntegrationTest {

    static final File PLUGINS = new File(NativeBundleOptions.WORK, "isolation-stress/plugins");

    private static final int CALLERS = 8;
    private static final int CRASHES = 50;
    /** Each crash in its own way, with how the host must have ended. */
    private static final String[] KILLERS = {"segv", "bus", "abort_now", "exit_now", "recurse"};
    private static final String[] SIGNALS = {"SIGSEGV", "SIGBUS", "SIGABRT", null, "SIGSEGV"};

    @Configuration
    public Option[] config() throws IOException {
        return CrashLibrary.runtime(PLUGINS,
                frameworkProperty("io.nativebundle.host.crash.limit").value("1000"),
                frameworkProperty("io.nativebundle.host.restart.delay").value("1ms"),
                frameworkProperty("io.nativebundle.host.restart.max-delay").value("5ms"));
    }

    @Test
    public void fiftyCrashesUnderEightCallersLeaveTheJvmRunningEveryCallAnsweredAndNothingBehind() throws Exception {
        Path descriptor = CrashLibrary.drop(PLUGINS, "stress", List.of());
        NativeFunction add = CrashLibrary.function(context, "stress", "add");
        IntBinaryOperator sum = add.asIntBinaryOperator();
        List<NativeFunction> killers = new ArrayList<>();
        for (String killer : KILLERS) {
            killers.add(CrashLibrary.function(context, "stress", killer));
        }
        for (int i = 0; i < 1000; i++) {
            assertEquals(i + 1, sum.applyAsInt(i, 1));
        }
        Resources before = Resources.now();

        AtomicBoolean crashing = new AtomicBoolean(true);
        AtomicLong right = new AtomicLong();
        AtomicLong crashed = new AtomicLong();
        AtomicLong timedOut = new AtomicLong();
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        List<Thread> callers = new ArrayList<>();
        for (int t = 0; t < CALLERS; t++) {
            int base = t * 1_000_000;
            Thread caller = new Thread(() -> {
                for (int i = 0; crashing.get(); i++) {
                    try {
                        int s = sum.applyAsInt(base, i);
                        if (s == base + i) {
                            right.incrementAndGet();
                        } else {
                            wrong.add("add(" + base + ", " + i + ") = " + s);
                        }
                    } catch (NativeHostCrashedException e) {
                        crashed.incrementAndGet();
                    } catch (NativeCallTimeoutException e) {
                        timedOut.incrementAndGet();
                    } catch (RuntimeException | Error e) {
                        wrong.add(e.toString());
                    }
                }
            }, "caller-" + t);
            callers.add(caller);
            caller.start();
        }
        try {
            for (int c = 0; c < CRASHES; c++) {
                int k = c % KILLERS.length;
                NativeFunction killer = killers.get(k);
                NativeHostCrashedException e = assertThrowsCrash(killer, k == 4 ? new Object[] {1} : new Object[0]);
                assertEquals(KILLERS[k], e.symbol());
                assertEquals(Optional.ofNullable(SIGNALS[k]), e.signal());
                assertEquals(SIGNALS[k] == null ? OptionalInt.of(3) : OptionalInt.empty(), e.exitStatus());
            }
        } finally {
            crashing.set(false);
            for (Thread caller : callers) {
                caller.join(60_000);
            }
        }
        assertTrue("wrong answers or unnamed failures: " + wrong, wrong.isEmpty());
        assertTrue("calls answered right: " + right.get(), right.get() > CALLERS);
        assertEquals("no call has a timeout here", 0, timedOut.get());
        assertEquals(7, sum.applyAsInt(3, 4));

        Resources after = Resources.now();
        before.assertNear(after);

        // the library's bundle goes, then the loader: no host process of this JVM is left
        Bundle bundle = Drops.installedFrom(context, descriptor);
        long hosts = HostProcesses.childrenOf(ProcessHandle.current().pid()).size();
        assertEquals("one host serves the library", 1, hosts);
        bundle.uninstall();
        Await.until("no host process left after the uninstall", Duration.ofSeconds(10),
                () -> HostProcesses.childrenOf(ProcessHandle.current().pid()).isEmpty());
        installed("io.nativebundle.loader").stop();
        assertEquals(List.of(), HostProcesses.childrenOf(ProcessHandle.current().pid()));
    }

    private static NativeHostCrashedException assertThrowsCrash(NativeFunction killer, Object[] arguments) {
        try {
            killer.invoke(arguments);
        } catch (NativeHostCrashedException e) {
            return e;
        }
        throw new AssertionError(killer + " returned");
    }

    /** Heap after a collection, live threads, open file descriptors. */
    private record Resources(long heap, int threads, long fds) {

        static Resources now() throws IOException {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
                return new Resources(memory.getHeapMemoryUsage().getUsed(),
                        ManagementFactory.getThreadMXBean().getThreadCount(), fds.count());
            }
        }

        /** The bounds: 64 MiB of heap, 8 threads (pooled process reapers, the restart thread), 8 descriptors. */
        void assertNear(Resources after) {
            assertTrue("heap grew from " + heap + " to " + after.heap, after.heap < heap + (64L << 20));
            assertTrue("threads grew from " + threads + " to " + after.threads, after.threads <= threads + 8);
            assertTrue("file descriptors grew from " + fds + " to " + after.fds, after.fds <= fds + 8);
        }
    }
}
