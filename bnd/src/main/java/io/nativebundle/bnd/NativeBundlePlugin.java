package io.nativebundle.bnd;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import aQute.bnd.osgi.Analyzer;
import aQute.bnd.service.AnalyzerPlugin;

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
 * {@code com.kenai.jffi} to the imports when an interface is declared.
 *
 * <p><b>Signatures.</b> A signature is {@code (type,...)type} over the vocabulary
 * {@code void, byte, short, int, long, float, double, boolean, pointer, string, buffer}
 * ({@code void} only as a return type, {@code ()} for no parameters). The interface's methods map
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
 * <p>A library from the host ({@code NativeBundle-Library: z;system=libz.so.1;version="[1.2,2)"})
 * has no files to inspect: the plugin writes the symbols, the capability at the range's floor, the
 * ABI requirement of {@code [1.0.0, 2.0.0)} and {@code Require-Capability:
 * osgi.native;filter:="(osgi.native.osname~=Linux)"} (the host's search path is a Linux one); no
 * {@code Bundle-NativeCode} and no {@code NativeBundle-Digest}. A bundle with neither the header nor a {@code native/} folder is left alone.
 */
public final class NativeBundlePlugin implements AnalyzerPlugin {

    @Override
    public boolean analyzeJar(Analyzer analyzer) throws Exception {
        String header = analyzer.getProperty(LibraryDeclaration.HEADER);
        Map<Platform, List<NativeFile>> natives = NativeLayout.scan(analyzer.getJar(), analyzer);
        if (header == null || header.isBlank()) {
            if (!natives.isEmpty()) {
                analyzer.error("%s: the bundle has native files under native/ but no %s header; declare the "
                    + "library, e.g. %s: math;version=1.2.0;interface=org.example.MathLib", LibraryDeclaration.HEADER,
                    LibraryDeclaration.HEADER, LibraryDeclaration.HEADER);
            }
            return false;
        }
        Optional<LibraryDeclaration> declared = LibraryDeclaration.parse(header, analyzer);
        if (declared.isEmpty()) {
            return false;
        }
        LibraryDeclaration library = declared.get();
        List<SymbolDeclaration> symbols = DeclaredSymbols.collect(analyzer, library);
        if (library.isSystem()) {
            if (!natives.isEmpty()) {
                analyzer.error("%s: library '%s' is declared system=%s, yet the bundle has files under native/; "
                    + "either ship the library or take it from the host", LibraryDeclaration.HEADER, library.name(),
                    library.system().get());
            }
            CapabilityHeaders.add(analyzer, CapabilityHeaders.REQUIRE, CapabilityHeaders.ABI_NAMESPACE,
                CapabilityHeaders.abiRequirement(CapabilityHeaders.SYSTEM_LIBRARY_ABI));
            CapabilityHeaders.add(analyzer, CapabilityHeaders.REQUIRE, CapabilityHeaders.NATIVE_NAMESPACE,
                CapabilityHeaders.LINUX_REQUIREMENT);
        } else if (natives.isEmpty()) {
            analyzer.error("%s: library '%s' has no files under native/<os>/<arch>/; add the built libraries, or "
                + "declare system=<file> for a library from the host", LibraryDeclaration.HEADER, library.name());
        } else {
            List<PlatformBinaries> binaries = new ElfInspector(analyzer, library).inspect(natives);
            new SymbolCheck(analyzer).check(symbols, binaries);
            new BuildNoteCheck(analyzer, library).check(binaries).ifPresent(abi -> CapabilityHeaders.add(analyzer,
                CapabilityHeaders.REQUIRE, CapabilityHeaders.ABI_NAMESPACE, CapabilityHeaders.abiRequirement(abi)));
            write(analyzer, NativeCodeHeader.HEADER, NativeCodeHeader.format(binaries));
            write(analyzer, DigestHeader.HEADER, DigestHeader.format(binaries));
            NativeLayout.notPackages(analyzer);
        }
        if (!symbols.isEmpty()) {
            write(analyzer, SymbolsHeader.HEADER, SymbolsHeader.format(symbols));
        }
        CapabilityHeaders.addExtenderRequirement(analyzer);
        CapabilityHeaders.add(analyzer, CapabilityHeaders.PROVIDE, CapabilityHeaders.LIBRARY_NAMESPACE,
            CapabilityHeaders.libraryCapability(library.name(), library.capabilityVersion()));
        if (library.interfaceName().isPresent()) {
            JnrImports.add(analyzer);
        }
        return false;
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
