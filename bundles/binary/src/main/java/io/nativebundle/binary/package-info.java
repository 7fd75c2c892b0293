/**
 * A dependency-free reader for ELF shared libraries: header, dynamic section, symbols, symbol
 * versions and notes, including the {@code .note.nativebundle} build note written by
 * {@code nativebundle.h}.
 *
 * <p>Used by the bnd analyzer plugin at build time and by the loader before {@code dlopen}.
 * Start with {@link io.nativebundle.binary.ElfReader}; {@link io.nativebundle.binary.SystemLibraries}
 * finds libraries on the host's default search path.
 */
@Export
@Version("1.1.0")
package io.nativebundle.binary;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
