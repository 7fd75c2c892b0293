package io.nativebundle.loader.internal.remote;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.aries.rsa.provider.tcp.TcpInvocationHandler;
import org.junit.After;
import org.junit.Test;
import org.osgi.framework.ServiceException;

import io.nativebundle.api.NativeLibraryUnloadedException;
import io.nativebundle.api.NativeRemoteCallException;

public class RemoteCallHandlerTest {

    /** The imported interface. */
    public interface Math {
        int add(int a, int b);
    }

    private static final String ENDPOINT = "tcp://127.0.0.1:9100";

    private final RemoteCallStats stats = new RemoteCallStats("math", "tcp://127.0.0.1:9100");

    private final ExecutorService callThreads = RemoteCallThreads.open();

    @After
    public void stopCallThreads() {
        callThreads.shutdownNow();
    }

    private Math imported(Math target) {
        return imported(target, 3000);
    }

    private Math imported(Math target, long timeoutMillis) {
        return (Math) Proxy.newProxyInstance(Math.class.getClassLoader(), new Class<?>[] {Math.class},
                new RemoteCallHandler(target, "math", ENDPOINT, timeoutMillis, stats, callThreads));
    }

    @Test
    public void anEndpointThatNeverAcceptsFailsWithinTheTimeoutInEveryThread() throws Exception {
        // a real Aries TCP proxy to a loopback port whose accept queue is full: Linux drops the SYNs,
        // so the provider's connect (which has no timeout) would wait for the kernel's retries
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                FullAcceptQueue full = FullAcceptQueue.of(silent)) {
            Math aries = (Math) Proxy.newProxyInstance(Math.class.getClassLoader(), new Class<?>[] {Math.class},
                    new TcpInvocationHandler(Math.class.getClassLoader(), "127.0.0.1", silent.getLocalPort(), 1000));
            Math math = imported(aries, 1000);
            ExecutorService callers = Executors.newFixedThreadPool(4);
            try {
                List<Future<Long>> calls = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    calls.add(callers.submit(() -> {
                        long start = System.nanoTime();
                        NativeRemoteCallException e = assertThrows(NativeRemoteCallException.class,
                                () -> math.add(2, 3));
                        assertTrue(e.getMessage(), e.getMessage().startsWith("call add of library 'math' at "
                                + ENDPOINT + " failed: no answer within the import's timeout of 1000 ms: the"
                                + " endpoint did not accept the connection"));
                        assertTrue(String.valueOf(e.getCause()), e.getCause() instanceof TimeoutException);
                        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    }));
                }
                for (Future<Long> call : calls) {
                    long millis = call.get();
                    assertTrue("failed after " + millis + " ms", millis >= 1000 && millis < 3000);
                }
            } finally {
                callers.shutdownNow();
            }
        }
        assertEquals(4, stats.failed());
    }

    /** Connections to a server that never accepts, until its accept queue is full. */
    private static final class FullAcceptQueue implements AutoCloseable {
        private final List<Socket> queued = new ArrayList<>();

        static FullAcceptQueue of(ServerSocket server) throws IOException {
            FullAcceptQueue full = new FullAcceptQueue();
            InetSocketAddress address = new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
            for (int i = 0; i < 64; i++) {
                Socket socket = new Socket();
                try {
                    socket.connect(address, 200);
                    full.queued.add(socket);
                } catch (SocketTimeoutException dropped) {
                    socket.close();
                    return full;
                }
            }
            full.close();
            throw new AssertionError("the accept queue of " + address + " never filled (not Linux?)");
        }

        @Override
        public void close() throws IOException {
            for (Socket socket : queued) {
                socket.close();
            }
        }
    }

    @Test
    public void aRefusedConnectionIsNamedWithLibraryMethodEndpointAndCause() {
        ConnectException refused = new ConnectException("Connection refused");
        Math math = imported((a, b) -> {
            // what Aries RSA's TCP provider throws when nobody listens
            throw new ServiceException("Error calling 127.0.0.1:9100 method: add", ServiceException.REMOTE,
                    new RuntimeException(refused.getMessage(), refused));
        });
        NativeRemoteCallException e = assertThrows(NativeRemoteCallException.class, () -> math.add(2, 3));
        assertEquals("math", e.library());
        assertEquals("add", e.method());
        assertEquals(ENDPOINT, e.endpoint());
        assertSame(refused, e.getCause());
        assertEquals("call add of library 'math' at tcp://127.0.0.1:9100 failed: nothing answers there: the library"
                + " was stopped or updated, or its framework ended (java.net.ConnectException: Connection refused)",
                e.getMessage());
    }

    @Test
    public void aTimeoutSaysHowLongItWaited() {
        Math math = imported((a, b) -> {
            throw new ServiceException("Timeout calling 127.0.0.1:9100 method: add", ServiceException.REMOTE,
                    new SocketTimeoutException("Read timed out"));
        });
        assertTrue(assertThrows(NativeRemoteCallException.class, () -> math.add(2, 3)).getMessage()
                .contains("no answer within the import's timeout of 3000 ms"));
    }

    @Test
    public void whatTheLibraryThrewOnTheOtherSideReachesTheCallerAsItself() {
        NativeLibraryUnloadedException unloaded = new NativeLibraryUnloadedException("math", 7);
        Math math = imported((a, b) -> {
            throw unloaded;
        });
        assertSame(unloaded, assertThrows(NativeLibraryUnloadedException.class, () -> math.add(2, 3)));
        ServiceException other = new ServiceException("not remote", ServiceException.UNREGISTERED);
        Math unregistered = imported((a, b) -> {
            throw other;
        });
        assertSame(other, assertThrows(ServiceException.class, () -> unregistered.add(2, 3)));
        assertEquals(2, stats.failed());
    }

    @Test
    public void callsFromManyThreadsAreAllCountedWithTheirLatency() throws Exception {
        Math math = imported((a, b) -> a + b);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int n = t;
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 1000; i++) {
                        assertEquals(n + i, math.add(n, i));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(4000, stats.calls());
        assertEquals(0, stats.failed());
        assertEquals(4000, stats.latency().snapshot().count());
        assertEquals("imported library 'math' at tcp://127.0.0.1:9100", math.toString());
    }
}
