package io.nativebundle.loader.internal.stage;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.Bundle;

import io.nativebundle.api.RefusalReason;
import io.nativebundle.loader.internal.LoadRefusal;

/** Runtimes sharing one cache root keep each other's files and sweep the leftovers of dead ones. */
public class NativeCacheTest {

    private Path root;

    @Before
    public void newRoot() throws IOException {
        root = Files.createDirectories(Path.of("target", "cache-tests", UUID.randomUUID().toString()).toAbsolutePath());
    }

    @Test
    public void twoRuntimesOnOneRootKeepEachOthersFiles() throws Exception {
        NativeCache a = NativeCache.open(root);
        NativeCache b = NativeCache.open(root);
        Path fileA = Files.writeString(a.createFolder(1, 1).resolve("libmath.so"), "a");
        Path fileB = Files.writeString(b.createFolder(1, 1).resolve("libmath.so"), "b");
        assertNotEquals(a.runtimeFolder(), b.runtimeFolder());
        assertTrue(a.runtimeFolder().getFileName().toString().startsWith("rt-" + ProcessHandle.current().pid() + "-"));

        NativeCache c = NativeCache.open(root);
        assertEquals("a joining runtime sweeps nothing alive", "a", Files.readString(fileA));
        assertEquals("b", Files.readString(fileB));
        assertEquals("the sweeps of b and c did not drop a's lock for other processes", "busy",
                tryLock(root.resolve(a.runtimeFolder().getFileName() + ".lock")));

        a.close();
        assertFalse(Files.exists(a.runtimeFolder()));
        assertFalse(Files.exists(root.resolve(a.runtimeFolder().getFileName() + ".lock")));
        assertEquals("b", Files.readString(fileB));
        b.close();
        c.close();
        assertEquals(List.of("cache.lock"), names(root));
    }

    @Test
    public void leftoversOfRuntimesThatDiedAreSwept() throws Exception {
        Path dead = root.resolve("rt-1-dead");
        Files.createDirectories(dead.resolve("bundle1").resolve("g1"));
        Files.writeString(dead.resolve("bundle1").resolve("g1").resolve("libmath.so"), "x");
        Files.writeString(root.resolve("rt-1-dead.lock"), "");
        Files.createDirectories(root.resolve("rt-2-nolock").resolve("bundle3"));
        Files.writeString(root.resolve("rt-3-leftlock.lock"), "");
        Files.writeString(root.resolve("unrelated.txt"), "not ours");

        NativeCache cache = NativeCache.open(root);

        List<String> left = names(root);
        assertEquals(List.of("cache.lock", cache.runtimeFolder().getFileName().toString(),
                cache.runtimeFolder().getFileName() + ".lock", "unrelated.txt"), left);
        cache.close();
    }

    @Test
    public void aRuntimeInAnotherProcessIsKeptUntilItDies() throws Exception {
        Path other = root.resolve("rt-77-other");
        Path library = Files.createDirectories(other.resolve("bundle1").resolve("g1")).resolve("libmath.so");
        Files.writeString(library, "other");
        Process holder = holdLock(root.resolve("rt-77-other.lock"));
        try {
            NativeCache.open(root).close();
            assertEquals("the other process's files survive a sweep", "other", Files.readString(library));
        } finally {
            holder.destroyForcibly();
            holder.waitFor(10, TimeUnit.SECONDS);
        }
        NativeCache.open(root).close();
        assertFalse("swept once its process died", Files.exists(other));
        assertEquals(List.of("cache.lock"), names(root));
    }

    @Test
    public void copyWritesTheEntryAndDeleteRemovesTheGenerationFolder() throws Exception {
        Path source = Files.writeString(root.resolve("source.so"), "ELF...");
        Bundle bundle = bundle("native/linux/x86-64/libmath.so", source);
        NativeCache cache = NativeCache.open(root);
        Path folder = cache.createFolder(5, 12);
        assertEquals(cache.runtimeFolder().resolve("bundle5").resolve("g12"), folder);

        Path copied = cache.copy(bundle, "native/linux/x86-64/libmath.so", folder);
        assertEquals(folder.resolve("libmath.so"), copied);
        assertEquals("ELF...", Files.readString(copied));
        assertEquals("no temporary file is left", List.of("libmath.so"), names(folder));
        LoadRefusal missing = assertThrows(LoadRefusal.class, () -> cache.copy(bundle, "native/missing.so", folder));
        assertEquals(RefusalReason.NO_NATIVE_CODE, missing.reason());

        cache.delete(folder);
        assertFalse(Files.exists(folder));
        assertFalse("the empty bundle folder goes too", Files.exists(folder.getParent()));
        cache.delete(root.resolve("elsewhere"));
        assertTrue("never deletes outside its runtime folder", Files.exists(source));
        cache.close();
    }

    /** What another process gets when it tries the lock: {@code busy} or {@code locked}. */
    private static String tryLock(Path lockFile) throws Exception {
        Process process = lockHolder(lockFile, "try");
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String answer = out.readLine();
        process.waitFor(10, TimeUnit.SECONDS);
        return answer;
    }

    private static Process lockHolder(Path lockFile, String... mode) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classes = Path.of(LockHolder.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", classes, LockHolder.class.getName(),
                lockFile.toString()));
        command.addAll(List.of(mode));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static Process holdLock(Path lockFile) throws Exception {
        Process process = lockHolder(lockFile);
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("locked", out.readLine());
        return process;
    }

    private static Bundle bundle(String entry, Path file) {
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getEntry")) {
                        return args[0].equals(entry) ? file.toUri().toURL() : null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
