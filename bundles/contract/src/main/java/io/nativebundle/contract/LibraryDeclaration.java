package io.nativebundle.contract;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code NativeBundle-Library} declares, checked by {@link LibraryHeader}: a library the
 * bundle carries ({@code math;version=1.2.0;interface=org.example.MathLib}) or one it takes from
 * the host ({@code z;system=libz.so.1;version="[1.2,2)";version-symbol=zlibVersion;sha256="<hex>"}).
 */
public final class LibraryDeclaration {

    private final String name;
    private final OsgiVersionRange range;
    private final Optional<String> interfaceName;
    private final Optional<String> system;
    private final Optional<String> versionSymbol;
    private final List<String> sha256;
    private final IsolationSettings isolation;
    private final RemoteExport export;

    LibraryDeclaration(String name, OsgiVersionRange range, Optional<String> interfaceName, Optional<String> system,
            Optional<String> versionSymbol, List<String> sha256) {
        this(name, range, interfaceName, system, versionSymbol, sha256, IsolationSettings.DEFAULT);
    }

    LibraryDeclaration(String name, OsgiVersionRange range, Optional<String> interfaceName, Optional<String> system,
            Optional<String> versionSymbol, List<String> sha256, IsolationSettings isolation) {
        this(name, range, interfaceName, system, versionSymbol, sha256, isolation, RemoteExport.NONE);
    }

    private LibraryDeclaration(String name, OsgiVersionRange range, Optional<String> interfaceName,
            Optional<String> system, Optional<String> versionSymbol, List<String> sha256, IsolationSettings isolation,
            RemoteExport export) {
        this.isolation = Objects.requireNonNull(isolation, "isolation");
        this.export = Objects.requireNonNull(export, "export");
        this.name = Objects.requireNonNull(name, "name");
        this.range = Objects.requireNonNull(range, "range");
        this.interfaceName = interfaceName;
        this.system = system;
        this.versionSymbol = versionSymbol;
        this.sha256 = List.copyOf(sha256);
    }

    /**
     * A library the bundle carries, as the wrapper declares it.
     *
     * @throws IllegalArgumentException when the name breaks {@link LibraryName}
     */
    public static LibraryDeclaration bundled(String name, OsgiVersion version, Optional<String> interfaceName) {
        LibraryName.problem(name).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        return new LibraryDeclaration(name, OsgiVersionRange.exactly(version), interfaceName, Optional.empty(),
                Optional.empty(), List.of());
    }

    /**
     * A library from the host, as the wrapper declares it.
     *
     * @throws IllegalArgumentException when the name, file, version symbol or a digest breaks its rule
     */
    public static LibraryDeclaration system(String name, String file, OsgiVersionRange range,
            Optional<String> versionSymbol, List<String> sha256) {
        LibraryName.problem(name).or(() -> HostFileName.problem(file).map(p -> "system=" + file + " " + p))
                .ifPresent(p -> {
                    throw new IllegalArgumentException(p);
                });
        versionSymbol.filter(v -> !CIdentifier.isValid(v)).ifPresent(v -> {
            throw new IllegalArgumentException("version-symbol '" + v + "' of library '" + name
                    + "' is not a C identifier");
        });
        sha256.stream().filter(d -> !Sha256.isDigest(d)).findFirst().ifPresent(d -> {
            throw new IllegalArgumentException("sha256 '" + d + "' of library '" + name + "' is not a SHA-256;"
                    + " expected 64 hex digits");
        });
        return new LibraryDeclaration(name, range, Optional.empty(), Optional.of(file), versionSymbol,
                sha256.stream().map(Sha256::normalize).toList());
    }

    /** The library name, e.g. {@code math}; also the build note's library name. */
    public String name() {
        return name;
    }

    /** The exact version of a bundled library; the floor of a system library's range. */
    public OsgiVersion version() {
        return range.left();
    }

    /** {@code [1.2.0,1.2.0]} for a bundled library; the accepted host versions for a system one. */
    public OsgiVersionRange range() {
        return range;
    }

    /** The Java interface to bind, if declared. */
    public Optional<String> interfaceName() {
        return interfaceName;
    }

    /** The host library's file name, e.g. {@code libz.so.1}, when the library comes from the host. */
    public Optional<String> system() {
        return system;
    }

    public boolean isSystem() {
        return system.isPresent();
    }

    /** A function {@code const char *f(void)} of a system library that returns its version. */
    public Optional<String> versionSymbol() {
        return versionSymbol;
    }

    /** The digests, lowercase, a system library's real file may have; empty for no allow-list. */
    public List<String> sha256() {
        return sha256;
    }

    /** Where the calls run, their timeout and the host process's limits; {@link IsolationSettings#DEFAULT} when none is declared. */
    public IsolationSettings isolation() {
        return isolation;
    }

    /** This declaration with other isolation settings, e.g. a descriptor's {@code isolation = process}. */
    public LibraryDeclaration withIsolation(IsolationSettings settings) {
        return new LibraryDeclaration(name, range, interfaceName, system, versionSymbol, sha256, settings, export);
    }

    /** Whether the bundle offers the library to other frameworks ({@code export=remote}); {@link RemoteExport#NONE} by default. */
    public RemoteExport export() {
        return export;
    }

    /** This declaration with another export, e.g. a descriptor's {@code export = remote}. */
    public LibraryDeclaration withExport(RemoteExport remoteExport) {
        return new LibraryDeclaration(name, range, interfaceName, system, versionSymbol, sha256, isolation,
                remoteExport);
    }

    /** The header value in its canonical form; {@link LibraryHeader#parse} reads it back to an equal declaration. */
    public String toHeader() {
        StringBuilder b = new StringBuilder(name);
        system.ifPresent(s -> b.append(';').append(Headers.ATTR_SYSTEM).append('=').append(s));
        b.append(';').append(Headers.ATTR_VERSION).append('=');
        b.append(range.right().isPresent() && isSystem() ? "\"" + range + "\"" : range.left().toString());
        interfaceName.ifPresent(i -> b.append(';').append(Headers.ATTR_INTERFACE).append('=').append(i));
        versionSymbol.ifPresent(v -> b.append(';').append(Headers.ATTR_VERSION_SYMBOL).append('=').append(v));
        if (!sha256.isEmpty()) {
            b.append(';').append(Headers.ATTR_SHA256).append("=\"").append(String.join(",", sha256)).append('"');
        }
        b.append(isolation.attributes());
        if (export != RemoteExport.NONE) {
            b.append(';').append(Headers.ATTR_EXPORT).append('=').append(export.token());
        }
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LibraryDeclaration d && name.equals(d.name) && range.toString().equals(d.range.toString())
                && interfaceName.equals(d.interfaceName) && system.equals(d.system)
                && versionSymbol.equals(d.versionSymbol) && sha256.equals(d.sha256) && isolation.equals(d.isolation)
                && export == d.export;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, range.toString(), interfaceName, system, versionSymbol, sha256, isolation, export);
    }

    @Override
    public String toString() {
        return toHeader();
    }
}
