package io.nativebundle.runtime;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Chooses the Felix storage folder of this runtime inside the cache folder.
 *
 * <p>Several runtimes may be started on one cache folder (the loader's native cache below it is
 * built to be shared), but two frameworks must never share a storage folder: Felix would clean
 * and rewrite the other's bundle archives. The first runtime takes {@code <cache>/felix}, held by
 * a lock on {@code <cache>/felix.lock} for as long as the process lives; any other takes a
 * private {@code <cache>/felix-<pid>} that it deletes when it exits. Private folders of
 * runtimes that died are deleted by the next runtime that starts.
 */
final class FrameworkStorage {

    private static final String SHARED = "felix";
    private static final String PRIVATE_PREFIX = "felix-";

    /** Held until the process exits: closing it would release the lock. */
    private static FileChannel heldChannel;
    private static FileLock heldLock;

    private FrameworkStorage() {
    }

    static synchronized Path claim(Path cache) throws IOException {
        Files.createDirectories(cache);
        sweepDeadRuntimes(cache);
        if (heldLock != null && heldLock.isValid()) {
            return cache.resolve(SHARED);
        }
        FileChannel channel = FileChannel.open(cache.resolve(SHARED + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameJvm) {
            lock = null;
        }
        if (lock != null) {
            heldChannel = channel;
            heldLock = lock;
            return cache.resolve(SHARED);
        }
        channel.close();
        Path own = cache.resolve(PRIVATE_PREFIX + ProcessHandle.current().pid());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(own), "nativebundle-storage-cleanup"));
        return own;
    }

    /** Deletes {@code felix-<pid>} folders whose process is gone. */
    private static void sweepDeadRuntimes(Path cache) {
        try (Stream<Path> entries = Files.list(cache)) {
            entries.filter(p -> p.getFileName().toString().startsWith(PRIVATE_PREFIX))
                    .filter(p -> !alive(p.getFileName().toString().substring(PRIVATE_PREFIX.length())))
                    .forEach(FrameworkStorage::delete);
        } catch (IOException e) {
            // a leftover folder only costs disk space
        }
    }

    private static boolean alive(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true; // not one of ours: leave it alone
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort at exit
        }
    }
}
