package io.nativebundle.itests.system;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

import org.osgi.framework.ServiceReference;

import io.nativebundle.api.NativeFunction;
import io.nativebundle.api.NativeLibrary;
import io.nativebundle.api.NativeLibraryUnloadedException;
import io.nativebundle.binary.SystemLibraries;
import io.nativebundle.itests.AbstractIntegrationTest;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.testsupport.Await;
import io.nativebundle.testsupport.BundleRewriter;
import io.nativebundle.testsupport.osgi.Services;

/**
 * Two bundles take the same host library, one that this JVM does not map on its own
 * ({@code liblzma.so.5}, which dpkg needs on every Debian host). Each load must hold its own
 * dlopen reference: when the first bundle stops, the library stays mapped and the second keeps
 * calling it; when the second stops too, it is unmapped, so no reference leaked either. Were the
 * two loads to share one handle, the first close would unmap code the second still calls.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SharedHostLibraryTest extends AbstractIntegrationTest {

    private static final String LZMA = "liblzma.so.5";
    private static final byte[] HELLO = "hello".getBytes(StandardCharsets.US_ASCII);
    /** CRC-32 of "hello", as java.util.zip.CRC32 gives it. */
    private static final int CRC32_OF_HELLO = 907060870;

    @Configuration
    public Option[] config() {
        return NativeBundleOptions.core();
    }

    @Test
    public void twoBundlesOnOneHostLibraryEachHoldAndGiveBackTheirOwnReference() throws Exception {
        Path real = hostFile();
        // another test of this class may have left a generation to the reaper: give it time
        try {
            Await.until(real + " unmapped", Duration.ofMillis(Services.TIMEOUT_MS), () -> {
                System.gc();
                return !mapped(real);
            });
        } catch (AssertionError stillMapped) {
            // judged just below
        }
        assumeTrue("this JVM already maps " + real + ", so its unmapping cannot be observed", !mapped(real));
        Bundle first = install("xzfirst");
        Bundle second = install("xzsecond");
        try {
            first.start();
            second.start();
            Path firstLink = opened("xzfirst");
            Path secondLink = opened("xzsecond");
            assertFalse("each load opens the host file through its own path", firstLink.equals(secondLink));
            assertEquals(real, firstLink.toRealPath());
            assertEquals(CRC32_OF_HELLO, crc32("xzfirst"));
            assertEquals(CRC32_OF_HELLO, crc32("xzsecond"));
            assertTrue(mapped(real));

            first.stop();
            awaitClosed(firstLink);
            assertTrue("the second bundle's reference keeps " + real + " mapped", mapped(real));
            for (int i = 0; i < 1_000; i++) {
                assertEquals(CRC32_OF_HELLO, crc32("xzsecond"));
            }
            assertTrue("the host file is untouched", Files.exists(real));

            second.stop();
            awaitClosed(secondLink);
            assertFalse("every reference was given back, so " + real + " is unmapped", mapped(real));
        } finally {
            first.uninstall();
            second.uninstall();
        }
    }

    /**
     * Callers keep calling both bundles while the first is updated again and again: the second
     * never fails, the first answers or says it was unloaded, and the JVM stays up.
     */
    @Test
    public void updatesOfOneBundleUnderLoadLeaveTheOtherServing() throws Exception {
        Bundle first = install("xzupdated");
        Bundle second = install("xzsteady");
        ExecutorService callers = Executors.newFixedThreadPool(4);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong steadyCalls = new AtomicLong();
        AtomicLong updatedCalls = new AtomicLong();
        AtomicLong unloaded = new AtomicLong();
        try {
            first.start();
            second.start();
            NativeFunction steady = function("xzsteady");
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                done.add(callers.submit((Callable<Void>) () -> {
                    while (running.get()) {
                        assertEquals(CRC32_OF_HELLO, steady.invoke(HELLO, (long) HELLO.length, 0));
                        steadyCalls.incrementAndGet();
                    }
                    return null;
                }));
                done.add(callers.submit((Callable<Void>) () -> {
                    while (running.get()) {
                        ServiceReference<NativeFunction> ref = any(context.getServiceReferences(NativeFunction.class,
                                "(&(nativebundle.library=xzupdated)(nativebundle.symbol=lzma_crc32))"));
                        NativeFunction f = ref == null ? null : context.getService(ref);
                        if (f == null) {
                            Thread.onSpinWait();
                            continue;
                        }
                        try {
                            for (int call = 0; call < 100; call++) {
                                assertEquals(CRC32_OF_HELLO, f.invoke(HELLO, (long) HELLO.length, 0));
                                updatedCalls.incrementAndGet();
                            }
                        } catch (NativeLibraryUnloadedException expected) {
                            unloaded.incrementAndGet();
                        } finally {
                            context.ungetService(ref);
                        }
                    }
                    return null;
                }));
            }
            byte[] jar = rewrite("xzupdated").toBytes();
            for (int update = 0; update < 10; update++) {
                first.update(new ByteArrayInputStream(jar));
                function("xzupdated");
                long before = updatedCalls.get();
                Await.until("a call of update " + update + "'s generation", () -> updatedCalls.get() > before);
            }
            running.set(false);
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
            assertTrue("the steady bundle was called: " + steadyCalls, steadyCalls.get() > 0);
            assertTrue("the updated bundle was called: " + updatedCalls + " (" + unloaded + " unloaded)",
                    updatedCalls.get() > 0);
            assertEquals(CRC32_OF_HELLO, crc32("xzsteady"));
            assertEquals(CRC32_OF_HELLO, crc32("xzupdated"));
        } finally {
            running.set(false);
            callers.shutdownNow();
            first.uninstall();
            second.uninstall();
        }
    }

    private static <T> ServiceReference<T> any(java.util.Collection<ServiceReference<T>> refs) {
        return refs.isEmpty() ? null : refs.iterator().next();
    }

    private NativeFunction function(String library) throws Exception {
        return context.getService(Services.await(context, NativeFunction.class,
                "(&(nativebundle.library=" + library + ")(nativebundle.symbol=lzma_crc32))"));
    }

    /** The zlib example's jar, made to take liblzma under another library name; no typed interface. */
    private Bundle install(String library) throws Exception {
        return context.installBundle("test:" + library, new ByteArrayInputStream(rewrite(library).toBytes()));
    }

    private static BundleRewriter rewrite(String library) throws Exception {
        return BundleRewriter.of(NativeBundleOptions.jar("zlib")).symbolicName("test.shared." + library)
                .header("NativeBundle-Tenant", null)
                .header("NativeBundle-Library", library + ";system=" + LZMA + ";version=\"[5,6)\"")
                .header("NativeBundle-Symbols", "lzma_crc32;signature=\"(buffer,long,int)int\"");
    }

    private int crc32(String library) throws Exception {
        return (Integer) function(library).invoke(HELLO, (long) HELLO.length, 0);
    }

    private Path opened(String library) throws Exception {
        NativeLibrary loaded = context.getService(Services.await(context, NativeLibrary.class,
                "(nativebundle.library=" + library + ")"));
        return loaded.file();
    }

    /** A generation's close ends by deleting its folder, which held only the link. */
    private static void awaitClosed(Path link) {
        // the reaper closes a released generation; a collection releases it sooner
        Await.until("the generation of " + link + " closed", Duration.ofMillis(Services.TIMEOUT_MS), () -> {
            System.gc();
            return !Files.exists(link.getParent());
        });
    }

    private static Path hostFile() throws Exception {
        return SystemLibraries.forThisJvm().find(LZMA)
                .orElseThrow(() -> new AssertionError("no " + LZMA + " on this host (Debian's liblzma5, which dpkg needs)"))
                .toRealPath();
    }

    private static boolean mapped(Path real) throws Exception {
        return Files.readAllLines(Path.of("/proc/self/maps")).stream().anyMatch(line -> line.endsWith(" " + real));
    }
}
