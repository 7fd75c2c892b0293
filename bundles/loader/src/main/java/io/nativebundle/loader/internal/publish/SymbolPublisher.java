package io.nativebundle.loader.internal.publish;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.osgi.framework.BundleContext;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeFunction;
import io.nativebundle.api.NativeLibrary;
import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.NativeSymbol;
import io.nativebundle.api.NativeType;
import io.nativebundle.api.NativeVariable;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.contract.TypeName;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.call.Lease;
import io.nativebundle.loader.internal.call.NativeFunctionService;
import io.nativebundle.loader.internal.call.NativeVariableService;
import io.nativebundle.loader.internal.metrics.LibraryMetrics;
import io.nativebundle.loader.internal.metrics.MetricsRegistry;
import io.nativebundle.loader.internal.metrics.SymbolMetrics;
import io.nativebundle.loader.internal.open.LibraryGeneration;
import io.nativebundle.loader.internal.tenant.ServiceGate;

/**
 * Publishes the symbols a library declares in {@code NativeBundle-Symbols}: a
 * {@link NativeFunction} service per function and a {@link NativeVariable} service per variable,
 * registered by the loader with the library's service properties plus {@code nativebundle.symbol},
 * through the tenant gate (only bundles that may see the library's tenant get the object). Each
 * service guards the invoker or accessor the generation's backend made for its symbol.
 *
 * <pre>{@code
 * symbolPublisher.publish(loaded, ServicePublisher.properties(loaded), generation, publication);
 * ...                                           // on unload:
 * publication.unregister();                     // the generation cuts the services itself
 * }</pre>
 */
public final class SymbolPublisher {

    private final BundleContext loaderContext;
    private final MetricsRegistry metrics;
    private final ServiceGate gate;

    /** @param gate what each service is registered through: {@code Tenants.gate()} */
    public SymbolPublisher(BundleContext loaderContext, MetricsRegistry metrics, ServiceGate gate) {
        this.loaderContext = loaderContext;
        this.metrics = metrics;
        this.gate = gate;
    }

    /**
     * Resolves every declared symbol and registers its service into {@code publication}, which the
     * caller unregisters should the load be refused after all.
     *
     * @param library    the loaded library
     * @param properties the library's service properties ({@code ServicePublisher.properties})
     * @param generation the opened generation: its backend makes the invokers, every call holds its
     *                   lease, and it cuts the services when it unloads
     * @throws LoadRefusal {@code SYMBOL_MISSING} naming the symbol, the file and the declared symbols it
     *                     does export; {@code MALFORMED_HEADER} for a bad signature or variable type
     */
    public void publish(NativeLibrary library, Map<String, ?> properties, LibraryGeneration generation,
                        Publication publication) throws LoadRefusal {
        publish(library, properties, generation, publication, symbol -> Map.of());
    }

    /**
     * As {@link #publish(NativeLibrary, Map, LibraryGeneration, Publication)}, with properties added
     * to the service of each function, e.g. the Remote Services properties of an exported one.
     *
     * @param extra the properties to add for a function symbol's name; empty for none
     */
    public void publish(NativeLibrary library, Map<String, ?> properties, LibraryGeneration generation,
                        Publication publication, Function<String, Map<String, Object>> extra) throws LoadRefusal {
        generation.onCut(publication::cut);
        publish(library, properties, generation, Lease.of(generation), publication, extra);
    }

    /** @param lease what every call takes; the generation's own in the public {@code publish} */
    void publish(NativeLibrary library, Map<String, ?> properties, LibraryGeneration generation, Lease lease,
                 Publication publication) throws LoadRefusal {
        publish(library, properties, generation, lease, publication, symbol -> Map.of());
    }

    private void publish(NativeLibrary library, Map<String, ?> properties, LibraryGeneration generation, Lease lease,
                 Publication publication, Function<String, Map<String, Object>> extra) throws LoadRefusal {
        List<Declared> declared = parse(library);
        resolve(library, generation, declared);

        LibraryMetrics libraryMetrics = metrics.open(library);
        publication.metrics(libraryMetrics);
        for (Declared d : declared) {
            String name = d.symbol.name();
            Dictionary<String, Object> props = properties(properties, name);
            if (d.signature != null) {
                props = withExtra(props, extra.apply(name));
                if (d.symbol.leaf()) {
                    props.put(NativeBundleConstants.LEAF, Boolean.TRUE);
                }
                SymbolMetrics symbolMetrics = libraryMetrics.symbol(name);
                NativeFunctionService f = new NativeFunctionService(name, d.signature, library,
                        generation.function(name, d.signature, symbolMetrics.callbackErrors(), d.symbol.leaf()),
                        lease, symbolMetrics);
                publication.guarded(f);
                publication.registered(loaderContext.registerService(NativeFunction.class.getName(),
                        gate.guard(library.tenant(), f, "NativeFunction " + name + " of library " + library.name()),
                        props));
            } else {
                NativeVariableService v = new NativeVariableService(name, d.type, library,
                        generation.variable(name, d.type), lease);
                publication.guarded(v);
                publication.registered(loaderContext.registerService(NativeVariable.class.getName(),
                        gate.guard(library.tenant(), v, "NativeVariable " + name + " of library " + library.name()),
                        props));
            }
        }
    }

    /** A declared symbol with its parsed signature (function) or type (variable). */
    private record Declared(NativeSymbol symbol, NativeSignature signature, NativeType type) {
    }

    /**
     * The API's types of each symbol. A bundle's header was checked by the contract's rules when it
     * was read ({@code BundleManifest}); a description that did not come from a header is held to
     * the same rules here, with the same reason.
     */
    private static List<Declared> parse(NativeLibrary library) throws LoadRefusal {
        List<Declared> declared = new ArrayList<>();
        for (NativeSymbol symbol : library.symbols()) {
            try {
                if (symbol.kind() == NativeSymbol.Kind.FUNCTION) {
                    declared.add(new Declared(symbol, NativeSignature.parse(symbol.signature()), null));
                } else {
                    NativeType type = NativeType.of(symbol.signature());
                    if (!NativeVariableService.isVariableType(type)) {
                        throw new IllegalArgumentException("a variable is one of " + TypeName.variableVocabulary()
                                + ", not " + type.token());
                    }
                    declared.add(new Declared(symbol, null, type));
                }
            } catch (IllegalArgumentException e) {
                throw new LoadRefusal(RefusalReason.MALFORMED_HEADER, NativeBundleConstants.HEADER_SYMBOLS + " of library '"
                        + library.name() + "': " + symbol.kind().name().toLowerCase(Locale.ROOT) + " '"
                        + symbol.name() + "' declared as '" + symbol.signature() + "': " + e.getMessage());
            }
        }
        return declared;
    }

    private static void resolve(NativeLibrary library, LibraryGeneration generation, List<Declared> declared)
            throws LoadRefusal {
        List<String> missing = new ArrayList<>();
        List<String> found = new ArrayList<>();
        for (Declared d : declared) {
            (generation.exports(d.symbol.name()) ? found : missing).add(d.symbol.name());
        }
        if (!missing.isEmpty()) {
            throw new LoadRefusal(RefusalReason.SYMBOL_MISSING, NativeBundleConstants.HEADER_SYMBOLS + " of library '"
                    + library.name() + "' declares " + String.join(", ", missing) + (missing.size() == 1 ? " but " : ", but ")
                    + library.file() + " does not export " + (missing.size() == 1 ? "it" : "them")
                    + " (dlsym found no address); of the declared symbols it exports "
                    + (found.isEmpty() ? "none" : String.join(", ", found)));
        }
    }

    private static Dictionary<String, Object> withExtra(Dictionary<String, Object> props, Map<String, Object> extra) {
        Hashtable<String, Object> p = new Hashtable<>();
        for (Enumeration<String> keys = props.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            p.put(key, props.get(key));
        }
        p.putAll(extra);
        return p;
    }

    private static Dictionary<String, Object> properties(Map<String, ?> library, String symbol) {
        Hashtable<String, Object> p = new Hashtable<>(library);
        p.put(NativeBundleConstants.SYMBOL, symbol);
        return p;
    }
}
