package io.nativebundle.loader.internal.remote;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.Closeable;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.Test;

/**
 * Aries RSA 1.16.1's real TCP provider classes, woven as the loader's {@link TcpNoDelay} hook
 * weaves them: the caller's socket has {@code TCP_NODELAY} (as shipped it has not), the server's
 * accept is followed by the same call, and calls still go through both, from four threads at once.
 */
public class TcpNoDelayTest {

    /** The service a test exports through the provider: its interface is what the proxy implements. */
    public interface Adder {
        int add(int a, int b);
    }

    /** A public class: the provider calls the service's method reflectively. */
    public static final class Sum implements Adder {
        @Override
        public int add(int a, int b) {
            return a + b;
        }
    }

    private static ProviderClasses woven() {
        return new ProviderClasses((name, bytes) -> {
            byte[] b = name.equals(AdvertisedAddressBinding.SERVER_CLASS)
                    ? AdvertisedAddressBinding.bindToAdvertisedAddress(bytes) : bytes;
            byte[] noDelay = TcpNoDelay.noDelay(name, b);
            return noDelay == null ? b : noDelay;
        });
    }

    @Test
    public void theCallersSocketHasNoDelayWovenAndNotAsShipped() throws Exception {
        try (ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            try (Socket socket = connect(woven(), listening.getLocalPort())) {
                assertTrue(socket.getTcpNoDelay());
            }
            try (Socket socket = connect(ProviderClasses.shipped(), listening.getLocalPort())) {
                assertFalse("what the weaving changes", socket.getTcpNoDelay());
            }
        }
    }

    @Test
    public void callsGoThroughTheWovenServerAndCallerFromFourThreads() throws Exception {
        ProviderClasses provider = woven();
        Class<?> server = provider.loadClass(AdvertisedAddressBinding.SERVER_CLASS);
        Adder service = new Sum();
        try (Closeable tcp = (Closeable) server.getConstructor(Object.class, String.class, Integer.class, int.class)
                .newInstance(service, "127.0.0.1", 0, 4)) {
            Method port = server.getDeclaredMethod("getPort");
            port.setAccessible(true);
            Adder remote = proxy(provider, (Integer) port.invoke(tcp));
            ExecutorService threads = Executors.newFixedThreadPool(4);
            try {
                List<Future<Boolean>> done = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int base = t * 100;
                    done.add(threads.submit(() -> {
                        for (int i = 0; i < 25; i++) {
                            if (remote.add(base, i) != base + i) {
                                return false;
                            }
                        }
                        return true;
                    }));
                }
                for (Future<Boolean> f : done) {
                    assertEquals(true, f.get());
                }
            } finally {
                threads.shutdownNow();
            }
        }
    }

    @Test
    public void onlyTheProvidersTwoCallsAreWoven() throws Exception {
        assertNotNull(TcpNoDelay.noDelay(TcpNoDelay.CLIENT_CLASS, ProviderClasses.bytes(TcpNoDelay.CLIENT_CLASS)));
        assertNotNull(TcpNoDelay.noDelay(AdvertisedAddressBinding.SERVER_CLASS,
                ProviderClasses.bytes(AdvertisedAddressBinding.SERVER_CLASS)));
        // a class of the provider without the call, and a class that is not the provider's
        assertNull(TcpNoDelay.noDelay(AdvertisedAddressBinding.SERVER_CLASS,
                ProviderClasses.bytes("org.apache.aries.rsa.provider.tcp.TcpEndpoint")));
        assertNull(TcpNoDelay.noDelay(TcpNoDelayTest.class.getName(), ProviderClasses.bytes(
                TcpNoDelayTest.class.getName())));
    }

    /** The provider's connecting action, run as the provider runs it for each call. */
    private static Socket connect(ProviderClasses provider, int port) throws Exception {
        Object handler = handler(provider, port);
        Class<?> action = provider.loadClass(TcpNoDelay.CLIENT_CLASS);
        Constructor<?> constructor = action.getDeclaredConstructors()[0];
        constructor.setAccessible(true);
        Method run = action.getMethod("run");
        run.setAccessible(true);
        return (Socket) run.invoke(constructor.newInstance(handler));
    }

    private static Adder proxy(ProviderClasses provider, int port) throws Exception {
        return (Adder) Proxy.newProxyInstance(Adder.class.getClassLoader(), new Class<?>[] {Adder.class},
                (InvocationHandler) handler(provider, port));
    }

    private static Object handler(ProviderClasses provider, int port) throws Exception {
        Class<?> type = provider.loadClass("org.apache.aries.rsa.provider.tcp.TcpInvocationHandler");
        return type.getConstructor(ClassLoader.class, String.class, int.class, int.class)
                .newInstance(Adder.class.getClassLoader(), "127.0.0.1", port, 5000);
    }
}
