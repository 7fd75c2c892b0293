package io.nativebundle.loader.internal.verify;

import java.nio.file.Path;

import io.nativebundle.binary.ElfFile;

/**
 * One native file of the selected {@code Bundle-NativeCode} clause, read from the exact copy that
 * will be opened.
 *
 * @param entry the jar entry, e.g. {@code native/linux/x86-64/libmath.so}
 * @param file  the copy on disk
 * @param elf   what the file says about itself
 */
record BundleLibrary(String entry, Path file, ElfFile elf) {

    String fileName() {
        return file.getFileName().toString();
    }
}
