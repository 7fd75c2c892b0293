package io.nativebundle.benchmarks.calls;

import java.lang.invoke.MethodHandle;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What an FFM arena costs to open and close (Java 22+): the FFM backend gives every library
 * generation a shared arena, closed once per unload, and every call with a string a confined one.
 * A shared arena's close waits for a handshake with every thread, so it costs far more.
 * Not part of the call tables: run it by name
 * ({@code java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main ArenaCloseBench}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ArenaCloseBench {

    private static final class Arenas {
        static final MethodHandle SHARED = FfmHandles.newArena(true);
        static final MethodHandle CONFINED = FfmHandles.newArena(false);
    }

    @Benchmark
    public void shared_openClose(Blackhole escape) throws Throwable {
        try (AutoCloseable arena = (AutoCloseable) Arenas.SHARED.invokeExact()) {
            // escapes, so C2 cannot optimize the arena away; the close is what costs
            escape.consume(arena);
        }
    }

    @Benchmark
    public void confined_openClose(Blackhole escape) throws Throwable {
        try (AutoCloseable arena = (AutoCloseable) Arenas.CONFINED.invokeExact()) {
            escape.consume(arena);
        }
    }
}
