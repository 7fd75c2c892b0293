package io.nativebundle.benchmarks.calls;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * The baseline: {@code add(a, b)} as a request and answer over a Unix-domain socket, the transport
 * of a socket-RPC plugin system (go-plugin's net/rpc and gRPC run over one), without any RPC
 * framing on top. The server is a thread of this JVM per connection, blocking on the socket as a
 * plugin process would; a round trip wakes it and wakes the caller, as between two processes.
 */
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SocketBench {

    /** The listening socket and its accepting thread. */
    @State(Scope.Benchmark)
    public static class Server {
        Path folder;
        UnixDomainSocketAddress address;
        ServerSocketChannel listener;

        @Setup
        public void setUp() throws IOException {
            folder = Files.createTempDirectory("nb-uds-");
            address = UnixDomainSocketAddress.of(folder.resolve("add.sock"));
            listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(address);
            Thread accept = new Thread(this::accept, "uds-accept");
            accept.setDaemon(true);
            accept.start();
        }

        private void accept() {
            try {
                while (true) {
                    SocketChannel connection = listener.accept();
                    Thread serve = new Thread(() -> serve(connection), "uds-serve");
                    serve.setDaemon(true);
                    serve.start();
                }
            } catch (IOException closed) {
                // the benchmark is over
            }
        }

        /** Reads two ints, answers their sum. */
        private static void serve(SocketChannel connection) {
            ByteBuffer in = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder());
            ByteBuffer out = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
            try (connection) {
                while (true) {
                    in.clear();
                    while (in.hasRemaining()) {
                        if (connection.read(in) < 0) {
                            return;
                        }
                    }
                    out.clear();
                    out.putInt(0, in.getInt(0) + in.getInt(4));
                    while (out.hasRemaining()) {
                        connection.write(out);
                    }
                }
            } catch (IOException e) {
                // the client went away
            }
        }

        @TearDown
        public void tearDown() throws IOException {
            listener.close();
            Files.deleteIfExists(address.getPath());
            Files.deleteIfExists(folder);
        }
    }

    /** One connection per calling thread. */
    @State(Scope.Thread)
    public static class Client {
        SocketChannel channel;
        final ByteBuffer request = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder());
        final ByteBuffer answer = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());

        @Setup
        public void setUp(Server server) throws IOException {
            channel = SocketChannel.open(server.address);
            if (add(2, 3) != 5) {
                throw new IllegalStateException("the socket server does not add");
            }
        }

        int add(int a, int b) throws IOException {
            request.clear();
            request.putInt(0, a).putInt(4, b);
            while (request.hasRemaining()) {
                channel.write(request);
            }
            answer.clear();
            while (answer.hasRemaining()) {
                if (channel.read(answer) < 0) {
                    throw new IOException("the socket server closed the connection");
                }
            }
            return answer.getInt(0);
        }

        @TearDown
        public void tearDown() throws IOException {
            channel.close();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public int add_latency(Client client, CallArgs args) throws IOException {
        return client.add(args.a, args.b);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(1)
    public int add_throughput_1caller(Client client, CallArgs args) throws IOException {
        return client.add(args.a, args.b);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(2)
    public int add_throughput_2callers(Client client, CallArgs args) throws IOException {
        return client.add(args.a, args.b);
    }
}
