package io.nativebundle.benchmarks.calls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import io.nativebundle.benchmarks.osgi.ExportingFramework;
import io.nativebundle.benchmarks.osgi.MathInFramework;

/**
 * The typed {@code MathLib} service imported through OSGi Remote Services (issue 20): framework A,
 * a child JVM started in the setup and ended by its pid in the teardown, exports math on a loopback
 * port; framework B, the JMH fork, imports it, and the consumer bundle calls {@code add} through
 * the loader's import (Aries RSA's TCP provider: a connection per call, Java serialization). Next
 * to it, the same typed service in process. Latency of one caller (sampled: p50, p99) and
 * throughput of one and of two callers.
 */
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RemoteBench {

    @State(Scope.Benchmark)
    public static class Remote extends FrameworkCalls {
        private ExportingFramework exporter;

        @Setup
        public void setUp() throws Exception {
            int port = freeLoopbackPort();
            exporter = ExportingFramework.start(port);
            try {
                framework = MathInFramework.importing(port);
                Object calls = framework.importedService();
                use("typed service, imported from another JVM", calls, calls, calls);
            } catch (Exception | Error e) {
                tearDown();
                throw e;
            }
        }

        private static int freeLoopbackPort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            }
        }

        @TearDown
        public void tearDown() {
            close();
            if (exporter != null) {
                exporter.close();
                exporter = null;
            }
        }
    }

    @State(Scope.Benchmark)
    public static class InProcess extends FrameworkCalls {
        @Setup
        public void setUp() throws Exception {
            framework = MathInFramework.start(false);
            Object calls = framework.typedService();
            use("typed service, in process", calls, calls, calls);
        }

        @TearDown
        public void tearDown() {
            close();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public int remote_add_latency(Remote s, CallArgs args) {
        return s.add.applyAsInt(args.a, args.b);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(1)
    public int remote_add_throughput_1caller(Remote s, CallArgs args) {
        return s.add.applyAsInt(args.a, args.b);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(2)
    public int remote_add_throughput_2callers(Remote s, CallArgs args) {
        return s.add.applyAsInt(args.a, args.b);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public int inprocess_add_latency(InProcess s, CallArgs args) {
        return s.add.applyAsInt(args.a, args.b);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(1)
    public int inprocess_add_throughput_1caller(InProcess s, CallArgs args) {
        return s.add.applyAsInt(args.a, args.b);
    }
}
