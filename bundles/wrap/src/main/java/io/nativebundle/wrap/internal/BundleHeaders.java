package io.nativebundle.wrap.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeSymbol;

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
 * {@code version-symbol} and {@code sha256} allow-list.
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
        h.put(NativeBundleConstants.HEADER_LIBRARY, library(d));
        entry.ifPresent(e -> h.put(NativeBundleConstants.HEADER_DIGEST, e + ";" + NativeBundleConstants.ATTR_SHA256
                + "=" + sha256.orElseThrow()));
        if (!d.symbols().isEmpty()) {
            h.put(NativeBundleConstants.HEADER_SYMBOLS, d.symbols().stream().map(s -> symbol(s.symbol()))
                    .collect(Collectors.joining(", ")));
        }
        d.tenant().ifPresent(t -> h.put(NativeBundleConstants.HEADER_TENANT, t.value()));
        // the extender requirement wires the bundle to the loader, as for a bundle the bnd plugin built
        h.put(Constants.REQUIRE_CAPABILITY, abiRequirement(library.abi().orElse(context.abi())) + ","
                + NativeBundleConstants.EXTENDER_REQUIREMENT);
        h.put(Constants.PROVIDE_CAPABILITY, NativeBundleConstants.LIBRARY_NAMESPACE + ";"
                + NativeBundleConstants.LIBRARY_NAMESPACE + "=" + d.libraryName() + ";version:Version=\""
                + d.bundleVersion() + "\"");
        h.put(NativeBundleConstants.HEADER_WRAPPED, d.file().getFileName().toString());
        return h;
    }

    /**
     * {@code nativebundle.wrapped.<tenant>.<library>}: the descriptor's tenant, else the tenant folder's,
     * else {@code default}; so the same library of two tenants makes two bundles, not an update of one.
     */
    static String symbolicName(Descriptor d, WrapContext context) {
        String tenant = d.tenant().map(Entry::value).or(context::folderTenant).orElse(NativeBundleConstants.DEFAULT_TENANT);
        return SYMBOLIC_NAME_PREFIX + token(tenant) + "." + d.libraryName();
    }

    /** The same filter as the bnd plugin's: {@code [abi, abi.major + 1)}. */
    static String abiRequirement(Version abi) {
        String ns = NativeBundleConstants.ABI_NAMESPACE;
        Version ceiling = new Version(abi.getMajor() + 1, 0, 0);
        return ns + ";filter:=\"(&(" + ns + ">=" + abi + ")(!(" + ns + ">=" + ceiling + ")))\"";
    }

    private static String library(Descriptor d) {
        StringBuilder b = new StringBuilder(d.libraryName());
        if (d.isSystem()) {
            b.append(';').append(NativeBundleConstants.ATTR_SYSTEM).append('=').append(d.system().get().value());
            VersionRange range = d.range();
            b.append(";version=").append(range.getRight() == null ? range.getLeft().toString()
                    : "\"" + range + "\"");
            d.versionSymbol().ifPresent(v -> b.append(";version-symbol=").append(v.value()));
            if (!d.sha256().isEmpty()) {
                b.append(';').append(NativeBundleConstants.ATTR_SHA256).append("=\"")
                        .append(String.join(",", d.sha256())).append('"');
            }
        } else {
            b.append(";version=").append(d.bundleVersion());
        }
        return b.toString();
    }

    private static String symbol(NativeSymbol s) {
        return s.kind() == NativeSymbol.Kind.FUNCTION
                ? s.name() + ";" + NativeBundleConstants.ATTR_SIGNATURE + "=\"" + s.signature() + "\""
                : s.name() + ";" + NativeBundleConstants.ATTR_KIND + "=variable;" + NativeBundleConstants.ATTR_TYPE
                        + "=" + s.signature();
    }

    /** A symbolic-name token: a folder name such as {@code Bad_Tenant!} must not make the header invalid. */
    private static String token(String text) {
        return text.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
