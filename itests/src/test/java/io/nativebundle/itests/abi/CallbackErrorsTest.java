package io.nativebundle.itests.abi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

import io.nativebundle.api.NativeCallback;
import io.nativebundle.api.NativeFunction;
import io.nativebundle.api.NativeMetrics;
import io.nativebundle.api.SymbolStats;
import io.nativebundle.itests.AbstractIntegrationTest;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.itests.abi.supplier.SuppliedCallback;
import io.nativebundle.itests.wrap.Drops;
import io.nativebundle.testsupport.osgi.Gogo;

/**
 * The callback error counters of {@code native:stats} and {@link SymbolStats} against
 * {@code libkeeper.so} (src/test/c/keeper), a library that keeps a callback pointer and calls it
 * later: an exception of a callback is counted and rethrown to the Java caller; a kept callback
 * called after the bundle that supplied it stopped returns zero, is counted and never enters that
 * bundle; a callback on a pthread C created runs attached and the thread is let go.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CallbackErrorsTest extends AbstractIntegrationTest {

    static final File PLUGINS = new File(NativeBundleOptions.WORK, "abi-keeper/plugins");

    static final String[] KEEPER = {
        "library = keeper",
        "version = 1.0.0",
        "",
        "[callbacks]",
        "callback = (int)int",
        "",
        "[symbols]",
        "keeper_keep = (callback cb)void",
        "keeper_call = (int value)int",
        "keeper_apply = (callback cb, int value)int",
        "keeper_on_new_thread = (callback cb, int value)int",
    };

    @Configuration
    public Option[] config() throws IOException {
        Drops.clean(PLUGINS);
        Drops.drop(PLUGINS, "libkeeper.so", Files.readAllBytes(NativeBundleOptions.KEEPER_LIBRARY.toPath()));
        Drops.drop(PLUGINS, "libkeeper.nativebundle", KEEPER);
        return NativeBundleOptions.withDropIns(PLUGINS, NativeBundleOptions.shell());
    }

    private SymbolStats stats(String symbol) throws InterruptedException {
        return service(NativeMetrics.class, null).stats("keeper").stream().filter(s -> s.symbol().equals(symbol))
                .findFirst().orElseThrow(() -> new AssertionError("no statistics of keeper's " + symbol));
    }

    @Test
    public void anExceptionOfACallbackIsCountedAndRethrownToTheJavaCallerFromFourThreads() throws Exception {
        NativeFunction apply = function("keeper", "keeper_apply");
        assertEquals(70, apply.call((NativeCallback) args -> (Integer) args[0] * 10, 7).value());
        long before = stats("keeper_apply").callbackExceptions();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        int value = i;
                        IllegalStateException thrown = new IllegalStateException("thread " + thread + " call " + i);
                        NativeCallback failing = args -> {
                            throw thrown;
                        };
                        assertSame(thrown, assertThrows(IllegalStateException.class, () -> apply.call(failing, value)));
                    }
                    return null;
                }));
            }
            for (Future<?> result : results) {
                result.get();
            }
        } finally {
            pool.shutdownNow();
        }
        SymbolStats after = stats("keeper_apply");
        assertEquals(before + 100, after.callbackExceptions());
        assertEquals(0, after.staleCallbacks() + after.refusedCallbacks());
        // the framework goes on: the same function calls a good callback
        assertEquals(30, apply.call((NativeCallback) args -> (Integer) args[0] * 10, 3).value());
        String view = Gogo.execute(context, "native:stats keeper").output();
        assertTrue(view, view.contains("Callback errors"));
        assertTrue(view, view.matches("(?s).*\\nkeeper\\s+keeper_apply\\s+" + after.callbackExceptions() + "\\s+0\\s+0.*"));
        String json = Gogo.execute(context, "native:stats --json keeper").output().replaceAll("\\s", "");
        assertTrue(json, json.contains("\"callbackExceptions\":" + after.callbackExceptions()));
    }

    @Test
    public void aKeptCallbackCalledAfterItsBundleStoppedReturnsZeroIsCountedAndNeverEntersIt() throws Exception {
        NativeFunction keep = function("keeper", "keeper_keep");
        NativeFunction call = function("keeper", "keeper_call");
        Bundle supplier = context.installBundle("test:callback-supplier", new ByteArrayInputStream(supplierJar()));
        try {
            supplier.start();
            Class<?> type = supplier.loadClass(SuppliedCallback.class.getName());
            assertNotSame("the callback's class must come from the supplier bundle", SuppliedCallback.class, type);
            AtomicInteger ran = (AtomicInteger) type.getField("RAN").get(null);
            keep.call(type.getConstructor().newInstance());
            assertEquals(50, call.invoke(5));
            assertEquals(1, ran.get());

            supplier.stop();
            long staleBefore = stats("keeper_keep").staleCallbacks();
            for (int i = 0; i < 3; i++) {
                assertEquals("a refused upcall returns zero to C", 0, call.invoke(5));
            }
            assertEquals("the stopped bundle's code never ran", 1, ran.get());
            SymbolStats after = stats("keeper_keep");
            assertEquals(staleBefore + 3, after.staleCallbacks());
            assertEquals(0, after.refusedCallbacks() + after.callbackExceptions());
            String view = Gogo.execute(context, "native:stats keeper").output();
            assertTrue(view, view.matches("(?s).*Callback errors.*\\nkeeper\\s+keeper_keep\\s+0\\s+"
                    + after.staleCallbacks() + "\\s+0.*"));
        } finally {
            keep.call((Object) null);
            supplier.uninstall();
        }
        assertEquals(-1, call.invoke(5));
    }

    @Test
    public void aCallbackOnAThreadCCreatedRunsAttachedAndTheThreadIsLetGo() throws Exception {
        NativeFunction onNewThread = function("keeper", "keeper_on_new_thread");
        AtomicReference<Thread> seen = new AtomicReference<>();
        NativeCallback doubling = args -> {
            seen.set(Thread.currentThread());
            return (Integer) args[0] * 2;
        };
        for (int i = 0; i < 20; i++) {
            assertEquals(2 * i, onNewThread.call(doubling, i).value());
            assertNotSame(Thread.currentThread(), seen.get());
            // pthread_join returned: the thread ended, so the JVM must have detached it
            assertFalse("thread " + seen.get() + " is still attached", seen.get().isAlive());
        }
        // an exception there has no Java caller on that thread: C gets zero, the error is counted (and logged)
        long before = stats("keeper_on_new_thread").callbackExceptions();
        NativeCallback failing = args -> {
            throw new IllegalStateException("on a thread C created");
        };
        assertEquals(0, onNewThread.call(failing, 4).value());
        assertEquals(before + 1, stats("keeper_on_new_thread").callbackExceptions());
    }

    /** A bundle of {@link SuppliedCallback} alone, importing the API. */
    private static byte[] supplierJar() throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "io.nativebundle.itests.callback.supplier");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Import-Package", "io.nativebundle.api;version=\"[2.0,3)\"");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            String entry = SuppliedCallback.class.getName().replace('.', '/') + ".class";
            try (InputStream in = CallbackErrorsTest.class.getClassLoader().getResourceAsStream(entry)) {
                if (in == null) {
                    throw new IOException("class file " + entry + " is not on the class path");
                }
                jar.putNextEntry(new JarEntry(entry));
                in.transferTo(jar);
                jar.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
