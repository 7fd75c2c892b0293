package io.nativebundle.loader.internal.stage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The file locks of the {@link NativeCache}, across processes and across the frameworks of one
 * JVM.
 *
 * <p>POSIX file locks belong to the process, and closing any channel on a file drops all of the
 * process's locks on it. So a framework must never open a lock file that another framework of
 * the same JVM holds: this class keeps a JVM-wide registry of the lock files held here, in the
 * system properties, the one map every framework's class loader shares.
 */
final class CacheLocks {

    static final String ROOT_LOCK = "cache.lock";
    /** How long to wait for another framework of this JVM that holds the root lock. */
    private static final long IN_PROCESS_LOCK_WAIT_MS = 10_000;
    private static final String PREFIX = "io.nativebundle.cache.held:";

    private CacheLocks() {
    }

    /**
     * Takes {@code <root>/cache.lock}: first the JVM-wide mutex, then the file lock, which waits
     * for other processes.
     */
    static RootLock root(Path root) throws IOException {
        Path file = root.resolve(ROOT_LOCK);
        long deadline = System.currentTimeMillis() + IN_PROCESS_LOCK_WAIT_MS;
        while (!tryHold(file)) {
            if (System.currentTimeMillis() > deadline) {
                throw new IOException("another framework in this JVM holds " + file + " for more than "
                        + IN_PROCESS_LOCK_WAIT_MS + " ms");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + file, e);
            }
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new RootLock(file, channel, channel.lock());
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            release(file);
            throw e;
        }
    }

    /** Claims {@code file} for this JVM; false when a framework of this JVM already holds it. */
    static boolean tryHold(Path file) {
        return System.getProperties().putIfAbsent(PREFIX + file, "held") == null;
    }

    static void hold(Path file) {
        System.getProperties().put(PREFIX + file, "held");
    }

    /** Whether a framework of this JVM holds {@code file}. */
    static boolean held(Path file) {
        return System.getProperties().containsKey(PREFIX + file);
    }

    static void release(Path file) {
        System.getProperties().remove(PREFIX + file);
    }

    /** The held root lock. */
    static final class RootLock implements AutoCloseable {
        private final Path file;
        private final FileChannel channel;
        private final FileLock lock;

        private RootLock(Path file, FileChannel channel, FileLock lock) {
            this.file = file;
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() throws IOException {
            try {
                lock.release();
                channel.close();
            } finally {
                CacheLocks.release(file);
            }
        }
    }
}
