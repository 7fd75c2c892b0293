package io.nativebundle.binary;

import io.nativebundle.binary.internal.ElfParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads ELF files (shared libraries, executables) without loading them: safe on any input, so a
 * loader can check a library before {@code dlopen} and a build can check it before packing.
 *
 * <pre>{@code
 * ElfFile lib = ElfReader.read(Path.of("native/linux/x86-64/libmath.so"));
 * if (lib.machine() != ElfMachine.X86_64) { ... }
 * lib.exportedSymbol("add").orElseThrow(() ->
 *         new IllegalStateException(lib.explainMissing("add").reason()));
 * String abi = lib.buildNote().map(BuildNote::abi).orElse("none");
 * }</pre>
 *
 * <p>Every malformed input, whatever is wrong with it, ends in an {@link ElfFormatException} that
 * names the file, the offset and what was expected and found; the reader never throws runtime
 * exceptions on bad input, never loops without bound and never allocates by an unchecked count.
 * The result is immutable and thread-safe.
 */
public final class ElfReader {

    /** Files larger than this are refused: plugin libraries are far smaller, and all is read into memory. */
    public static final int MAX_FILE_SIZE = 1 << 30;

    private ElfReader() {
    }

    /**
     * Reads and parses a whole file; its path (as given) names it in messages.
     *
     * @param file the ELF file
     * @return the parsed file
     * @throws ElfFormatException if the file is not a well-formed ELF file or exceeds {@link #MAX_FILE_SIZE}
     * @throws IOException        if the file cannot be read
     */
    public static ElfFile read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        String name = file.toString();
        long size = Files.size(file);
        if (size > MAX_FILE_SIZE) {
            throw tooLarge(name, size);
        }
        byte[] content;
        try (InputStream in = Files.newInputStream(file)) {
            // the file may have grown since Files.size: never read more than the cap
            content = in.readNBytes(MAX_FILE_SIZE + 1);
        }
        if (content.length > MAX_FILE_SIZE) {
            throw tooLarge(name, content.length);
        }
        return read(content, name);
    }

    /**
     * Parses ELF content held in memory, e.g. a jar entry.
     *
     * @param content the whole file; not modified, and not retained
     * @param name    the name used in messages and returned by {@link ElfFile#name()}
     * @return the parsed file
     * @throws ElfFormatException if the content is not a well-formed ELF file
     */
    public static ElfFile read(byte[] content, String name) throws ElfFormatException {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(name, "name");
        if (content.length > MAX_FILE_SIZE) {
            throw tooLarge(name, content.length);
        }
        return new ElfFile(ElfParser.parse(content, name));
    }

    private static ElfFormatException tooLarge(String name, long size) {
        return new ElfFormatException(name, 0, "file is " + size + " bytes; expected at most "
                + MAX_FILE_SIZE + " bytes (1 GiB) for a native library");
    }
}
