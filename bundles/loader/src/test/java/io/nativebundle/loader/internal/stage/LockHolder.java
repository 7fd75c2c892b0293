package io.nativebundle.loader.internal.stage;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A second process for {@link NativeCacheTest}: locks the file given as argument the way a
 * runtime locks its cache folder, prints {@code locked}, and holds it until its standard input
 * ends (the test closes it, or dies) or it is killed. With a second argument {@code try} it only
 * tries, prints {@code locked} or {@code busy}, and exits.
 */
public final class LockHolder {

    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            if (args.length > 1 && args[1].equals("try")) {
                System.out.println(channel.tryLock() == null ? "busy" : "locked");
                return;
            }
            FileLock lock = channel.lock();
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // holds the lock until the test lets go of this process
            }
            lock.release();
        }
    }
}
