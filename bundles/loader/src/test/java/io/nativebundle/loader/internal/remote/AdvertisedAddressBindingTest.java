package io.nativebundle.loader.internal.remote;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.Closeable;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;

import org.junit.Test;

/**
 * Aries RSA 1.16.1's real {@code TCPServer}, woven as the loader's hook weaves it, listens on the
 * address it is given; as shipped it listens on every interface.
 */
public class AdvertisedAddressBindingTest {

    @Test
    public void wovenServerListensOnTheAdvertisedLoopbackAddress() throws Exception {
        try (Closeable server = open(true, "127.0.0.1")) {
            InetAddress bound = socketOf(server).getInetAddress();
            assertTrue("bound to " + bound, bound.isLoopbackAddress());
            assertEquals("127.0.0.1", bound.getHostAddress());
        }
    }

    @Test
    public void asShippedTheServerListensOnEveryInterface() throws Exception {
        // what the weaving changes: without it, the advertised address is ignored
        try (Closeable server = open(false, "127.0.0.1")) {
            assertTrue(socketOf(server).getInetAddress().isAnyLocalAddress());
        }
    }

    @Test
    public void anAddressThatDoesNotResolveFailsTheExportNamingIt() throws Exception {
        try {
            open(true, "no-such-host.invalid").close();
            throw new AssertionError("exported on an unknown host");
        } catch (InvocationTargetException e) {
            // the provider's own wrapping of the socket's IOException
            assertTrue(String.valueOf(e.getCause()), e.getCause().getCause() instanceof UnknownHostException);
            assertTrue(e.getCause().getMessage(), e.getCause().getMessage().contains("no-such-host.invalid"));
        }
    }

    @Test
    public void aClassWithoutTheCallIsLeftAlone() throws IOException {
        assertNull(AdvertisedAddressBinding.bindToAdvertisedAddress(ProviderClasses.bytes(
                AdvertisedAddressBindingTest.class.getName())));
        assertNotNull(AdvertisedAddressBinding.bindToAdvertisedAddress(ProviderClasses.bytes(
                AdvertisedAddressBinding.SERVER_CLASS)));
    }

    private static Closeable open(boolean woven, String host) throws Exception {
        ClassLoader provider = woven ? new ProviderClasses((name, bytes) -> name.equals(
                AdvertisedAddressBinding.SERVER_CLASS) ? AdvertisedAddressBinding.bindToAdvertisedAddress(bytes) : bytes)
                : ProviderClasses.shipped();
        Class<?> type = provider.loadClass(AdvertisedAddressBinding.SERVER_CLASS);
        Constructor<?> constructor = type.getConstructor(Object.class, String.class, Integer.class, int.class);
        return (Closeable) constructor.newInstance(new Object(), host, 0, 1);
    }

    private static ServerSocket socketOf(Object server) throws ReflectiveOperationException {
        Field field = server.getClass().getDeclaredField("serverSocket");
        field.setAccessible(true);
        return (ServerSocket) field.get(server);
    }
}
