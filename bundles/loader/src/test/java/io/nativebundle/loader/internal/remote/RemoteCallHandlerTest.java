package io.nativebundle.loader.internal.remote;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

    private final RemoteCallStats stats = new RemoteCallStats("tcp://127.0.0.1:9100");

    private Math imported(Math target) {
        return (Math) Proxy.newProxyInstance(Math.class.getClassLoader(), new Class<?>[] {Math.class},
                new RemoteCallHandler(target, "math", ENDPOINT, 3000, stats));
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
