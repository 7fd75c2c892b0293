package io.nativebundle.shell.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.nativebundle.api.NativeBundleStatus;
import io.nativebundle.api.NativeBundleVerifier;
import io.nativebundle.api.NativeFunction;
import io.nativebundle.api.NativeLibrary;
import io.nativebundle.api.NativeLibraryRegistry;
import io.nativebundle.api.NativeMetrics;
import io.nativebundle.api.NativeVariable;
import io.nativebundle.api.VerificationReport;

/**
 * The Gogo commands of scope {@code native}. Each command reads the nativebundle services,
 * hands the work to a view or parser, and returns the text Gogo prints. A command that cannot do
 * what was asked throws, with a one-line message: Gogo shows it, and the launcher's exec mode
 * exits non-zero.
 *
 * <p>Every public method is a command (Gogo calls any public method by name), so helpers stay
 * private. The services are optional: without the loader the commands still exist and
 * say what is missing.
 */
@Component(service = NativeCommands.class, immediate = true, property = {
        "osgi.command.scope=native",
        "osgi.command.function=list",
        "osgi.command.function=info",
        "osgi.command.function=symbols",
        "osgi.command.function=call",
        "osgi.command.function=get",
        "osgi.command.function=set",
        "osgi.command.function=stats",
        "osgi.command.function=verify"
})
public class NativeCommands {

    private static final String JSON = "print JSON instead of a table";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile NativeLibraryRegistry registry;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile NativeMetrics metrics;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile NativeBundleVerifier verifier;

    private BundleContext context;
    private NativeServices services;

    @Activate
    void activate(BundleContext bundleContext) {
        this.context = bundleContext;
        this.services = new NativeServices(bundleContext);
    }

    @Descriptor("lists the native bundles: id, library, version, platform, state (ACTIVE, REFUSED with its reason,"
            + " UNRESOLVED, UNLOADED), tenant, namespace and the first 12 digits of the SHA-256")
    public String list(
            @Descriptor(JSON) @Parameter(names = "--json", presentValue = "true", absentValue = "false") boolean json,
            @Descriptor("only the bundles of this tenant") @Parameter(names = "--tenant", absentValue = "") String tenant) {
        List<LibraryRow> rows = rows().stream()
                .filter(r -> tenant.isEmpty() || r.tenant().map(tenant::equals).orElse(false))
                .collect(Collectors.toList());
        return json ? ListView.json(rows) : ListView.table(rows);
    }

    @Descriptor("shows everything about one native bundle: bundle, state, the entry loaded and its cache path,"
            + " platform, digest, generation and symbols, or why it was refused or does not resolve")
    public String info(
            @Descriptor(JSON) @Parameter(names = "--json", presentValue = "true", absentValue = "false") boolean json,
            @Descriptor("bundle id, library name (e.g. math), namespace or symbolic name") String idOrName) {
        NativeBundleStatus status = libraries().one(idOrName);
        LibraryRow row = LibraryRow.of(status, headers(status.bundleId()));
        Optional<BundleFacts> bundle = Optional.ofNullable(context.getBundle(status.bundleId())).map(BundleFacts::of);
        NativeMetrics m = metrics;
        Optional<Boolean> metricsOn = m == null ? Optional.empty() : Optional.of(m.isEnabled(status.library()));
        return json ? InfoView.json(status, row, bundle, metricsOn) : InfoView.text(status, row, bundle, metricsOn);
    }

    @Descriptor("lists the symbols a loaded library declares, with kind and signature")
    public String symbols(
            @Descriptor(JSON) @Parameter(names = "--json", presentValue = "true", absentValue = "false") boolean json,
            @Descriptor("library name (e.g. math), namespace or bundle id") String library) {
        NativeLibrary lib = libraries().active(library);
        return json ? SymbolsView.json(lib) : SymbolsView.table(lib);
    }

    @Descriptor("calls a native function by name and prints its result, e.g. native:call math add 2 3")
    public String call(
            @Descriptor("library name (e.g. math) or namespace (e.g. acme/math/v1)") String library,
            @Descriptor("the function's symbol, e.g. add") String symbol,
            @Descriptor("the arguments, read by the declared signature: integers and pointers in decimal or 0x hex,"
                    + " float and double as 2.5, boolean as true/false/1/0, string as given,"
                    + " buffer as text (its UTF-8 bytes) or hex:0a0b") String... args) {
        ServiceReference<NativeFunction> ref = services.newest(NativeFunction.class, library, symbol)
                .orElseThrow(() -> SymbolErrors.noFunction(libraries(), library, symbol));
        // not Optional.map: a void function's result is null, which map would take for "no service"
        return services.use(ref, f -> {
            Object[] values = ValueParser.arguments(library, symbol, f.signature(), Arrays.asList(args));
            return ValueFormatter.format(f.signature().returnType(), f.invoke(values));
        });
    }

    @Descriptor("prints the value of an exported native variable, e.g. native:get math counter")
    public String get(
            @Descriptor("library name (e.g. math) or namespace") String library,
            @Descriptor("the variable's symbol, e.g. counter") String symbol) {
        ServiceReference<NativeVariable> ref = services.newest(NativeVariable.class, library, symbol)
                .orElseThrow(() -> SymbolErrors.noVariable(libraries(), library, symbol));
        return services.use(ref, v -> ValueFormatter.format(v.type(), v.get()));
    }

    @Descriptor("writes an exported native variable, e.g. native:set math counter 41")
    public void set(
            @Descriptor("library name (e.g. math) or namespace") String library,
            @Descriptor("the variable's symbol, e.g. counter") String symbol,
            @Descriptor("the new value, read by the variable's type: decimal or 0x hex, or 2.5 for float and double")
            String value) {
        ServiceReference<NativeVariable> ref = services.newest(NativeVariable.class, library, symbol)
                .orElseThrow(() -> SymbolErrors.noVariable(libraries(), library, symbol));
        services.use(ref, v -> {
            try {
                v.set(ValueParser.parse(v.type(), value));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(symbol + " of " + library + " is "
                        + ValueParser.article(v.type()) + ": " + e.getMessage(), e);
            }
            return v;
        });
    }

    @Descriptor("shows per-symbol calls, errors and mean, p50 and p99 latency; --on/--off switch metrics of a library")
    public String stats(
            @Descriptor(JSON) @Parameter(names = "--json", presentValue = "true", absentValue = "false") boolean json,
            @Descriptor("switch metrics on for this library") @Parameter(names = "--on", absentValue = "") String on,
            @Descriptor("switch metrics off for this library") @Parameter(names = "--off", absentValue = "") String off,
            @Descriptor("the libraries to show; every loaded library when none is given") String... libraries) {
        NativeMetrics m = metrics;
        if (m == null) {
            throw new IllegalStateException("no NativeMetrics service is registered: the loader of this runtime"
                    + " does not collect metrics");
        }
        List<String> switched = new ArrayList<>();
        if (!on.isEmpty()) {
            m.setEnabled(on, true);
            switched.add("metrics are on for " + on + notLoaded(on));
        }
        if (!off.isEmpty()) {
            m.setEnabled(off, false);
            switched.add("metrics are off for " + off + notLoaded(off));
        }
        if (!switched.isEmpty() && libraries.length == 0) {
            return String.join("\n", switched);
        }
        List<StatsView.LibraryStats> stats = new ArrayList<>();
        for (String name : statsLibraries(m, libraries)) {
            stats.add(new StatsView.LibraryStats(name, m.isEnabled(name), m.stats(name)));
        }
        String view = json ? StatsView.json(stats) : StatsView.table(stats);
        return switched.isEmpty() ? view : String.join("\n", switched) + "\n\n" + view;
    }

    @Descriptor("checks a native bundle jar without installing it; prints PASS or FAIL per check and fails"
            + " if any check failed")
    public void verify(CommandSession session,
            @Descriptor(JSON) @Parameter(names = "--json", presentValue = "true", absentValue = "false") boolean json,
            @Descriptor("the jar: a path, a file: URL, or any URL to download, e.g. file:/plugins/math.jar")
            String location) {
        NativeBundleVerifier v = verifier;
        if (v == null) {
            throw new IllegalStateException("native:verify needs a NativeBundleVerifier service and none is"
                    + " registered; is the nativebundle loader running?");
        }
        VerificationReport report;
        try (JarSource jar = JarSource.open(location, currentDir(session))) {
            report = v.verify(jar.path());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot verify " + location + ": " + e.getMessage(), e);
        }
        // printed before the verdict is thrown, so a failed run still shows every check
        System.out.println(json ? VerifyView.json(report) : VerifyView.text(report));
        if (!VerifyView.passed(report)) {
            throw new IllegalStateException(VerifyView.verdict(location, report));
        }
        if (!json) {
            System.out.println(VerifyView.summary(location, report));
        }
    }

    private NativeLibraryRegistry registry() {
        NativeLibraryRegistry r = registry;
        if (r == null) {
            throw new IllegalStateException("no NativeLibraryRegistry service is registered;"
                    + " is the nativebundle loader (io.nativebundle.loader) running?");
        }
        return r;
    }

    private Libraries libraries() {
        return new Libraries(registry().statuses());
    }

    private List<LibraryRow> rows() {
        return registry().statuses().stream().map(s -> LibraryRow.of(s, headers(s.bundleId())))
                .collect(Collectors.toList());
    }

    /** The libraries to show: the ones named, each of which must be loaded, or every loaded one. */
    private List<String> statsLibraries(NativeMetrics m, String[] names) {
        NativeLibraryRegistry r = registry;
        Libraries libs = new Libraries(r == null ? List.of() : r.statuses());
        if (names.length > 0) {
            for (String name : names) {
                if (r != null && !libs.loadedNames().contains(name) && m.stats(name).isEmpty()) {
                    throw new IllegalArgumentException(libs.unknownLibrary(name));
                }
            }
            return Arrays.asList(names);
        }
        Set<String> all = new LinkedHashSet<>(libs.loadedNames());
        m.stats().forEach(s -> all.add(s.library()));
        return new ArrayList<>(all);
    }

    private String notLoaded(String library) {
        NativeLibraryRegistry r = registry;
        return r != null && !new Libraries(r.statuses()).loadedNames().contains(library)
                ? " (not loaded now; applies when it loads)" : "";
    }

    private Map<String, String> headers(long bundleId) {
        return BundleFacts.headers(context.getBundle(bundleId));
    }

    private static Path currentDir(CommandSession session) {
        Path dir = session.currentDir();
        return dir != null ? dir : Path.of("").toAbsolutePath();
    }
}
