package io.nativebundle.binary.host;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import io.nativebundle.binary.ElfClass;
import io.nativebundle.binary.ElfMachine;
import io.nativebundle.binary.SystemLibraries;

/** A fake file system root for HostPlatform.of: /proc/self/maps, library folders, ELF stand-ins. */
final class HostFixture {

    final Path root;

    HostFixture(Path root) {
        this.root = root;
    }

    /** Writes {@code content} at {@code absolute} below the root. */
    HostFixture file(String absolute, byte[] content) throws IOException {
        Path file = root.resolve(absolute.substring(1));
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        return this;
    }

    HostFixture text(String absolute, String content) throws IOException {
        return file(absolute, content.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Copies a real file of this host below the root. */
    HostFixture copy(Path real, String absolute) throws IOException {
        return file(absolute, Files.readAllBytes(real));
    }

    /**
     * An ELF64 little-endian header for {@code machine} with no sections, followed by {@code text}:
     * enough for the search path to accept it as this machine's library and for a banner to be read.
     */
    static byte[] elfWith(ElfMachine machine, String text) {
        byte[] tail = text.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(64 + tail.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1});
        b.putShort(16, (short) 3); // ET_DYN
        b.putShort(18, (short) machine.code());
        b.putInt(20, 1);
        b.put(64, tail);
        return b.array();
    }

    /** A real library of this host, if the search path has it. */
    static Optional<Path> hostLibrary(String name) {
        HostMachine m = HostMachine.current();
        return SystemLibraries.of(m.machine(), m.elfClass()).find(name);
    }

    static SystemLibraries libraries(Path root) {
        return SystemLibraries.of(root, ElfMachine.X86_64, ElfClass.ELF64);
    }
}
