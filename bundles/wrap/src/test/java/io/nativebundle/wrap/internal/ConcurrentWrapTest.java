package io.nativebundle.wrap.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import io.nativebundle.wrap.DescriptorException;
import io.nativebundle.wrap.NativeWrapper;
import io.nativebundle.wrap.WrapRefusal;

/**
 * {@code native:wrap} may run in several Gogo sessions at once, and {@code WrapStatus} is read from
 * any thread while FileInstall's thread records outcomes: both are exercised from many threads.
 */
public class ConcurrentWrapTest {

    private static final Path NATIVES = Path.of(System.getProperty("nativebundle.test.natives", "target/test-natives"));
    private static final int THREADS = 8;

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

    @After
    public void stop() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    }

    @Test
    public void manyThreadsWrappingIntoOneJarLeaveOneWholeJar() throws Exception {
        Path folder = temp.getRoot().toPath();
        Files.copy(NATIVES.resolve("libfix.so"), folder.resolve("libfix.so"));
        Path descriptor = Files.writeString(folder.resolve("libfix.nativebundle"), String.join("\n", "library = fix",
                "version = 1.0.0", "[symbols]", "add = (int,int)int", "twice = (long)long", ""));
        byte[] expected = Files.readAllBytes(NativeWrapper.wrap(null, descriptor, folder.resolve("expected.jar")));
        Path shared = folder.resolve("out/fix.jar");

        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Future<Path>> results = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            results.add(pool.submit(() -> {
                start.await();
                Path last = null;
                for (int round = 0; round < 20; round++) {
                    last = NativeWrapper.wrap(null, descriptor, shared);
                }
                return last;
            }));
        }
        for (Future<Path> result : results) {
            assertEquals(shared, result.get(60, TimeUnit.SECONDS));
        }
        assertArrayEquals("every writer wrote the same bytes, and the last move left a whole file",
                expected, Files.readAllBytes(shared));
        try (JarFile jar = new JarFile(shared.toFile())) {
            assertEquals("nativebundle.wrapped.default.fix", jar.getManifest().getMainAttributes().getValue("Bundle-SymbolicName"));
        }
        try (var left = Files.list(shared.getParent())) {
            assertEquals("no temporary file is left behind", List.of(shared), left.toList());
        }
    }

    @Test
    public void statusIsReadWhileOutcomesAreRecorded() throws Exception {
        RefusalRegistry registry = new RefusalRegistry();
        Path folder = temp.getRoot().toPath();
        List<Path> descriptors = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            descriptors.add(Files.writeString(folder.resolve("lib" + i + ".nativebundle"), "library = x\n"));
        }
        CyclicBarrier start = new CyclicBarrier(THREADS * 2);
        List<Future<?>> done = new ArrayList<>();
        for (Path descriptor : descriptors) {
            done.add(pool.submit((Callable<Void>) () -> {
                start.await();
                for (int round = 0; round < 2_000; round++) {
                    registry.refused(descriptor, new DescriptorException(descriptor, 1, 1, "missing required key"
                            + " 'version'"), java.util.Optional.empty(), java.util.Optional.empty(),
                            java.util.Optional.empty());
                    registry.failed(descriptor, descriptor.getFileName() + ": cannot wrap: round " + round);
                }
                return null;
            }));
        }
        ExecutorService readers = Executors.newFixedThreadPool(THREADS);
        try {
            for (int i = 0; i < THREADS; i++) {
                done.add(readers.submit((Callable<Void>) () -> {
                    start.await();
                    for (int round = 0; round < 2_000; round++) {
                        for (WrapRefusal r : registry.refusals()) {
                            assertTrue(r.message(), r.message().startsWith(r.descriptor().getFileName() + ":"));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            readers.shutdownNow();
        }
        assertEquals(THREADS, registry.refusals().size());
        for (Path descriptor : descriptors) {
            assertTrue(registry.refusal(descriptor).orElseThrow().message().contains("cannot wrap: round 1999"));
        }
    }
}
