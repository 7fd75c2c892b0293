package io.nativebundle.wrap.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.Constants;

import io.nativebundle.contract.Abi;
import io.nativebundle.contract.DigestHeader;
import io.nativebundle.contract.Extender;
import io.nativebundle.contract.Headers;
import io.nativebundle.contract.LibraryCapability;
import io.nativebundle.contract.LibraryDeclaration;
import io.nativebundle.contract.OsgiVersion;
import io.nativebundle.contract.OsgiVersionRange;
import io.nativebundle.contract.SymbolsHeader;
import io.nativebundle.contract.TenantId;

/**
 * The manifest of a wrapped library, in the forms the bnd plugin writes for a built one:
 * <pre>
 * Bundle-SymbolicName: nativebundle.wrapped.default.math
 * Bundle-NativeCode: native/linux/x86-64/libmath.so;osname=Linux;processor=x86-64
 * NativeBundle-Library: math;version=1.2.0
 * NativeBundle-Digest: native/linux/x86-64/libmath.so;sha256=&lt;64 hex&gt;
 * NativeBundle-Symbols: add;signature="(int,int)int", counter;kind=variable;type=int
 * Require-Capability: io.nativebundle.abi;filter:="(&amp;(io.nativebundle.abi&gt;=1.0.0)(!(io.nativebundle.abi&gt;=2.0.0)))",
 *                     osgi.extender;filter:="(&amp;(osgi.extender=io.nativebundle)(version&gt;=1.0.0)(!(version&gt;=2.0.0)))"
 * Provide-Capability: io.nativebundle.library;io.nativebundle.library=math;version:Version="1.2.0"
 * NativeBundle-Wrapped: libmath.nativebundle
 * </pre>
 * A host library ({@code system =}) has no {@code Bundle-NativeCode} and no digest; its
 * {@code NativeBundle-Library} carries {@code system}, the version range and the optional
 * {@code version-symbol} and {@code sha256} allow-list. A descriptor's {@code isolation},
 * {@code timeout} and limits become attributes of {@code NativeBundle-Library}, its
 * {@code [timeouts]} the {@code timeout} of their symbols. Every header is written by the contract's
 * writers, so a wrapped bundle reads exactly like one the bnd plugin wrote.
 */
final class BundleHeaders {

    static final String SYMBOLIC_NAME_PREFIX = "nativebundle.wrapped.";

    private BundleHeaders() {
    }

    /**
     * @param entry  the jar entry of a bundled library, e.g. {@code native/linux/x86-64/libmath.so}; empty for a host library
     * @param sha256 the digest of that entry
     */
    static Map<String, String> of(Descriptor d, CheckedLibrary library, Optional<String> entry, Optional<String> sha256,
            WrapContext context) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Manifest-Version", "1.0");
        h.put(Constants.BUNDLE_MANIFESTVERSION, "2");
        h.put(Constants.BUNDLE_SYMBOLICNAME, symbolicName(d, context));
        h.put(Constants.BUNDLE_VERSION, d.bundleVersion().toString());
        h.put(Constants.BUNDLE_NAME, d.libraryName() + " " + d.version().value() + ", wrapped from "
                + d.file().getFileName());
        String processor = library.machine().osgiProcessor();
        entry.ifPresent(e -> h.put(Constants.BUNDLE_NATIVECODE, e + ";osname=Linux;processor=" + processor));
        LibraryDeclaration declaration = library(d);
        h.put(Headers.LIBRARY, declaration.toHeader());
        entry.ifPresent(e -> h.put(Headers.DIGEST, DigestHeader.clause(e, sha256.orElseThrow())));
        if (!d.symbols().isEmpty()) {
            h.put(Headers.SYMBOLS, SymbolsHeader.format(d.symbols().stream().map(SymbolEntry::symbol).toList()));
        }
        d.tenant().ifPresent(t -> h.put(Headers.TENANT, t.value()));
        // the extender requirement wires the bundle to the loader, as for a bundle the bnd plugin built
        h.put(Constants.REQUIRE_CAPABILITY, Abi.requirement(library.abi().orElse(context.abi()).toString()) + ","
                + Extender.REQUIREMENT);
        h.put(Constants.PROVIDE_CAPABILITY, LibraryCapability.clause(declaration.name(), declaration.version()));
        h.put(Headers.WRAPPED, d.file().getFileName().toString());
        return h;
    }

    /**
     * {@code nativebundle.wrapped.<tenant>.<library>}: the descriptor's tenant, else the tenant folder's,
     * else {@code default}; so the same library of two tenants makes two bundles, not an update of one.
     */
    static String symbolicName(Descriptor d, WrapContext context) {
        String tenant = d.tenant().map(Entry::value).or(context::folderTenant).orElse(TenantId.DEFAULT);
        return SYMBOLIC_NAME_PREFIX + token(tenant) + "." + d.libraryName();
    }

    /** The descriptor's library as {@code NativeBundle-Library} declares it; the parser checked every value. */
    private static LibraryDeclaration library(Descriptor d) {
        OsgiVersion floor = OsgiVersion.parse(d.bundleVersion().toString()).orElseThrow();
        if (!d.isSystem()) {
            return LibraryDeclaration.bundled(d.libraryName(), floor, Optional.empty()).withIsolation(d.isolation())
                    .withExport(d.export());
        }
        OsgiVersionRange range = d.range().getRight() == null ? OsgiVersionRange.atLeast(floor)
                : OsgiVersionRange.parse(d.range().toString()).orElseThrow();
        return LibraryDeclaration.system(d.libraryName(), d.system().get().value(), range,
                d.versionSymbol().map(Entry::value), d.sha256()).withIsolation(d.isolation()).withExport(d.export());
    }

    /** A symbolic-name token: a folder name such as {@code Bad_Tenant!} must not make the header invalid. */
    private static String token(String text) {
        return text.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
