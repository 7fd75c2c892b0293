package io.nativebundle.wrap.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

import io.nativebundle.contract.IsolationSettings;
import io.nativebundle.contract.RemoteExport;

/**
 * A parsed {@code .nativebundle} descriptor. Every value has been checked on its own; whether the
 * library really exports the symbols is {@link LibraryCheck}'s business.
 *
 * @param file          the descriptor file
 * @param library       {@code library = math}
 * @param version       {@code version = 1.2.0}; for a host library a range or a floor
 * @param range         the version as a range: {@code [1.2.0,1.2.0]} for a bundled library
 * @param tenant        {@code tenant = acme}, if given
 * @param libraryFile   {@code file = libmath.so}, if given
 * @param system        {@code system = libz.so.1}, if the library comes from the host
 * @param versionSymbol {@code version-symbol = zlibVersion} (host libraries only)
 * @param sha256        {@code sha256 = <hex>, <hex>} (host libraries only), lowercase
 * @param symbols       the functions (with their {@code [timeouts]}), then the variables, in the order written
 * @param isolation     {@code isolation = process}, {@code timeout}, {@code max-address-space}, {@code max-cpu-time}
 * @param export        {@code export = remote}; {@link RemoteExport#NONE} when not given
 */
record Descriptor(Path file, Entry library, Entry version, VersionRange range, Optional<Entry> tenant,
        Optional<Entry> libraryFile, Optional<Entry> system, Optional<Entry> versionSymbol, List<String> sha256,
        List<SymbolEntry> symbols, IsolationSettings isolation, RemoteExport export) {

    String libraryName() {
        return library.value();
    }

    boolean isSystem() {
        return system.isPresent();
    }

    /** The bundle version: the version itself, or the floor of a host library's range. */
    Version bundleVersion() {
        return range.getLeft();
    }

    /** The file name of the library next to the descriptor: {@code file}, else {@code <descriptor stem>.so}. */
    String libraryFileName() {
        return libraryFile.map(Entry::value).orElseGet(() -> stem(file.getFileName().toString()) + ".so");
    }

    /** Where a problem with the library file is reported: its {@code file} line, else the descriptor as a whole. */
    Position libraryFileAt() {
        return libraryFile.map(Entry::valueAt).orElse(Position.START);
    }

    static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot <= 0 ? fileName : fileName.substring(0, dot);
    }
}
