package io.nativebundle.loader.internal.open;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.Bundle;

import io.nativebundle.api.CheckResult;
import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.NativeSymbol;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.contract.LibraryDeclaration;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.backend.LeafMethods;
import io.nativebundle.loader.internal.backend.NativeBackend;
import io.nativebundle.loader.internal.verify.HostLibraryChecks;
import io.nativebundle.loader.internal.verify.HostVersion;
import io.nativebundle.loader.internal.verify.VerifiedLibrary;

/**
 * The open step of a load: the backend chosen for the library ({@link Isolations}: in process, or
 * a host process of its own) opens the verified files, the generation takes them over (from then
 * on only the unloader closes them), the typed interface is bound, and a host library's
 * {@code version-symbol} function is asked for its version.
 */
public final class GenerationOpener {

    private final NativeBackend backend;
    private final Isolations isolations;

    /** An opener that runs every library in process with {@code backend}. */
    public GenerationOpener(NativeBackend backend) {
        this(backend, null);
    }

    /**
     * @param inProcess  the in-process backend
     * @param isolations chooses per library between it and a host process; null for in process always
     */
    public GenerationOpener(NativeBackend inProcess, Isolations isolations) {
        this.backend = inProcess;
        this.isolations = isolations;
    }

    /**
     * The interface {@code NativeBundle-Library} names, loaded from the bundle; null when it names none.
     *
     * @throws LoadRefusal {@code INTERFACE_MISMATCH} when it cannot be loaded, is a class or is not public
     */
    public static Class<?> serviceInterface(Bundle bundle, LibraryDeclaration declaration) throws LoadRefusal {
        if (declaration.interfaceName().isEmpty()) {
            return null;
        }
        String name = declaration.interfaceName().get();
        Class<?> type;
        try {
            type = bundle.loadClass(name);
        } catch (ClassNotFoundException e) {
            throw new LoadRefusal(RefusalReason.INTERFACE_MISMATCH, "interface " + name
                    + " named by NativeBundle-Library cannot be loaded from the bundle: " + e.getMessage());
        }
        if (!type.isInterface()) {
            throw new LoadRefusal(RefusalReason.INTERFACE_MISMATCH, name + " named by NativeBundle-Library is a class;"
                    + " expected an interface");
        }
        if (!Modifier.isPublic(type.getModifiers())) {
            throw new LoadRefusal(RefusalReason.INTERFACE_MISMATCH, "interface " + name
                    + " named by NativeBundle-Library is not public; a service interface must be public");
        }
        return type;
    }

    /**
     * Opens {@code verified} into {@code generation} and binds {@code type} (when not null); the
     * binding goes to the generation at once, never into a local variable of the load.
     *
     * @return {@code verified}, with the version a {@code version-symbol} function returned
     * @throws LoadRefusal {@code LOAD_FAILED} when the backend cannot open or bind,
     *                     {@code SYMBOL_MISSING} or {@code VERSION_MISMATCH} from the version
     *                     function; the caller discards the generation, which closes what was opened
     */
    public VerifiedLibrary open(LibraryGeneration generation, LibraryDeclaration declaration, Class<?> type,
                                VerifiedLibrary verified) throws LoadRefusal {
        return open(generation, declaration, type, verified, List.of(), backend);
    }

    /**
     * As {@link #open(LibraryGeneration, LibraryDeclaration, Class, VerifiedLibrary)}, with the
     * backend chosen for the bundle's library and tenant, and the symbols its {@code NativeBundle-Symbols}
     * declares: the typed methods jnr-ffi cannot bind are called through theirs, and a method whose
     * symbol is declared {@code leaf=true} is a leaf as a {@code @NativeLeaf} one is ({@link LeafMethods#declared}).
     *
     * @throws LoadRefusal also {@code MALFORMED_HEADER} or {@code TENANT_REFUSED} when the isolation
     *                     cannot be decided, {@code LOAD_FAILED} when the host process cannot start
     */
    public VerifiedLibrary open(LibraryGeneration generation, LibraryDeclaration declaration, Class<?> type,
                                VerifiedLibrary verified, List<NativeSymbol> symbols, Bundle bundle, String tenant)
            throws LoadRefusal {
        NativeBackend chosen = isolations == null ? backend : isolations.choose(bundle, tenant, generation, backend);
        return open(generation, declaration, type, verified, symbols, chosen);
    }

    private VerifiedLibrary open(LibraryGeneration generation, LibraryDeclaration declaration, Class<?> type,
                                 VerifiedLibrary verified, List<NativeSymbol> symbols, NativeBackend backend)
            throws LoadRefusal {
        List<Path> files = verified.files();
        generation.opened(backend.name(), backend.isolation(), backend.open(files.get(0), files.subList(1, files.size())));
        if (type != null) {
            generation.bind(type, functions(symbols), LeafMethods.declared(symbols));
        }
        VerifiedLibrary opened = versionAfterOpen(declaration, verified, generation);
        generation.actualVersion(opened.version());
        return opened;
    }

    /**
     * Calls the {@code version-symbol} function of the opened library and checks its answer;
     * {@code verified} unchanged when none is declared.
     */
    private static VerifiedLibrary versionAfterOpen(LibraryDeclaration declaration, VerifiedLibrary verified,
            LibraryGeneration generation) throws LoadRefusal {
        Optional<String> symbol = declaration.versionSymbol();
        if (symbol.isEmpty()) {
            return verified;
        }
        Path opened = verified.files().get(0);
        String text = VersionFunction.call(generation, opened, symbol.get());
        Path file = hostFile(opened);
        HostVersion version = HostVersion.ofText(text, symbol.get() + "() returned \"" + text + "\"")
                .orElseThrow(() -> new LoadRefusal(RefusalReason.VERSION_MISMATCH, symbol.get() + "() of " + file
                        + " returned \"" + text + "\"; expected a version like 1.2.13"));
        version.check(declaration.range(), declaration.name(), file);
        return verified.withVersion(version.version(),
                CheckResult.pass(HostLibraryChecks.VERSION, version.describe(declaration.range(), file)));
    }

    /** The declared functions by name, each signature as the header writes it out in full. */
    private static Map<String, NativeSignature> functions(List<NativeSymbol> symbols) {
        Map<String, NativeSignature> functions = new HashMap<>();
        for (NativeSymbol symbol : symbols) {
            if (symbol.kind() == NativeSymbol.Kind.FUNCTION) {
                functions.put(symbol.name(), NativeSignature.parse(symbol.signature()));
            }
        }
        return functions;
    }

    /** The host file behind the generation's link to it, for messages. */
    private static Path hostFile(Path opened) {
        try {
            return Files.isSymbolicLink(opened) ? Files.readSymbolicLink(opened) : opened;
        } catch (IOException e) {
            return opened;
        }
    }
}
