package io.nativebundle.shell.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import io.nativebundle.api.NativeBundleStatus;
import io.nativebundle.api.NativeBundleVerifier;
import io.nativebundle.api.NativeFunction;
import io.nativebundle.api.NativeLibrary;
import io.nativebundle.api.NativeLibraryRegistry;
import io.nativebundle.api.NativeMetrics;
import io.nativebundle.api.RemoteStats;
import io.nativebundle.api.NativeSymbol;
import io.nativebundle.api.NativeVariable;
import io.nativebundle.api.VerificationReport;
import io.nativebundle.contract.LockFile;

/**
 * What the {@code native:} commands do, whichever shell runs them: Gogo ({@code gogo.NativeCommands})
 * or Apache Karaf's (the io.nativebundle.karaf bundle embeds this package). Each method reads the
 * nativebundle services, hands the work to a view or parser, and returns the text to print. A
 * command that cannot do what was asked throws, with a one-line message.
 *
 * <p>The services are optional: without the loader the commands still exist and say what is
 * missing.
 */
public final class NativeShell {

    private final BundleContext context;
    private final Supplier<NativeLibraryRegistry> registry;
    private final Supplier<NativeMetrics> metrics;
    private final Supplier<NativeBundleVerifier> verifier;
    private final NativeServices services;

    /**
     * @param context  the context of the bundle the commands run in
     * @param registry the loader's registry, or null when none is registered
     * @param metrics  the loader's metrics, or null
     * @param verifier the loader's verifier, or null
     */
    public NativeShell(BundleContext context, Supplier<NativeLibraryRegistry> registry,
            Supplier<NativeMetrics> metrics, Supplier<NativeBundleVerifier> verifier) {
        this.context = context;
        this.registry = registry;
        this.metrics = metrics;
        this.verifier = verifier;
        this.services = new NativeServices(context);
    }

    /**
     * {@code native:list}: one row per native bundle, then what is exported and imported;
     * optionally only one tenant's bundles and remote services.
     */
    public String list(boolean json, String tenant) {
        List<NativeBundleStatus> statuses = registry().statuses();
        List<LibraryRow> rows = statuses.stream().map(s -> LibraryRow.of(s, headers(s.bundleId())))
                .filter(r -> tenant.isEmpty() || r.tenant().map(tenant::equals).orElse(false))
                .collect(Collectors.toList());
        List<RemoteRow> remote = RemoteView.rows(context).stream()
                .filter(r -> tenant.isEmpty() || tenant.equals(r.tenant())).collect(Collectors.toList());
        if (json) {
            Map<Long, Long> generations = new HashMap<>();
            statuses.forEach(s -> s.loaded().ifPresent(l -> generations.put(s.bundleId(), l.generation())));
            return ListView.json(rows, generations, remote);
        }
        String section = RemoteView.text(remote);
        return section.isEmpty() ? ListView.table(rows) : ListView.table(rows) + "\n\n" + section;
    }

    /** {@code native:info}: everything about one native bundle. */
    public String info(boolean json, String idOrName) {
        NativeBundleStatus status = libraries().one(idOrName);
        LibraryRow row = LibraryRow.of(status, headers(status.bundleId()));
        Optional<BundleFacts> bundle = Optional.ofNullable(context.getBundle(status.bundleId())).map(BundleFacts::of);
        NativeMetrics m = metrics.get();
        Optional<Boolean> metricsOn = m == null ? Optional.empty() : Optional.of(m.isEnabled(status.library()));
        return json ? InfoView.json(status, row, bundle, metricsOn) : InfoView.text(status, row, bundle, metricsOn);
    }

    /** {@code native:symbols}: the symbols of a loaded library. */
    public String symbols(boolean json, String library) {
        NativeLibrary lib = libraries().active(library);
        return json ? SymbolsView.json(lib) : SymbolsView.table(lib);
    }

    /**
     * {@code native:call}: calls a function by name, the arguments read by its signature. Prints
     * the result on one line, then each out-parameter as {@code name=value} on its own line, then
     * {@code errno=<n> (<message>)} when the signature captures errno and it is not 0.
     */
    public String call(String library, String symbol, List<String> args) {
        ServiceReference<NativeFunction> ref = services.newest(NativeFunction.class, library, symbol)
                .orElseThrow(() -> SymbolErrors.noFunction(libraries(), library, symbol));
        // not Optional.map: a void function's result is null, which map would take for "no service"
        return services.use(ref, f -> {
            Object[] values = ValueParser.arguments(library, symbol, f.signature(), args);
            if (f.signature().isBasic()) {
                return ValueFormatter.format(f.signature().returnType(), f.invoke(values));
            }
            return CallOutput.format(f.signature(), f.call(values));
        });
    }

    /** {@code native:get}: the value of an exported variable. */
    public String get(String library, String symbol) {
        ServiceReference<NativeVariable> ref = services.newest(NativeVariable.class, library, symbol)
                .orElseThrow(() -> SymbolErrors.noVariable(libraries(), library, symbol));
        return services.use(ref, v -> ValueFormatter.format(v.type(), v.get()));
    }

    /** {@code native:set}: writes an exported variable. */
    public void set(String library, String symbol, String value) {
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

    /** {@code native:stats}: per-symbol metrics; {@code on}/{@code off} (may be empty) switch a library's. */
    public String stats(boolean json, String on, String off, List<String> libraries) {
        NativeMetrics m = metrics.get();
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
        if (!switched.isEmpty() && libraries.isEmpty()) {
            return String.join("\n", switched);
        }
        // the calls through imports, apart from the local symbols', for the libraries asked about
        List<RemoteStats> remote = m.remote().stream()
                .filter(r -> libraries.isEmpty() || libraries.contains(r.library())).collect(Collectors.toList());
        List<StatsView.LibraryStats> stats = new ArrayList<>();
        for (String name : statsLibraries(m, libraries, remote, json)) {
            stats.add(new StatsView.LibraryStats(name, m.isEnabled(name), m.stats(name)));
        }
        String view = json ? StatsView.json(stats, remote) : StatsView.table(stats);
        if (!json && !remote.isEmpty()) {
            view = view + "\n\n" + StatsView.remote(remote);
        }
        return switched.isEmpty() ? view : String.join("\n", switched) + "\n\n" + view;
    }

    /**
     * {@code native:verify}: prints every check of a jar to {@code out}, then throws with the
     * verdict when one failed (so a failed run still shows every check).
     *
     * @param currentDir where a relative path is read from
     */
    public void verify(boolean json, String location, Path currentDir, PrintStream out) {
        verify(json, location, "", "", currentDir, out);
    }

    /**
     * {@code native:verify --trust <store>}: as {@link #verify(boolean, String, Path, PrintStream)}, the
     * signature checked against {@code trust} (empty: the runtime's trust store, if any).
     */
    public void verify(boolean json, String location, String trust, String password, Path currentDir, PrintStream out) {
        NativeBundleVerifier v = verifier.get();
        if (v == null) {
            throw new IllegalStateException("native:verify needs a NativeBundleVerifier service and none is"
                    + " registered; is the nativebundle loader running?");
        }
        VerificationReport report;
        try (JarSource jar = JarSource.open(location, currentDir)) {
            char[] secret = Passwords.read(password, currentDir);
            report = trust.isEmpty() ? v.verify(jar.path())
                    : v.verify(jar.path(), currentDir.resolve(trust), secret == null ? null : new String(secret));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot verify " + location + ": " + e.getMessage(), e);
        }
        out.println(json ? VerifyView.json(report) : VerifyView.text(report));
        if (!VerifyView.passed(report)) {
            throw new IllegalStateException(VerifyView.verdict(location, report));
        }
        if (!json) {
            out.println(VerifyView.summary(location, report));
        }
    }

    /**
     * {@code native:lock}: writes the SHA-256 of every native file of every loaded library, per
     * tenant, to {@code file} (atomically), in the lock file format of {@code io.nativebundle.lockfile}.
     *
     * @return e.g. {@code locked 3 file(s) of 2 librar(ies) in /srv/nativebundle.lock}
     */
    public String lock(Path file) {
        List<LockFile.Line> lines = new ArrayList<>();
        List<NativeLibrary> loaded = registry().statuses().stream().flatMap(s -> s.loaded().stream()).toList();
        for (NativeLibrary library : loaded) {
            library.digests().forEach((entry, sha256) -> lines.add(new LockFile.Line(library.tenant(), library.name(),
                    library.version().toString(), entry, sha256)));
        }
        try {
            Path target = file.toAbsolutePath();
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try {
                Files.writeString(temp, LockFile.format(lines), StandardCharsets.UTF_8);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
            return "locked " + lines.size() + " file(s) of " + loaded.size() + " librar" + (loaded.size() == 1 ? "y" : "ies")
                    + " in " + target;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write the lock file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Completion: the names of the loaded libraries; empty without a loader. */
    public List<String> libraryNames() {
        NativeLibraryRegistry r = registry.get();
        return r == null ? List.of() : new Libraries(r.statuses()).loadedNames();
    }

    /** Completion: the symbols of the loaded library {@code library} names; empty when none is loaded. */
    public List<String> symbolNames(String library) {
        try {
            return libraries().active(library).symbols().stream().map(NativeSymbol::name).toList();
        } catch (RuntimeException e) {
            // nothing to complete: no loader, or no library of that name is loaded
            return List.of();
        }
    }

    private NativeLibraryRegistry registry() {
        NativeLibraryRegistry r = registry.get();
        if (r == null) {
            throw new IllegalStateException("no NativeLibraryRegistry service is registered;"
                    + " is the nativebundle loader (io.nativebundle.loader) running?");
        }
        return r;
    }

    private Libraries libraries() {
        return new Libraries(registry().statuses());
    }

    /** The libraries to show: the ones named, each of which must be loaded, or every loaded one. */
    /**
     * The libraries asked about (loaded, counted, or imported: in {@code remote}), or else every
     * loaded or counted one, and with {@code withImported} those of {@code remote} too (for
     * {@code --json}, where an imported library's rows belong to its object; the table shows them
     * in a section of their own).
     */
    private List<String> statsLibraries(NativeMetrics m, List<String> names, List<RemoteStats> remote,
            boolean withImported) {
        NativeLibraryRegistry r = registry.get();
        Libraries libs = new Libraries(r == null ? List.of() : r.statuses());
        if (!names.isEmpty()) {
            for (String name : names) {
                if (r != null && !libs.loadedNames().contains(name) && m.stats(name).isEmpty()
                        && remote.stream().noneMatch(s -> s.library().equals(name))) {
                    throw new IllegalArgumentException(libs.unknownLibrary(name));
                }
            }
            return names;
        }
        Set<String> all = new LinkedHashSet<>(libs.loadedNames());
        m.stats().forEach(s -> all.add(s.library()));
        // a library only imported here has no symbols of its own, but its remote rows belong to it
        if (withImported) {
            remote.forEach(s -> all.add(s.library()));
        }
        return new ArrayList<>(all);
    }

    private String notLoaded(String library) {
        NativeLibraryRegistry r = registry.get();
        return r != null && !new Libraries(r.statuses()).loadedNames().contains(library)
                ? " (not loaded now; applies when it loads)" : "";
    }

    private Map<String, String> headers(long bundleId) {
        return BundleFacts.headers(context.getBundle(bundleId));
    }
}
