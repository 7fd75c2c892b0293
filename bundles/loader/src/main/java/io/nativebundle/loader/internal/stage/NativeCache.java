package io.nativebundle.loader.internal.stage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URL;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;

import io.nativebundle.api.RefusalReason;
import io.nativebundle.loader.internal.LoadRefusal;

/**
 * The loader's own cache of native files: one folder per loaded generation of a bundle, so that
 * an update never reopens a path the dynamic linker already knows (jffi caches handles by path).
 * Files are written to a temporary name and renamed atomically, so a half-written library is
 * never opened, not even by a second runtime sharing the cache.
 *
 * <p>Layout, for runtimes (frameworks, possibly in several processes) sharing one root:
 * <pre>
 * &lt;root&gt;/cache.lock                       held briefly while a runtime joins or sweeps
 * &lt;root&gt;/rt-&lt;pid&gt;-&lt;random&gt;.lock             held by its runtime for as long as the loader runs
 * &lt;root&gt;/rt-&lt;pid&gt;-&lt;random&gt;/bundle&lt;id&gt;/g&lt;generation&gt;/libmath.so
 * </pre>
 * Each runtime writes only below its own folder. A runtime's lock file is created and locked
 * before its folder, under the root lock, so when a joining runtime sweeps, a folder whose lock
 * it can take (or that has none) belongs to a runtime that died: it is deleted.
 */
public final class NativeCache implements AutoCloseable {

    private static final Logger LOG = System.getLogger("io.nativebundle.loader");
    private static final String RUNTIME_PREFIX = "rt-";
    private static final String LOCK_SUFFIX = ".lock";

    private final Path root;
    private final Path runtime;
    private final FileChannel runtimeChannel;
    private final FileLock runtimeLock;

    private NativeCache(Path root, Path runtime, FileChannel runtimeChannel, FileLock runtimeLock) {
        this.root = root;
        this.runtime = runtime;
        this.runtimeChannel = runtimeChannel;
        this.runtimeLock = runtimeLock;
    }

    /**
     * Joins the cache at {@code root}: creates this runtime's locked folder and deletes the
     * folders of runtimes that are gone.
     *
     * @throws IOException naming the folder when it cannot be created or locked
     */
    public static NativeCache open(Path root) throws IOException {
        Path dir = root.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        String name = RUNTIME_PREFIX + ProcessHandle.current().pid() + "-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try (CacheLocks.RootLock ignored = CacheLocks.root(dir)) {
            Path lockFile = dir.resolve(name + LOCK_SUFFIX);
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
                if (lock == null) {
                    throw new IOException("could not lock the new file " + lockFile);
                }
                CacheLocks.hold(lockFile);
                Files.createDirectories(dir.resolve(name));
            } catch (IOException | RuntimeException e) {
                CacheLocks.release(lockFile);
                channel.close();
                Files.deleteIfExists(lockFile);
                throw e;
            }
            NativeCache cache = new NativeCache(dir, dir.resolve(name), channel, lock);
            List<Path> swept = cache.sweepStale();
            if (!swept.isEmpty()) {
                LOG.log(Level.INFO, "nativebundle: removed native cache folders of runtimes that are gone: " + swept);
            }
            return cache;
        }
    }

    public Path root() {
        return root;
    }

    /** This runtime's folder. */
    Path runtimeFolder() {
        return runtime;
    }

    /**
     * The folder the native host program is copied to, {@code <runtime>/host}: this runtime's own,
     * so it goes with the runtime's folder.
     */
    public Path hostFolder() {
        return runtime.resolve("host");
    }

    /** Creates the folder of one generation: {@code <runtime>/bundle<id>/g<generation>}. */
    public Path createFolder(long bundleId, long generation) throws IOException {
        Path folder = runtime.resolve("bundle" + bundleId).resolve("g" + generation);
        Files.createDirectories(folder);
        return folder;
    }

    /**
     * Copies one jar entry into {@code folder}, keeping its file name so that same-bundle
     * dependencies are found next to it by soname.
     */
    public Path copy(Bundle bundle, String entry, Path folder) throws LoadRefusal, IOException {
        URL url = bundle.getEntry(entry);
        if (url == null) {
            throw new LoadRefusal(RefusalReason.NO_NATIVE_CODE, "entry '" + entry
                    + "' named by Bundle-NativeCode is missing from the bundle");
        }
        String fileName = entry.substring(entry.lastIndexOf('/') + 1);
        Path target = folder.resolve(fileName).normalize();
        if (fileName.isEmpty() || !target.getParent().equals(folder)) {
            throw new LoadRefusal(RefusalReason.UNSAFE_PATH, "entry '" + entry + "' does not name a file");
        }
        Path part = Files.createTempFile(folder, "." + fileName + ".", ".part");
        try {
            try (InputStream in = url.openStream();
                 FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream out = Channels.newOutputStream(channel)) {
                // No fsync: the rename already keeps a half-written file from ever being seen,
                // and a file torn by a power loss fails the digest check made right before it
                // is opened. The sync cost 10-26 ms per library in the install benchmark.
                in.transferTo(out);
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
        return target;
    }

    /**
     * Makes a link to a host library in {@code folder}, named as the file, for one generation to
     * open. Why not open the host path itself: jffi caches one {@code Library} (one dlopen
     * reference) per path string, so every generation of every bundle naming that file would
     * share it and each would dlclose it once, dropping references it never took. Through its own
     * path each generation takes and gives back exactly one reference; the dynamic linker still
     * maps the file once, as it tells files apart by device and inode. Deleting the folder deletes
     * the link, never the host file.
     */
    public Path link(Path hostFile, Path folder) throws IOException {
        return Files.createSymbolicLink(folder.resolve(hostFile.getFileName()), hostFile);
    }

    /** Deletes a generation's folder; the loader calls it once the library is closed. */
    public void delete(Path folder) {
        if (folder == null || !folder.startsWith(runtime) || folder.equals(runtime)) {
            return;
        }
        deleteTree(folder);
        Path bundleFolder = folder.getParent();
        if (bundleFolder != null && !bundleFolder.equals(runtime)) {
            bundleFolder.toFile().delete(); // only succeeds when empty
        }
    }

    /**
     * Deletes the folders of runtimes that are gone: their lock file is missing or can be
     * locked. Runs under the root lock.
     *
     * @return the folders deleted
     */
    private List<Path> sweepStale() throws IOException {
        List<Path> swept = new ArrayList<>();
        List<Path> entries;
        try (Stream<Path> list = Files.list(root)) {
            entries = list.toList();
        }
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (!name.startsWith(RUNTIME_PREFIX) || name.endsWith(LOCK_SUFFIX) || entry.equals(runtime)
                    || !Files.isDirectory(entry)) {
                continue;
            }
            Path lockFile = root.resolve(name + LOCK_SUFFIX);
            if (deleteIfStale(entry, lockFile)) {
                swept.add(entry);
            }
        }
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (name.startsWith(RUNTIME_PREFIX) && name.endsWith(LOCK_SUFFIX) && !entry.equals(lockFileOf(runtime))
                    && !Files.exists(root.resolve(name.substring(0, name.length() - LOCK_SUFFIX.length())))) {
                deleteIfStale(null, entry); // a lock left by a runtime that died while leaving
            }
        }
        return swept;
    }

    private static boolean deleteIfStale(Path folder, Path lockFile) {
        if (!Files.exists(lockFile)) {
            // lock files are created before their folder, under the root lock: this one's runtime is gone
            if (folder != null) {
                deleteTree(folder);
            }
            return true;
        }
        if (CacheLocks.held(lockFile)) {
            // another framework of this JVM: opening a second channel and closing it would drop its lock
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false; // another process holds it: that runtime is alive
            }
            try {
                if (folder != null) {
                    deleteTree(folder);
                }
                Files.deleteIfExists(lockFile);
            } finally {
                lock.release();
            }
            return true;
        } catch (OverlappingFileLockException aliveInThisJvm) {
            return false;
        } catch (NoSuchFileException gone) {
            return false;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "nativebundle: could not check the native cache lock " + lockFile + ": " + e);
            return false;
        }
    }

    private Path lockFileOf(Path runtimeFolder) {
        return root.resolve(runtimeFolder.getFileName() + LOCK_SUFFIX);
    }

    /** Deletes this runtime's folder and lock; the loader calls it when it stops. */
    @Override
    public void close() {
        try (CacheLocks.RootLock ignored = CacheLocks.root(root)) {
            deleteTree(runtime);
            Files.deleteIfExists(lockFileOf(runtime));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "nativebundle: could not remove the native cache folder " + runtime + ": " + e);
        } finally {
            try {
                runtimeLock.release();
                runtimeChannel.close();
            } catch (IOException e) {
                // the lock goes with the process anyway
            }
            CacheLocks.release(lockFileOf(runtime));
        }
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // a leftover folder is harmless: the next sweep or generation deals with it
        }
    }
}
