package io.nativebundle.loader.internal.publish;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import com.kenai.jffi.Library;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeFunction;
import io.nativebundle.api.NativeLibrary;
import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.NativeSymbol;
import io.nativebundle.api.NativeType;
import io.nativebundle.api.NativeVariable;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.call.Lease;
import io.nativebundle.loader.internal.call.NativeFunctionService;
import io.nativebundle.loader.internal.call.NativeVariableService;
import io.nativebundle.loader.internal.call.SymbolAddress;
import io.nativebundle.loader.internal.call.SymbolGuard;
import io.nativebundle.loader.internal.metrics.LibraryMetrics;
import io.nativebundle.loader.internal.metrics.MetricsRegistry;
import io.nativebundle.loader.internal.open.LibraryGeneration;

/**
 * Publishes the symbols a library declares in {@code NativeBundle-Symbols}: a
 * {@link NativeFunction} service per function and a {@link NativeVariable} service per variable,
 * registered by the loader with the library's service properties plus {@code nativebundle.symbol}.
 *
 * <p>It opens the library file through jffi by the same absolute path and flags as jnr-ffi, so it
 * gets the handle jnr-ffi already holds ({@code Library.getCachedInstance}); a library without a
 * typed interface is opened here, after its same-bundle dependencies.
 *
 * <pre>{@code
 * SymbolServices symbols = symbolPublisher.publish(loaded, ServicePublisher.properties(loaded),
 *         files.subList(1, files.size()), generation);
 * ...                                           // on unload:
 * symbols.unregister();
 * symbols.cut();
 * }</pre>
 */
public final class SymbolPublisher {

    /**
     * The flags LibraryBinder opens with. jffi caches one handle per path whatever the flags, so
     * this only matters when nothing opened the file before; RTLD_LOCAL keeps two copies of one
     * library (two tenants, two generations) from binding each other's globals.
     */
    private static final int FLAGS = Library.NOW | Library.LOCAL;

    private final BundleContext loaderContext;
    private final MetricsRegistry metrics;

    public SymbolPublisher(BundleContext loaderContext, MetricsRegistry metrics) {
        this.loaderContext = loaderContext;
        this.metrics = metrics;
    }

    /**
     * Resolves every declared symbol and registers its service.
     *
     * @param library      the loaded library; its {@code file()} is opened
     * @param properties   the library's service properties ({@code ServicePublisher.properties})
     * @param dependencies same-bundle libraries to open first (only matters when jnr-ffi did not open the library)
     * @param generation   the generation whose lease every call holds; it adopts the jffi libraries
     *                     the services reach native code through, and cuts the services when it unloads
     * @throws LoadRefusal {@code SYMBOL_MISSING} naming the symbol, the file and the declared symbols it
     *                     does export; {@code MALFORMED_HEADER} for a bad signature or variable type;
     *                     {@code LOAD_FAILED} when jffi cannot open the file. Nothing stays registered.
     */
    public SymbolServices publish(NativeLibrary library, Map<String, ?> properties, List<Path> dependencies,
                                  LibraryGeneration generation) throws LoadRefusal {
        SymbolServices services = publish(library, properties, dependencies, Lease.of(generation), generation::adopt);
        generation.onCut(services::cut);
        return services;
    }

    /** @param adopt told about every jffi {@code Library} the services will hold */
    SymbolServices publish(NativeLibrary library, Map<String, ?> properties, List<Path> dependencies, Lease lease,
                           Consumer<Object> adopt) throws LoadRefusal {
        List<Declared> declared = parse(library);
        Library handle = open(library, dependencies, adopt);
        resolve(library, handle, declared);

        LibraryMetrics libraryMetrics = metrics.open(library);
        List<ServiceRegistration<?>> registrations = new ArrayList<>();
        List<SymbolGuard> guards = new ArrayList<>();
        try {
            for (Declared d : declared) {
                SymbolAddress target = new SymbolAddress(d.address, handle);
                Dictionary<String, Object> props = properties(properties, d.symbol.name());
                if (d.signature != null) {
                    NativeFunctionService f = new NativeFunctionService(d.symbol.name(), d.signature, library,
                            target, lease, libraryMetrics.symbol(d.symbol.name()));
                    guards.add(f);
                    registrations.add(loaderContext.registerService(NativeFunction.class, f, props));
                } else {
                    NativeVariableService v = new NativeVariableService(d.symbol.name(), d.type, library, target,
                            lease);
                    guards.add(v);
                    registrations.add(loaderContext.registerService(NativeVariable.class, v, props));
                }
            }
            return new SymbolServices(registrations, guards, libraryMetrics);
        } catch (RuntimeException e) {
            SymbolServices partial = new SymbolServices(registrations, guards, libraryMetrics);
            partial.unregister();
            partial.cut();
            throw e;
        }
    }

    /** A declared symbol with its parsed signature (function) or type (variable) and, once resolved, its address. */
    private static final class Declared {
        final NativeSymbol symbol;
        final NativeSignature signature;
        final NativeType type;
        long address;

        Declared(NativeSymbol symbol, NativeSignature signature, NativeType type) {
            this.symbol = symbol;
            this.signature = signature;
            this.type = type;
        }
    }

    private static List<Declared> parse(NativeLibrary library) throws LoadRefusal {
        List<Declared> declared = new ArrayList<>();
        for (NativeSymbol symbol : library.symbols()) {
            try {
                if (symbol.kind() == NativeSymbol.Kind.FUNCTION) {
                    declared.add(new Declared(symbol, NativeSignature.parse(symbol.signature()), null));
                } else {
                    NativeType type = NativeType.of(symbol.signature());
                    if (!NativeVariableService.TYPES.contains(type)) {
                        throw new IllegalArgumentException("a variable is one of byte, short, int, long, float, "
                                + "double, pointer, not " + type.token());
                    }
                    declared.add(new Declared(symbol, null, type));
                }
            } catch (IllegalArgumentException e) {
                throw new LoadRefusal(RefusalReason.MALFORMED_HEADER, NativeBundleConstants.HEADER_SYMBOLS + " of library '"
                        + library.name() + "': " + symbol.kind().name().toLowerCase(java.util.Locale.ROOT) + " '"
                        + symbol.name() + "' declared as '" + symbol.signature() + "': " + e.getMessage());
            }
        }
        return declared;
    }

    private static Library open(NativeLibrary library, List<Path> dependencies, Consumer<Object> adopt)
            throws LoadRefusal {
        for (Path dependency : dependencies) {
            // the dynamic linker then finds it by soname; the library's own mapping keeps it loaded
            Library opened = Library.getCachedInstance(dependency.toString(), FLAGS);
            if (opened == null) {
                throw new LoadRefusal(RefusalReason.LOAD_FAILED, "jffi could not open " + dependency + ", a dependency of "
                        + library.file() + ": " + Library.getLastError());
            }
            adopt.accept(opened);
        }
        Library handle = Library.getCachedInstance(library.file().toString(), FLAGS);
        if (handle == null) {
            throw new LoadRefusal(RefusalReason.LOAD_FAILED, "jffi could not open " + library.file() + " of library '"
                    + library.name() + "': " + Library.getLastError());
        }
        // usually the Library jnr-ffi opened (and the generation adopted with the binding) already
        adopt.accept(handle);
        return handle;
    }

    private static void resolve(NativeLibrary library, Library handle, List<Declared> declared) throws LoadRefusal {
        List<String> missing = new ArrayList<>();
        List<String> found = new ArrayList<>();
        for (Declared d : declared) {
            d.address = handle.getSymbolAddress(d.symbol.name());
            (d.address == 0L ? missing : found).add(d.symbol.name());
        }
        if (!missing.isEmpty()) {
            throw new LoadRefusal(RefusalReason.SYMBOL_MISSING, NativeBundleConstants.HEADER_SYMBOLS + " of library '"
                    + library.name() + "' declares " + String.join(", ", missing) + (missing.size() == 1 ? " but " : ", but ")
                    + library.file() + " does not export " + (missing.size() == 1 ? "it" : "them")
                    + " (dlsym found no address); of the declared symbols it exports "
                    + (found.isEmpty() ? "none" : String.join(", ", found)));
        }
    }

    private static Dictionary<String, Object> properties(Map<String, ?> library, String symbol) {
        Hashtable<String, Object> p = new Hashtable<>(library);
        p.put(NativeBundleConstants.SYMBOL, symbol);
        return p;
    }
}
