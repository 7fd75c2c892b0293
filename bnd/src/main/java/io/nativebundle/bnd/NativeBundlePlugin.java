package io.nativebundle.bnd;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import aQute.bnd.osgi.Analyzer;
import aQute.bnd.service.AnalyzerPlugin;

import io.nativebundle.contract.Abi;
import io.nativebundle.contract.DigestHeader;
import io.nativebundle.contract.Headers;
import io.nativebundle.contract.LibraryCapability;
import io.nativebundle.contract.LibraryDeclaration;
import io.nativebundle.contract.LibraryHeader;
import io.nativebundle.contract.Sha256;
import io.nativebundle.contract.SymbolsHeader;
import io.nativebundle.contract.TenantId;

/**
 * A bnd analyzer plugin that writes the manifest headers of a native bundle from the binaries
 * it contains, so that nobody writes native code clauses, digests or symbol tables by hand.
 *
 * <p>Load it in the bundle's build (bnd-maven-plugin {@code bnd-process}, with this jar as a
 * plugin dependency):
 * <pre>
 * -plugin.nativebundle: io.nativebundle.bnd.NativeBundlePlugin
 * </pre>
 * The author declares the library once, in {@code bnd.bnd}:
 * <pre>
 * NativeBundle-Library: math;version=1.2.0;interface=io.nativebundle.examples.math.MathLib
 * # symbols without a Java method
 * -nativebundle-symbols: counter;kind=variable;type=int, raw_fn;signature="(pointer,long)int"
 * </pre>
 * and puts the libraries under {@code native/<os>/<arch>/} (OSGi names: {@code linux},
 * {@code x86-64}, {@code aarch64}). The plugin then writes
 * <pre>
 * Bundle-NativeCode: native/linux/aarch64/libmath.so;osname=Linux;processor=aarch64,native/linux/x86-64/libmath.so;osname=Linux;processor=x86-64
 * NativeBundle-Digest: native/linux/aarch64/libmath.so;sha256=&lt;64 hex&gt;, native/linux/x86-64/libmath.so;sha256=&lt;64 hex&gt;
 * NativeBundle-Symbols: add;signature="(int,int)int", counter;kind=variable;type=int
 * Require-Capability: io.nativebundle.abi;filter:="(&amp;(io.nativebundle.abi&gt;=1.0.0)(!(io.nativebundle.abi&gt;=2.0.0)))"
 * Provide-Capability: io.nativebundle.library;io.nativebundle.library=math;version:Version="1.2.0"
 * </pre>
 * and adds {@code jnr.ffi}, {@code jnr.ffi.provider}, {@code jnr.ffi.provider.jffi} and
 * {@code com.kenai.jffi} to the imports when an interface is declared. The interface's own package,
 * when the bundle exports it, is imported too (bnd's rule for an exported package the bundle uses),
 * so that consumers stay bound across an update of the bundle (see the README's class-space rule).
 *
 * <p><b>One contract.</b> {@code NativeBundle-Library}, {@code -nativebundle-symbols} and
 * {@code NativeBundle-Tenant} are read with the same rules the loader reads them with (the
 * {@code io.nativebundle.contract} module): a header the loader would refuse as
 * {@code MALFORMED_HEADER} or {@code TENANT_REFUSED} fails the build with the same message.
 *
 * <p><b>Signatures.</b> A signature is {@code (type,...)type} over the vocabulary
 * {@code void, byte, short, int, long, float, double, boolean, pointer, string, buffer}
 * ({@code void} only as a return type, {@code ()} for no parameters); {@code -nativebundle-symbols}
 * may also use the rest of the contract's grammar (unsigned types, structs written out, named,
 * {@code out} and array parameters, {@code errno}: docs/c-abi.md). The interface's methods map
 * as: primitives to their own name; {@code String} and {@code CharSequence} to {@code string};
 * {@code byte[]} and {@code java.nio.ByteBuffer} to {@code buffer} (parameters only);
 * {@code jnr.ffi.Pointer} to {@code pointer}; a {@code long} annotated {@code @intptr_t},
 * {@code @uintptr_t} or {@code @caddr_t} to {@code pointer} and one annotated with another
 * {@code jnr.ffi.types} annotation ({@code @size_t}, {@code @u_int64_t}, ...) to {@code long};
 * {@code Variable<T> name()} to a variable of type {@code T}. Any other type fails the build.
 *
 * <p><b>Checks</b> that fail the build (through {@link Analyzer#error}): a declared symbol not
 * exported by some platform's binaries (with the reason: hidden, static, absent), a function
 * that is a variable or the reverse, a binary of another machine in a platform folder, a file
 * that is not a readable ELF shared library, a main library without the build note of
 * {@code NATIVEBUNDLE_LIBRARY} from {@code nativebundle.h}, a build note whose library name or
 * version differs from {@code NativeBundle-Library}, platforms whose notes disagree on the ABI.
 *
 * <p><b>Prebuilt libraries</b> from another toolchain (cargo, CMake, Make) have no build note. The
 * author says so in {@code bnd.bnd}, with the ABI they target:
 * <pre>
 * NativeBundle-Prebuilt: cargo;abi=1.0.0
 * </pre>
 * A main library without a note is then accepted, the ABI requirement comes from {@code abi}, and
 * the header stays in the manifest so that the loader skips the note for this bundle, as it does
 * for wrapped ones. A library that does carry a note is still checked against it.
 *
 * <p>A library from the host ({@code NativeBundle-Library: z;system=libz.so.1;version="[1.2,2)"})
 * has no files to inspect: the plugin writes the symbols, the capability at the range's floor, the
 * ABI requirement of {@code [1.0.0, 2.0.0)} and {@code Require-Capability:
 * osgi.native;filter:="(osgi.native.osname~=Linux)"} (the host's search path is a Linux one); no
 * {@code Bundle-NativeCode} and no {@code NativeBundle-Digest}. A bundle with neither the header nor a {@code native/} folder is left alone.
 */
public final class NativeBundlePlugin implements AnalyzerPlugin {

    @Override
    public boolean analyzeJar(Analyzer analyzer) throws Exception {
        String header = analyzer.getProperty(Headers.LIBRARY);
        Map<Platform, List<NativeFile>> natives = NativeLayout.scan(analyzer.getJar(), analyzer);
        if (header == null || header.isBlank()) {
            if (!natives.isEmpty()) {
                analyzer.error("%s: the bundle has native files under native/ but no %s header; declare the "
                    + "library, e.g. %s: math;version=1.2.0;interface=org.example.MathLib", Headers.LIBRARY,
                    Headers.LIBRARY, Headers.LIBRARY);
            }
            return false;
        }
        checkTenant(analyzer);
        Optional<LibraryDeclaration> declared = declaration(analyzer, header);
        if (declared.isEmpty()) {
            return false;
        }
        LibraryDeclaration library = declared.get();
        List<SymbolDeclaration> symbols = DeclaredSymbols.collect(analyzer, library);
        Optional<PrebuiltDeclaration> prebuilt = PrebuiltDeclaration.parse(analyzer.getProperty(
            PrebuiltDeclaration.HEADER), analyzer);
        if (library.isSystem() && prebuilt.isPresent()) {
            analyzer.error("%s: library '%s' comes from the host (system=%s); %s applies to libraries in the bundle",
                Headers.LIBRARY, library.name(), library.system().get(), PrebuiltDeclaration.HEADER);
        }
        if (library.isSystem()) {
            if (!natives.isEmpty()) {
                analyzer.error("%s: library '%s' is declared system=%s, yet the bundle has files under native/; "
                    + "either ship the library or take it from the host", Headers.LIBRARY, library.name(),
                    library.system().get());
            }
            // a host library has no build note to read an ABI from: it needs what this release provides
            CapabilityHeaders.add(analyzer, CapabilityHeaders.REQUIRE, Abi.NAMESPACE, Abi.requirement(Abi.CURRENT));
            CapabilityHeaders.add(analyzer, CapabilityHeaders.REQUIRE, CapabilityHeaders.NATIVE_NAMESPACE,
                CapabilityHeaders.LINUX_REQUIREMENT);
        } else if (natives.isEmpty()) {
            analyzer.error("%s: library '%s' has no files under native/<os>/<arch>/; add the built libraries, or "
                + "declare system=<file> for a library from the host", Headers.LIBRARY, library.name());
        } else {
            List<PlatformBinaries> binaries = new ElfInspector(analyzer, library).inspect(natives);
            new SymbolCheck(analyzer).check(symbols, binaries);
            new BuildNoteCheck(analyzer, library, prebuilt).check(binaries).ifPresent(abi -> CapabilityHeaders.add(analyzer,
                CapabilityHeaders.REQUIRE, Abi.NAMESPACE, Abi.requirement(abi.toString())));
            write(analyzer, NativeCodeHeader.HEADER, NativeCodeHeader.format(binaries));
            write(analyzer, Headers.DIGEST, DigestHeader.format(digests(binaries)));
            NativeLayout.notPackages(analyzer);
        }
        if (!symbols.isEmpty()) {
            write(analyzer, Headers.SYMBOLS, SymbolsHeader.format(symbols.stream().map(SymbolDeclaration::symbol)
                .toList()));
        }
        CapabilityHeaders.addExtenderRequirement(analyzer);
        CapabilityHeaders.add(analyzer, CapabilityHeaders.PROVIDE, LibraryCapability.NAMESPACE,
            LibraryCapability.clause(library.name(), library.version()));
        if (library.interfaceName().isPresent()) {
            JnrImports.add(analyzer);
            // The loader loads the interface through this bundle, a reference bnd cannot see in the
            // classes, like a DS component XML's. Declared as such, an interface package the bundle
            // exports is also imported (substitutable): after an update the new revision can wire
            // to the package the consumers already use, and they bind the new services at once.
            analyzer.nonClassReferTo(analyzer.getTypeRefFromFQN(library.interfaceName().get()));
        }
        return false;
    }

    /** The declaration, or empty after reporting every rule it breaks; unknown attributes are warnings. */
    private static Optional<LibraryDeclaration> declaration(Analyzer analyzer, String header) {
        LibraryHeader.Result checked = LibraryHeader.check(header);
        checked.warnings().forEach(w -> analyzer.warning("%s", w).header(Headers.LIBRARY));
        checked.problems().forEach(p -> analyzer.error("%s", p).header(Headers.LIBRARY));
        return checked.declaration();
    }

    /** The loader refuses a bundle whose declared tenant breaks the rule; refuse it here first. */
    private static void checkTenant(Analyzer analyzer) {
        String tenant = analyzer.getProperty(Headers.TENANT);
        if (tenant != null) {
            TenantId.problem(tenant.strip()).ifPresent(p -> analyzer.error("%s: %s; the loader would refuse the "
                + "bundle as TENANT_REFUSED", Headers.TENANT, p).header(Headers.TENANT));
        }
    }

    /** Every native file's digest, in {@code Bundle-NativeCode} order. */
    private static Map<String, String> digests(List<PlatformBinaries> platforms) {
        Map<String, String> digests = new LinkedHashMap<>();
        platforms.stream().flatMap(p -> p.files().stream()).forEach(f -> digests.put(f.path(), Sha256.of(f.content())));
        return digests;
    }

    /** Runs after other analyzer plugins, so one that asks for a re-analysis cannot drop the added imports. */
    @Override
    public int ordering() {
        return 1000;
    }

    private static void write(Analyzer analyzer, String header, String value) {
        if (analyzer.getProperty(header) != null) {
            analyzer.warning("%s is written by the nativebundle plugin from the binaries; the value in bnd.bnd is "
                + "replaced", header).header(header);
        }
        analyzer.setProperty(header, value);
    }

    @Override
    public String toString() {
        return "NativeBundlePlugin";
    }
}
