package io.nativebundle.loader.internal.remote;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.io.Closeable;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.After;
import org.junit.Test;

import io.nativebundle.api.NativeLibraryUnloadedException;
import io.nativebundle.loader.internal.call.GuardFactory;
import io.nativebundle.loader.internal.open.LibraryGeneration;

/**
 * A {@link NativeLibraryUnloadedException} thrown in the exporting framework reaches the caller in
 * the importing one as itself, through Aries RSA 1.16.1's real TCP provider (its {@code TCPServer}
 * serving a loader guard, its {@code TcpInvocationHandler} calling it over loopback) and the
 * loader's {@link RemoteCallHandler}: A's exported service object outlives its generation, as a
 * call that meets an unloading library does. In two frameworks that call cannot be made to happen
 * on purpose (A unregisters the service, and Aries closes its socket, before the guard is cut), so
 * the two sides are this JVM's, with everything between them real.
 */
public class UnloadedOverTheWireTest {

    /** The exported interface. */
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

    private static final String SERVER = AdvertisedAddressBinding.SERVER_CLASS;

    private final ExecutorService callThreads = RemoteCallThreads.open();
    private final RemoteCallStats stats = new RemoteCallStats("math", "tcp://127.0.0.1");

    @After
    public void stopCallThreads() {
        callThreads.shutdownNow();
    }

    @Test
    public void aCallMeetingAnUnloadedGenerationInAThrowsItInBFromFourThreads() throws Exception {
        LibraryGeneration generation = new LibraryGeneration("math", 7);
        Adder exported = GuardFactory.of(Adder.class).guard(generation, new Sum(), null);
        ProviderClasses provider = ProviderClasses.shipped();
        Class<?> server = provider.loadClass(SERVER);
        try (Closeable tcp = (Closeable) server.getConstructor(Object.class, String.class, Integer.class, int.class)
                .newInstance(exported, "127.0.0.1", 0, 4)) {
            Method port = server.getDeclaredMethod("getPort");
            port.setAccessible(true);
            Adder imported = imported(provider, (Integer) port.invoke(tcp));
            assertEquals(5, imported.add(2, 3));

            generation.beginUnload("bundle stopping");

            ExecutorService threads = Executors.newFixedThreadPool(4);
            try {
                List<Future<NativeLibraryUnloadedException>> thrown = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    thrown.add(threads.submit(() -> assertThrows(NativeLibraryUnloadedException.class,
                            () -> imported.add(2, 3))));
                }
                for (Future<NativeLibraryUnloadedException> f : thrown) {
                    NativeLibraryUnloadedException e = f.get();
                    assertEquals("math", e.library());
                    assertEquals(7, e.generation());
                    assertEquals(generation.unloaded().getMessage(), e.getMessage());
                }
            } finally {
                threads.shutdownNow();
            }
        }
        assertEquals(5, stats.calls());
        assertEquals("the library's own exception is a failed call, not a lost one", 4, stats.failed());
    }

    /** B's side: the provider's proxy behind the loader's handler, as {@code ImportedServiceFactory} wires them. */
    private Adder imported(ProviderClasses provider, int port) throws Exception {
        Class<?> type = provider.loadClass("org.apache.aries.rsa.provider.tcp.TcpInvocationHandler");
        Adder raw = (Adder) Proxy.newProxyInstance(Adder.class.getClassLoader(), new Class<?>[] {Adder.class},
                (InvocationHandler) type.getConstructor(ClassLoader.class, String.class, int.class, int.class)
                        .newInstance(Adder.class.getClassLoader(), "127.0.0.1", port, 5000));
        return (Adder) Proxy.newProxyInstance(Adder.class.getClassLoader(), new Class<?>[] {Adder.class},
                new RemoteCallHandler(raw, "math", "tcp://127.0.0.1:" + port, 5000, stats, callThreads));
    }
}
