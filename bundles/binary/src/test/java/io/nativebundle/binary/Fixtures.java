package io.nativebundle.binary;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The libraries the build compiles from src/test/c, found through a property surefire sets. */
final class Fixtures {

    static final Path NATIVES = Path.of(System.getProperty("nativebundle.test.natives", "target/test-natives/linux"));

    private Fixtures() {
    }

    static Path x8664() {
        return path("x86-64/libfixture.so");
    }

    static Path aarch64() {
        return path("aarch64/libfixture.so");
    }

    static Path elf32() {
        return path("x86/libmini.so");
    }

    static Path bigEndian() {
        return path("aarch64_be/libmini.so");
    }

    static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path path(String relative) {
        Path p = NATIVES.resolve(relative);
        assertTrue("fixture " + p + " missing: the build compiles it in generate-test-resources", Files.isRegularFile(p));
        return p;
    }
}
