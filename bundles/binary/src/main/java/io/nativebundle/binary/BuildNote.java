package io.nativebundle.binary;

import io.nativebundle.binary.internal.BuildNoteParser;

/**
 * The build note that {@code NATIVEBUNDLE_LIBRARY(name, version, abi)} from {@code nativebundle.h}
 * embeds in a library, read without loading it.
 *
 * <p>The note lives in a section named {@code .note.nativebundle} ({@code SHT_NOTE}), with owner
 * name {@code "nativebundle"} and type 1. Its descriptor is a sequence of NUL-terminated
 * {@code key=value} pairs, in ASCII/UTF-8:
 * <pre>
 * library=math\0version=1.2.0\0abi=1.0.0\0compiler=gcc 12.2.0\0
 * </pre>
 * {@code library}, {@code version} and {@code abi} are required and non-empty; {@code compiler}
 * (from {@code __VERSION__}) is optional and reads as {@code ""} when absent. Unknown keys are
 * ignored so the format can grow; a key given twice, a pair without {@code '='} or an
 * unterminated pair is an error. NUL bytes after the last pair (alignment padding) are ignored.
 *
 * @param library  the library name, e.g. {@code "math"}
 * @param version  the library version, e.g. {@code "1.2.0"}
 * @param abi      the nativebundle ABI version the library was built for, e.g. {@code "1.0.0"}
 * @param compiler the compiler that built it, e.g. {@code "gcc 12.2.0"}, or {@code ""}
 */
public record BuildNote(String library, String version, String abi, String compiler) {

    /** The note owner name. */
    public static final String NOTE_NAME = "nativebundle";
    /** The note type. */
    public static final int NOTE_TYPE = 1;
    /** The section the note is placed in. */
    public static final String SECTION_NAME = ".note.nativebundle";

    /**
     * @param descriptor the note descriptor, in the format above
     * @return the parsed note
     * @throws ElfFormatException if the descriptor does not follow the format; the offset is
     *         relative to the start of the descriptor
     */
    public static BuildNote parse(byte[] descriptor) throws ElfFormatException {
        return BuildNoteParser.parse(descriptor, "build note", 0);
    }
}
