package io.nativebundle.shell.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import com.sun.net.httpserver.HttpServer;

public class JarSourceTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void acceptsFileUrlsAbsoluteAndRelativePaths() throws Exception {
        Path dir = folder.getRoot().toPath();
        Path jar = Files.write(dir.resolve("math.jar"), new byte[] {1});
        try (JarSource s = JarSource.open(jar.toUri().toString(), Path.of("/"))) {
            assertEquals(jar, s.path());
        }
        try (JarSource s = JarSource.open("file:" + jar, Path.of("/"))) {
            assertEquals(jar, s.path());
        }
        try (JarSource s = JarSource.open("math.jar", dir)) {
            assertEquals(jar, s.path());
        }
        try (JarSource s = JarSource.open("file:math.jar", dir)) {
            assertEquals(jar, s.path());
        }
        try (JarSource s = JarSource.open(jar.toString(), Path.of("/elsewhere"))) {
            assertEquals(jar, s.path());
        }
        assertTrue("a local file is never deleted", Files.exists(jar));
    }

    @Test
    public void aMissingFileIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JarSource.open("nosuch.jar", folder.getRoot().toPath()));
        assertEquals("no such file: " + folder.getRoot().toPath().resolve("nosuch.jar"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> JarSource.open("file:/nosuch/x.jar", Path.of("/")));
        assertEquals("no such file: /nosuch/x.jar (from file:/nosuch/x.jar)", e.getMessage());
    }

    @Test
    public void otherUrlsAreDownloadedToATemporaryFileThatCloseDeletes() throws Exception {
        byte[] content = {'P', 'K', 3, 4};
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/math.jar", exchange -> {
            exchange.sendResponseHeaders(200, content.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(content);
            }
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Path downloaded;
            try (JarSource s = JarSource.open(base + "/math.jar", Path.of("/"))) {
                downloaded = s.path();
                assertArrayEquals(content, Files.readAllBytes(downloaded));
            }
            assertFalse(Files.exists(downloaded));
            IOException e = assertThrows(IOException.class, () -> JarSource.open(base + "/nosuch.jar", Path.of("/")));
            assertTrue(e.getMessage(), e.getMessage().startsWith("cannot download " + base + "/nosuch.jar: "));
        } finally {
            server.stop(0);
        }
    }
}
