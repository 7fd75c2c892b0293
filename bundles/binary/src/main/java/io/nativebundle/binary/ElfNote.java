package io.nativebundle.binary;

import java.util.Arrays;

/**
 * One ELF note (from an {@code SHT_NOTE} section, or a {@code PT_NOTE} segment when the file has
 * no section headers).
 *
 * @param name       the note owner, without the terminating NUL (e.g. {@code "GNU"}, {@code "nativebundle"})
 * @param type       the owner-specific note type
 * @param descriptor the descriptor bytes, without padding (a copy)
 */
public record ElfNote(String name, int type, byte[] descriptor) {

    public ElfNote {
        descriptor = descriptor.clone();
    }

    /** @return a copy of the descriptor bytes */
    @Override
    public byte[] descriptor() {
        return descriptor.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ElfNote other && name.equals(other.name) && type == other.type
                && Arrays.equals(descriptor, other.descriptor);
    }

    @Override
    public int hashCode() {
        return (name.hashCode() * 31 + type) * 31 + Arrays.hashCode(descriptor);
    }

    @Override
    public String toString() {
        return "ElfNote[name=" + name + ", type=" + type + ", descriptor=" + descriptor.length + " bytes]";
    }
}
