package io.nativebundle.itests.isolation;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeFunction;
import io.nativebundle.api.NativeHostCrashedException;
import io.nativebundle.api.NativeLibraryRegistry;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.itests.AbstractIntegrationTest;
import io.nativebundle.testsupport.osgi.Gogo;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.testsupport.osgi.Services;
import io.nativebundle.itests.lifecycle.EventRecorder;
import io.nativebundle.itests.shell.TableOutput;
import io.nativebundle.itests.wrap.Drops;

/**
 * The "done when": a descriptor with {@code isolation = process} over a {@code .so} whose
 * function dereferences NULL leaves the runtime serving, and the next call of a healthy symbol of
 * that library succeeds after the restart. Then every way a library can end its process, and the
 * refusal after too many crashes, which a restart of the bundle lifts.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DescriptorIsolationTest extends AbstractIntegrationTest {

    static final File PLUGINS = new File(NativeBundleOptions.WORK, "isolation-descriptor/plugins");

    @Configuration
    public Option[] config() throws java.io.IOException {
        return CrashLibrary.runtime(PLUGINS, bundle(NativeBundleOptions.jar("math").toURI().toString()),
                frameworkProperty("io.nativebundle.host.crash.limit").value("6"),
                frameworkProperty("io.nativebundle.host.restart.delay").value("10ms"));
    }

    @Test
    public void aNullDereferenceLeavesTheRuntimeServingAndTheNextCallSucceedsAfterTheRestart() throws Exception {
        try (EventRecorder events = new EventRecorder(context)) {
            CrashLibrary.drop(PLUGINS, "crashy", List.of());
            ServiceReference<NativeFunction> addRef = Services.await(context, NativeFunction.class,
                    "(&(nativebundle.library=crashy)(nativebundle.symbol=add))");
            assertEquals("host", addRef.getProperty(NativeBundleConstants.BACKEND));
            assertEquals("process", addRef.getProperty(NativeBundleConstants.ISOLATION));
            NativeFunction add = context.getService(addRef);
            NativeFunction segv = CrashLibrary.function(context, "crashy", "segv");
            assertEquals(5, add.invoke(2, 3));
            // the registry lists a library just after its services are registered
            long pid = Long.parseLong(Drops.await("crashy's host in native:list", () -> {
                String host = TableOutput.row(Gogo.run(context, "native:list"), "LIBRARY", "crashy").get("HOST");
                return host.startsWith("RUNNING pid ") ? host.substring("RUNNING pid ".length()) : null;
            }));

            NativeHostCrashedException crash = assertThrows(NativeHostCrashedException.class, segv::invoke);
            assertEquals("crashy", crash.library());
            assertEquals("segv", crash.symbol());
            assertEquals(pid, crash.pid());
            assertEquals(Optional.of("SIGSEGV"), crash.signal());
            assertTrue(crash.getMessage(), crash.getMessage().contains("SIGSEGV (address 0x0) during the call of segv"));

            // the runtime serves: an in-process library, the shell, and the crashed library's healthy symbol
            assertEquals("5", Gogo.run(context, "native:call math add 2 3"));
            assertEquals(12, add.invoke(5, 7));
            assertEquals(12, add.asIntBinaryOperator().applyAsInt(5, 7));

            EventRecorder.Recorded crashed = events.await("io/nativebundle/HOST_CRASHED", e -> "crashy".equals(e.get("library")));
            assertEquals("SIGSEGV", crashed.get("signal"));
            assertEquals(pid, crashed.get("pid"));
            assertEquals("segv", crashed.get("symbol"));
            events.await("io/nativebundle/HOST_RESTARTED", e -> "crashy".equals(e.get("library")));

            String info = Gogo.run(context, "native:info crashy");
            assertTrue(info, info.contains("\nIsolation    process\n"));
            assertTrue(info, info.matches("(?s).*\nHost         RUNNING, pid \\d+, 1 restart, 1 crash, 0 timeouts\n.*"));
            assertTrue(info, info.contains("\nLast signal  SIGSEGV\n"));
            Map<String, String> row = TableOutput.row(Gogo.run(context, "native:list"), "LIBRARY", "crashy");
            assertEquals("process", row.get("ISOLATION"));
            assertNotEquals("RUNNING pid " + pid, row.get("HOST"));
            assertTrue(row.get("HOST"), row.get("HOST").startsWith("RUNNING pid "));
        }
    }

    @Test
    public void everyWayOfEndingTheProcessIsNamedAndTooManyCrashesRefuseTheLibraryUntilItsBundleRestarts()
            throws Exception {
        java.nio.file.Path descriptor = CrashLibrary.drop(PLUGINS, "kinds", List.of());
        NativeFunction add = CrashLibrary.function(context, "kinds", "add");
        assertEquals(Optional.of("SIGBUS"), crash("bus").signal());
        assertEquals(Optional.of("SIGABRT"), crash("abort_now").signal());
        NativeHostCrashedException exit = crash("exit_now");
        assertEquals(Optional.empty(), exit.signal());
        assertEquals(OptionalInt.of(3), exit.exitStatus());
        assertTrue(exit.getMessage(), exit.getMessage().contains("exit status 3"));
        NativeHostCrashedException overflow = crash("recurse", 1);
        assertEquals(Optional.of("SIGSEGV"), overflow.signal());
        assertTrue(overflow.getMessage(), overflow.getMessage().contains("stack overflow (SIGSEGV) during the call of recurse"));
        assertEquals(5, add.invoke(2, 3));
        assertEquals(Optional.of("SIGSEGV"), crash("segv").signal());

        // the sixth crash within the window: refused, its services gone
        crash("segv");
        NativeLibraryRegistry registry = service(NativeLibraryRegistry.class, null);
        Bundle bundle = Drops.installedFrom(context, descriptor);
        Drops.await("kinds refused with HOST_CRASHED", () -> registry.status(bundle.getBundleId())
                .flatMap(s -> s.reason()).filter(RefusalReason.HOST_CRASHED::equals).isPresent());
        Services.awaitAbsent(context, NativeFunction.class, "(nativebundle.library=kinds)");
        String info = Gogo.run(context, "native:info kinds");
        assertTrue(info, info.contains("REFUSED"));
        assertTrue(info, info.contains("HOST_CRASHED"));
        assertTrue(info, info.contains("crashed 6 times within 1m"));

        // the operator restarts the bundle: loaded again, in a new host
        bundle.stop();
        bundle.start();
        assertEquals(5, CrashLibrary.function(context, "kinds", "add").invoke(2, 3));
    }

    private NativeHostCrashedException crash(String symbol, Object... arguments) throws InterruptedException {
        NativeFunction f = CrashLibrary.function(context, "kinds", symbol);
        return assertThrows(NativeHostCrashedException.class, () -> f.invoke(arguments));
    }
}
