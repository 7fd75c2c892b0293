package io.nativebundle.binary;

import java.io.IOException;

/**
 * Thrown when a file is not a well-formed ELF file: the one documented exception for bad input.
 *
 * <p>The message names the file, the offset and what was expected versus found, for example
 * {@code "libmath.so: truncated ELF: section header table at offset 0x1234 (64 entries x 64 bytes)
 * ends past end of file (size 4096)"}.
 */
public class ElfFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final long offset;

    /**
     * @param file    the file name, as given to {@link ElfReader}
     * @param offset  the file offset at which the problem was found (unsigned)
     * @param message what was expected and what was found (the file name is prepended)
     */
    public ElfFormatException(String file, long offset, String message) {
        super(file + ": " + message);
        this.file = file;
        this.offset = offset;
    }

    /** @return the file name, as given to {@link ElfReader} */
    public String file() {
        return file;
    }

    /**
     * @return the file offset at which the problem was found: where the bad data is or, when a
     *         field points outside the file, the offset it points to. It is an unsigned 64-bit
     *         value, as ELF64 offsets are, so a corrupt file can make it read as negative; print it
     *         with {@link Long#toUnsignedString(long)} or {@link Long#toHexString(long)}
     */
    public long offset() {
        return offset;
    }
}
