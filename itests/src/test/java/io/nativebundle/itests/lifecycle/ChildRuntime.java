package io.nativebundle.itests.lifecycle;

import static org.junit.Assert.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.nativebundle.itests.ChildJvm;
import io.nativebundle.itests.NativeBundleOptions;

/**
 * A second runtime in its own JVM ({@link SecondRuntime}): the core bundles and the math example on
 * a given native cache folder, driven through its stdin and read from its stdout. The test that
 * starts one stops it by pid ({@link #close}), even when it fails.
 */
public final class ChildRuntime implements AutoCloseable {

    private static final Duration LINE_TIMEOUT = Duration.ofSeconds(30);

    private final ChildJvm jvm;
    /** The library file the second runtime loaded. */
    public final Path file;
    /** What its {@code add(2, 3)} returned. */
    public final String added;

    private ChildRuntime(ChildJvm jvm) {
        this.jvm = jvm;
        this.file = Path.of(next("FILE "));
        this.added = next("ADD ");
    }

    /** A second runtime on {@code cache}. */
    public static ChildRuntime start(Path cache) throws Exception {
        return start(cache, Map.of());
    }

    /** A second runtime on {@code cache}, with {@code properties} added to the runtime's framework properties. */
    public static ChildRuntime start(Path cache, Map<String, String> properties) throws Exception {
        Properties all = new Properties();
        all.putAll(NativeBundleOptions.frameworkProperties(cache.toFile()));
        all.putAll(properties);
        List<java.io.File> bundles = new java.util.ArrayList<>(NativeBundleOptions.coreBundleFiles());
        bundles.add(NativeBundleOptions.jar("math"));
        ChildJvm jvm = ChildJvm.start("the second runtime", SecondRuntime.class, all, List.of(), bundles);
        try {
            return new ChildRuntime(jvm);
        } catch (Throwable t) {
            jvm.close();
            throw t;
        }
    }

    public long pid() {
        return jvm.pid();
    }

    public String call() throws Exception {
        jvm.send("call");
        return next("ADD ");
    }

    /** Stops its framework and waits for the JVM to exit with 0. */
    public void exit() throws Exception {
        jvm.send("exit");
        next("STOPPED");
        assertEquals(0, jvm.awaitExit(Duration.ofSeconds(20)));
    }

    /**
     * Ends the JVM like a crash: SIGKILL, no shutdown hooks, no cleanup. Only the JVM: what it
     * started (native hosts) is left to notice on its own, which is what the orphan test is about.
     */
    public void kill() throws InterruptedException {
        jvm.kill();
    }

    /** The rest of the next line starting with {@code prefix}, waiting for it. */
    public String next(String prefix) {
        return jvm.next(prefix, LINE_TIMEOUT).substring(prefix.length()).trim();
    }

    @Override
    public void close() {
        jvm.close();
    }
}
