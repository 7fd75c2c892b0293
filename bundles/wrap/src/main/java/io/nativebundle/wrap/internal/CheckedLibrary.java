package io.nativebundle.wrap.internal;

import java.nio.file.Path;
import java.util.Optional;

import org.osgi.framework.Version;

import io.nativebundle.binary.ElfMachine;

/**
 * A library file that passed {@link LibraryCheck}.
 *
 * @param file    the file checked: the {@code .so} to pack, or the host library
 * @param machine its instruction set; its OSGi processor name goes into {@code Bundle-NativeCode}
 * @param abi     the ABI version of its build note; empty for a host or third-party library, which has none
 */
record CheckedLibrary(Path file, ElfMachine machine, Optional<Version> abi) {
}
