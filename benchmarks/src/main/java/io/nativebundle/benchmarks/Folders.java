package io.nativebundle.benchmarks;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sizes and deletes scratch folders that the loader may still be changing (it deletes a cache
 * folder once its library is unloaded, possibly while a walk is under way): a file that
 * vanishes during the walk is skipped, never an error.
 */
public final class Folders {

    private Folders() {
    }

    /** The bytes of all regular files under a folder; 0 when it does not exist. */
    public static long bytesUnder(Path folder) {
        AtomicLong total = new AtomicLong();
        walk(folder, new Tolerant() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile()) {
                    total.addAndGet(attributes.size());
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return total.get();
    }

    /** Deletes a folder and everything in it, as far as possible. */
    public static void delete(Path folder) {
        walk(folder, new Tolerant() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                file.toFile().delete();
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                dir.toFile().delete();
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void walk(Path folder, Tolerant visitor) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try {
            Files.walkFileTree(folder, visitor);
        } catch (IOException e) {
            // Tolerant never throws; a leftover file in target/ is harmless
        }
    }

    private abstract static class Tolerant extends SimpleFileVisitor<Path> {
        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) {
            return FileVisitResult.CONTINUE;
        }
    }
}
