package io.nativebundle.benchmarks.osgi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceReference;

import io.nativebundle.benchmarks.BenchPaths;
import io.nativebundle.benchmarks.UnavailableException;
import io.nativebundle.definition.CoreBundle.Role;

/**
 * An embedded framework with a descriptor over the host's libc in its {@code plugins/} folder
 * (wrapped by the runtime's wrap bundle, as a user's drop-in is) and the benchmark's consumer
 * bundle, which calls libc's {@code NativeFunction} services through {@code AbiCalls}.
 */
public final class LibcInFramework implements AutoCloseable {

    static final String LIBRARY = "c";

    /** The descriptor: a struct filled through a pointer, and qsort with a callback. */
    static final String DESCRIPTOR = String.join("\n",
            "library = c",
            "system = libc.so.6",
            "version = [2.17,3)",
            "version-symbol = gnu_get_libc_version",
            "",
            "[structs]",
            "timespec = { tv_sec: long, tv_nsec: long } size=16",
            "",
            "[callbacks]",
            "comparator = (pointer, pointer)int",
            "",
            "[symbols]",
            "clock_gettime = (int clock, out timespec ts)int",
            "qsort = (pointer base, size_t n, size_t size, comparator cmp)void",
            "# memset(s, 0, 0) returns s: the address of a direct buffer",
            "memset = (buffer s, int c, size_t n)pointer",
            "");

    /** The wrap and the first load take a moment; FileInstall polls every 500 ms. */
    private static final long SERVICE_TIMEOUT_MS = 30_000;

    private final EmbeddedFramework felix;
    private final Bundle consumer;

    private LibcInFramework(EmbeddedFramework felix, Bundle consumer) {
        this.felix = felix;
        this.consumer = consumer;
    }

    /**
     * Boots the framework with the wrap and plugins-folder roles and the libc descriptor dropped
     * in, installs the consumer bundle and waits for libc's functions.
     *
     * @throws UnavailableException when libc's {@code NativeFunction} services do not appear
     */
    public static LibcInFramework start() throws BundleException, UnavailableException {
        return start(false);
    }

    /**
     * As {@link #start()}; with {@code ffm} on the FFM backend (its fragment attached,
     * {@code io.nativebundle.backend=ffm}, Java 22+), which hands what it does not carry itself
     * (structs, callbacks) to its jnr library of the same generation.
     *
     * @throws UnavailableException also when {@code ffm} and this JVM is below Java 22
     */
    public static LibcInFramework start(boolean ffm) throws BundleException, UnavailableException {
        if (ffm && Runtime.version().feature() < 22) {
            throw new UnavailableException("the FFM backend needs Java 22+, this JVM is Java " + Runtime.version().feature());
        }
        Path plugins = BenchPaths.newWorkDir("plugins");
        try {
            Files.writeString(plugins.resolve("c.nativebundle"), DESCRIPTOR);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the libc descriptor into " + plugins, e);
        }
        EmbeddedFramework felix = ffm
                ? EmbeddedFramework.start(Map.of("felix.fileinstall.dir", plugins.toString(), "io.nativebundle.backend",
                        "ffm"), Role.WRAP, Role.PLUGINS_FOLDER, Role.FFM)
                : EmbeddedFramework.start(Map.of("felix.fileinstall.dir", plugins.toString()),
                        Role.WRAP, Role.PLUGINS_FOLDER);
        try {
            LibcInFramework running = new LibcInFramework(felix, ConsumerBundle.install(felix));
            running.function("clock_gettime", SERVICE_TIMEOUT_MS);
            return running;
        } catch (BundleException | UnavailableException | RuntimeException e) {
            felix.close();
            throw e;
        }
    }

    /**
     * {@code AbiCalls} of the consumer bundle over {@code ints}: a {@code LongSupplier} (clock_gettime)
     * and an {@code IntConsumer} (qsort of the first n ints).
     */
    public Object abiCalls(ByteBuffer ints) throws UnavailableException {
        long timeout = 2_000;
        Object[] args = {function("clock_gettime", timeout), function("qsort", timeout), function("memset", timeout),
            ints};
        try {
            return consumer.loadClass(ConsumerBundle.PACKAGE + ".AbiCalls")
                    .getConstructor(Object.class, Object.class, Object.class, ByteBuffer.class).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct AbiCalls in the consumer bundle", e);
        }
    }

    private Object function(String symbol, long timeoutMillis) throws UnavailableException {
        String filter = "(&(nativebundle.library=" + LIBRARY + ")(nativebundle.symbol=" + symbol + "))";
        ServiceReference<?> ref = felix.awaitReference(consumer.getBundleContext(), MathInFramework.NATIVE_FUNCTION,
                filter, timeoutMillis);
        Object service = ref == null ? null : consumer.getBundleContext().getService(ref);
        if (service == null) {
            throw new UnavailableException("no NativeFunction service " + filter + " within " + timeoutMillis
                    + " ms (the libc descriptor was not wrapped or loaded)");
        }
        return service;
    }

    @Override
    public void close() {
        felix.close();
    }
}
