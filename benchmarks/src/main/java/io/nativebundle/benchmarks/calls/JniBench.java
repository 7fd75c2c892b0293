package io.nativebundle.benchmarks.calls;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.nativebundle.benchmarks.UnavailableException;

/** The baseline: hand-written JNI calling the same C functions. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class JniBench {

    @State(Scope.Benchmark)
    public static class Jni {
        @Setup
        public void setUp() throws UnavailableException {
            JniMath.load();
            CallArgs.verify("JNI", JniMath::add, JniMath::noop, JniMath::length);
        }
    }

    @Benchmark
    public int add(Jni jni, CallArgs args) {
        return JniMath.add(args.a, args.b);
    }

    @Benchmark
    public void noop(Jni jni) {
        JniMath.noop();
    }

    @Benchmark
    public int length(Jni jni, CallArgs args) {
        return JniMath.length(args.text);
    }
}
