package io.nativebundle.shell.internal.gogo;

import java.nio.file.Path;
import java.util.Arrays;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.nativebundle.api.NativeBundleVerifier;
import io.nativebundle.api.NativeLibraryRegistry;
import io.nativebundle.api.NativeMetrics;
import io.nativebundle.shell.internal.CommandHelp;
import io.nativebundle.shell.internal.NativeShell;

/**
 * The Gogo commands of scope {@code native}: the Gogo face of {@link NativeShell}, which does the
 * work and returns the text Gogo prints. A command that cannot do what was asked throws, with a
 * one-line message: Gogo shows it, and the launcher's exec mode exits non-zero.
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
        "osgi.command.function=verify",
        "osgi.command.function=lock"
})
public class NativeCommands {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile NativeLibraryRegistry registry;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile NativeMetrics metrics;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile NativeBundleVerifier verifier;

    private NativeShell shell;

    @Activate
    void activate(BundleContext bundleContext) {
        this.shell = new NativeShell(bundleContext, () -> registry, () -> metrics, () -> verifier);
    }

    @Descriptor(CommandHelp.LIST)
    public String list(
            @Descriptor(CommandHelp.JSON) @Parameter(names = "--json", presentValue = "true", absentValue = "false") boolean json,
            @Descriptor(CommandHelp.LIST_TENANT) @Parameter(names = "--tenant", absentValue = "") String tenant) {
        return shell.list(json, tenant);
    }

    @Descriptor(CommandHelp.INFO)
    public String info(
            @Descriptor(CommandHelp.JSON) @Parameter(names = "--json", presentValue = "true", absentValue = "false") boolean json,
            @Descriptor(CommandHelp.INFO_BUNDLE) String idOrName) {
        return shell.info(json, idOrName);
    }

    @Descriptor(CommandHelp.SYMBOLS)
    public String symbols(
            @Descriptor(CommandHelp.JSON) @Parameter(names = "--json", presentValue = "true", absentValue = "false") boolean json,
            @Descriptor(CommandHelp.SYMBOLS_LIBRARY) String library) {
        return shell.symbols(json, library);
    }

    @Descriptor(CommandHelp.CALL)
    public String call(
            @Descriptor(CommandHelp.CALL_LIBRARY) String library,
            @Descriptor(CommandHelp.CALL_SYMBOL) String symbol,
            @Descriptor(CommandHelp.CALL_ARGS) String... args) {
        return shell.call(library, symbol, Arrays.asList(args));
    }

    @Descriptor(CommandHelp.GET)
    public String get(
            @Descriptor(CommandHelp.VARIABLE_LIBRARY) String library,
            @Descriptor(CommandHelp.VARIABLE_SYMBOL) String symbol) {
        return shell.get(library, symbol);
    }

    @Descriptor(CommandHelp.SET)
    public void set(
            @Descriptor(CommandHelp.VARIABLE_LIBRARY) String library,
            @Descriptor(CommandHelp.VARIABLE_SYMBOL) String symbol,
            @Descriptor(CommandHelp.SET_VALUE) String value) {
        shell.set(library, symbol, value);
    }

    @Descriptor(CommandHelp.STATS)
    public String stats(
            @Descriptor(CommandHelp.JSON) @Parameter(names = "--json", presentValue = "true", absentValue = "false") boolean json,
            @Descriptor(CommandHelp.STATS_ON) @Parameter(names = "--on", absentValue = "") String on,
            @Descriptor(CommandHelp.STATS_OFF) @Parameter(names = "--off", absentValue = "") String off,
            @Descriptor(CommandHelp.STATS_LIBRARIES) String... libraries) {
        return shell.stats(json, on, off, Arrays.asList(libraries));
    }

    @Descriptor(CommandHelp.VERIFY)
    public void verify(CommandSession session,
            @Descriptor(CommandHelp.JSON) @Parameter(names = "--json", presentValue = "true", absentValue = "false") boolean json,
            @Descriptor(CommandHelp.VERIFY_TRUST) @Parameter(names = "--trust", absentValue = "") String trust,
            @Descriptor(CommandHelp.VERIFY_PASSWORD) @Parameter(names = "--password", absentValue = "") String password,
            @Descriptor(CommandHelp.VERIFY_LOCATION) String location) {
        // Gogo routes System.out to this session's output
        shell.verify(json, location, trust, password, currentDir(session), System.out);
    }

    @Descriptor(CommandHelp.LOCK)
    public String lock(CommandSession session, @Descriptor(CommandHelp.LOCK_FILE) String file) {
        return shell.lock(currentDir(session).resolve(file));
    }

    private static Path currentDir(CommandSession session) {
        Path dir = session.currentDir();
        return dir != null ? dir : Path.of("").toAbsolutePath();
    }
}
