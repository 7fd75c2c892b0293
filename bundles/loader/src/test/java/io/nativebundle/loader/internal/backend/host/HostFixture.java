package io.nativebundle.loader.internal.backend.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.backend.BackendLibrary;
import io.nativebundle.loader.internal.backend.jnr.JnrBackend;

/**
 * A host runtime for unit tests, outside OSGi: the program from the class path (the build unpacks
 * it into the loader's classes), the futex helper opened by the real jnr backend, and
 * {@code libhostcalls.so} copied into a fresh generation folder per library opened.
 */
final class HostFixture implements AutoCloseable {

    static final Path LIBRARY = Path.of(System.getProperty("nativebundle.test.libhostcalls",
            "target/test-natives/libhostcalls.so")).toAbsolutePath();

    private static final AtomicLong GENERATIONS = new AtomicLong();

    final Path root;
    final Recorder events = new Recorder();
    final HostRuntime runtime;
    final HostSettings settings;

    /** Every event, in order, as text: {@code crashed ...}, {@code restarted ...}, {@code gaveUp ...}. */
    static final class Recorder implements HostEvents {
        final List<String> all = new CopyOnWriteArrayList<>();
        final List<Crash> crashes = new CopyOnWriteArrayList<>();

        @Override
        public void crashed(HostIdentity host, Crash crash) {
            crashes.add(crash);
            all.add("crashed " + crash.describe());
        }

        @Override
        public void restarted(HostIdentity host, long pid, int restarts) {
            all.add("restarted " + restarts);
        }

        @Override
        public void timedOut(HostIdentity host, String symbol, Duration timeout, long pid) {
            all.add("timedOut " + symbol);
        }

        @Override
        public void gaveUp(HostIdentity host, String message) {
            all.add("gaveUp " + message);
        }

        long count(String prefix) {
            return all.stream().filter(e -> e.startsWith(prefix)).count();
        }
    }

    HostFixture(int crashLimit) throws IOException {
        this(new HostSettings(crashLimit, Duration.ofSeconds(60), Duration.ofMillis(1), Duration.ofMillis(20), 3,
                64 * 1024, OptionalLong.empty(), Optional.empty(), Duration.ofSeconds(20), HostSettings.HOST_SPIN,
                HostSettings.CALLER_SPIN));
    }

    HostFixture(HostSettings settings) throws IOException {
        this.settings = settings;
        this.root = Files.createTempDirectory(Path.of("target"), "host-test-").toAbsolutePath();
        this.runtime = new HostRuntime(settings, events, new JnrBackend(), () -> root.resolve("program"),
                HostFixture.class.getClassLoader());
    }

    BackendLibrary open(HostPlacement placement) throws IOException, LoadRefusal {
        long generation = GENERATIONS.incrementAndGet();
        Path folder = Files.createDirectories(root.resolve("g" + generation));
        Path copy = Files.copy(LIBRARY, folder.resolve(LIBRARY.getFileName()));
        return runtime.backend(new HostIdentity("hostcalls", "1.0.0", generation, 42L, "test.hostcalls"), placement)
                .open(copy, List.of());
    }

    BackendLibrary open() throws IOException, LoadRefusal {
        return open(placement(Optional.empty(), Map.of()));
    }

    static HostPlacement placement(Optional<Duration> timeout, Map<String, Duration> symbols) {
        return new HostPlacement(timeout, symbols, OptionalLong.empty(), Optional.empty(), "a test");
    }

    @Override
    public void close() {
        runtime.close();
    }
}
