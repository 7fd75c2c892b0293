package io.nativebundle.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

import io.nativebundle.binary.host.HostLibc;
import io.nativebundle.binary.host.HostPlatform;
import io.nativebundle.binary.host.LibcOverride;

/**
 * Starts the nativebundle runtime: an embedded Felix framework with the core bundles of
 * {@code bundle/} and FileInstall on {@code plugins/}.
 *
 * <pre>
 * nativebundle                              # interactive Gogo shell
 * nativebundle exec 'lb; example:add 2 3'   # run commands, then exit
 * nativebundle --plugins DIR --cache DIR ...
 * </pre>
 *
 * In both modes the launcher waits (up to {@code --wait} seconds) until FileInstall has started
 * the plugins present at launch, reports those that fail on stderr, and only then starts the
 * console or runs the commands.
 *
 * <p>Exit codes: 0 success; 1 a command failed; 2 bad command line; 3 the runtime could not start.
 * Errors are one line on stderr; {@code --verbose} adds stack traces.
 */
public final class Launcher {

    static final int OK = 0;
    static final int COMMAND_FAILED = 1;
    static final int USAGE = 2;
    static final int STARTUP_FAILED = 3;

    /** Gogo's line-editing console (JLine), for the interactive mode. */
    static final String GOGO_JLINE = "org.apache.felix.gogo.jline";
    /** Gogo's plain console, for exec mode: its builtins (echo, each, grep) without touching the terminal. */
    static final String GOGO_PLAIN = "org.apache.felix.gogo.shell";
    /** FileInstall's artifactId: it starts last, after the bundles of {@code bundle/remote/} too. */
    static final String FILEINSTALL = "org.apache.felix.fileinstall";
    /** The folder below {@code bundle/} with the optional role remote, installed with {@code --remote}. */
    static final String REMOTE_FOLDER = "remote";
    /** slf4j-simple's level, a system property; {@code --remote} makes it {@code warn} unless set. */
    static final String SLF4J_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration GOGO_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration QUIET = Duration.ofMillis(200);
    private static final Duration QUIET_MAX = Duration.ofSeconds(3);

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    Launcher(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    /** Runs the launcher and exits the JVM with its exit code. */
    public static void main(String[] args) {
        // Keep the real streams: Gogo replaces System.out/err with per-thread streams once it runs.
        int code = new Launcher(System.in, System.out, System.err).run(args);
        System.exit(code);
    }

    int run(String... args) {
        LauncherArgs parsed;
        try {
            parsed = LauncherArgs.parse(args);
        } catch (UsageException e) {
            err.println("nativebundle: " + e.getMessage());
            err.println(LauncherArgs.USAGE);
            return USAGE;
        }
        if (parsed.help()) {
            out.println(LauncherArgs.USAGE);
            return OK;
        }
        if (parsed.plugins().isPresent() && !Files.isDirectory(parsed.plugins().get())) {
            err.println("nativebundle: plugins folder " + parsed.plugins().get().toAbsolutePath()
                    + " does not exist");
            return USAGE;
        }

        Framework framework = null;
        try {
            Layout layout = Layout.of(Layout.locateHome(), parsed);
            createFolders(layout);
            ConsoleMode mode = ConsoleMode.of(parsed.commands().isPresent());
            Map<String, String> properties = FrameworkProperties.create(layout, mode, hostLibc());
            properties.putAll(parsed.properties());
            if (parsed.remote()) {
                // Aries RSA logs through slf4j-simple, which reads system properties only: warnings and errors
                System.setProperty(SLF4J_LEVEL, System.getProperty(SLF4J_LEVEL, "warn"));
            }
            framework = start(properties);
            BundleContext context = framework.getBundleContext();
            CoreBundles core = new CoreBundles(layout.bundles());
            List<Bundle> consoles = provisionCoreBundles(context, core,
                    parsed.remote() ? new CoreBundles(layout.bundles().resolve(REMOTE_FOLDER)) : null);
            awaitPlugins(context, layout, parsed);
            // The console starts last, so that the first command typed (or read from a pipe)
            // already finds the plugins' commands and services; the one this mode does not use goes.
            core.start(console(consoles, mode.bundle()));
            if (mode != ConsoleMode.EXEC) {
                // The console owns stdin now; it stops the framework on exit or end of input.
                framework.waitForStop(0);
                return OK;
            }
            return exec(context, parsed);
        } catch (LaunchException e) {
            err.println("nativebundle: " + e.getMessage());
            if (parsed.verbose()) {
                e.printStackTrace(err);
            }
            return STARTUP_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("nativebundle: interrupted");
            return STARTUP_FAILED;
        } catch (IllegalStateException e) {
            // The framework was stopped under us (a signal during startup): its context is invalid.
            err.println("nativebundle: the framework stopped: " + Messages.oneLine(e));
            if (parsed.verbose()) {
                e.printStackTrace(err);
            }
            return STARTUP_FAILED;
        } finally {
            stop(framework);
        }
    }

    /**
     * The host's C library as the host detector sees it, unless {@code -Dio.nativebundle.libc} or
     * {@code -Dio.nativebundle.glibc.version} says otherwise; a setting that disagrees is reported.
     */
    private HostLibc hostLibc() {
        LibcOverride libc = LibcOverride.apply(HostPlatform.current().libc(),
                FrameworkProperties.LIBC, System.getProperty(FrameworkProperties.LIBC),
                FrameworkProperties.GLIBC_VERSION, System.getProperty(FrameworkProperties.GLIBC_VERSION));
        for (String warning : libc.warnings()) {
            err.println("nativebundle: warning: " + warning);
        }
        return libc.effective();
    }

    private static void createFolders(Layout layout) throws LaunchException {
        for (Path folder : List.of(layout.cache(), layout.plugins())) {
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new LaunchException("cannot create " + folder + ": " + Messages.oneLine(e), e);
            }
        }
    }

    private static Framework start(Map<String, String> properties) throws LaunchException {
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new LaunchException("no OSGi framework on the class path (lib/)"));
        Framework framework = factory.newFramework(properties);
        try {
            // Started empty, so that each core bundle below starts at once and its failure is ours to report.
            framework.start();
        } catch (BundleException | RuntimeException e) {
            throw new LaunchException("the OSGi framework does not start: " + Messages.oneLine(e), e);
        }
        return framework;
    }

    /**
     * Installs and starts the core bundles, except Gogo's consoles, which are returned installed, not
     * started; with {@code remote} (the bundles of {@code bundle/remote/}) those too, started before
     * FileInstall, so that a plugin's export finds Remote Services up.
     */
    private List<Bundle> provisionCoreBundles(BundleContext context, CoreBundles core, CoreBundles remote)
            throws LaunchException {
        List<Path> files = new ArrayList<>(core.files());
        for (Path unlisted : core.unlisted(files)) {
            err.println("nativebundle: warning: " + unlisted + " is not in " + CoreBundles.LIST + "; not installed");
        }
        if (remote != null) {
            int fileInstall = files.size();
            for (int i = 0; i < files.size(); i++) {
                if (files.get(i).getFileName().toString().startsWith(FILEINSTALL + "-")) {
                    fileInstall = i;
                }
            }
            files.addAll(fileInstall, remote.files());
        }
        return core.installAndStart(context, files,
                bundle -> GOGO_JLINE.equals(bundle.getSymbolicName()) || GOGO_PLAIN.equals(bundle.getSymbolicName()));
    }

    /**
     * The console named {@code wanted}; the others are uninstalled, so that {@code lb} lists only
     * what runs.
     *
     * @throws LaunchException when bundle/bundles.list does not name that console
     */
    private static Bundle console(List<Bundle> consoles, String wanted) throws LaunchException {
        Bundle chosen = null;
        for (Bundle bundle : consoles) {
            if (wanted.equals(bundle.getSymbolicName())) {
                chosen = bundle;
                continue;
            }
            try {
                bundle.uninstall();
            } catch (BundleException e) {
                throw new LaunchException("cannot uninstall the unused console " + bundle.getSymbolicName()
                        + ": " + Messages.oneLine(e), e);
            }
        }
        if (chosen == null) {
            throw new LaunchException("bundle/" + CoreBundles.LIST + " names no " + wanted + " jar: the console of"
                    + " this mode");
        }
        return chosen;
    }

    /**
     * Waits until FileInstall has brought up the plugins that are in the folder now, and reports
     * those that do not start; they never stop the launch (their state can be read in the shell).
     */
    private void awaitPlugins(BundleContext context, Layout layout, LauncherArgs args)
            throws LaunchException, InterruptedException {
        try (QuietPeriod quiet = new QuietPeriod(context)) {
            List<Path> plugins;
            try {
                plugins = PluginScanner.scan(layout.plugins());
            } catch (IOException e) {
                throw new LaunchException("cannot list " + layout.plugins() + ": " + Messages.oneLine(e), e);
            }
            for (String problem : new PluginWaiter(context, layout.plugins()).await(plugins, args.waitForPlugins())) {
                err.println("nativebundle: warning: " + problem);
            }
            quiet.await(QUIET, QUIET_MAX);
        }
    }

    private int exec(BundleContext context, LauncherArgs args) throws LaunchException, InterruptedException {
        try (GogoSession session = GogoSession.open(context, in, out, err, GOGO_TIMEOUT)) {
            return new ExecMode(out, err, args.verbose()).run(session, args.commands().orElseThrow());
        }
    }

    private void stop(Framework framework) {
        if (framework == null) {
            return;
        }
        try {
            framework.stop();
            FrameworkEvent event = framework.waitForStop(STOP_TIMEOUT.toMillis());
            if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                err.println("nativebundle: warning: the framework did not stop within "
                        + STOP_TIMEOUT.toSeconds() + " s");
            }
        } catch (BundleException e) {
            err.println("nativebundle: warning: stopping the framework: " + Messages.oneLine(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
