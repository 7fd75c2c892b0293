package io.nativebundle.runtime;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.startlevel.BundleStartLevel;

/**
 * Waits, in exec mode, until FileInstall has installed every plugin jar and each one has
 * settled, so that the commands see the plugins' services.
 *
 * <p>A plugin has settled when it is active (or lazily waiting, or an attached fragment), or
 * when FileInstall's start has failed: it stays installed or resolved although it is marked to
 * start. A plugin that failed is retried once, transiently, to read the reason, which is
 * reported; FileInstall itself logs start failures only at warning level, which the launcher
 * silences. A plugin never installed at all (not a bundle, FileInstall stuck) ends the wait at
 * the timeout.
 *
 * <p>A drop-in descriptor ({@code *.nativebundle}) is waited for as the bundle wrapped from it,
 * whose location is the descriptor's own file URL. A descriptor the wrap bundle refused installs
 * nothing and settles at once; the wrap bundle has logged its line, column and reason, as the
 * loader logs a refused library.
 */
final class PluginWaiter {

    private static final long POLL_MILLIS = 100;
    /** How long a failed start must persist before it counts: FileInstall may be mid-start. */
    private static final long FAILED_AFTER_MILLIS = 1_000;

    private final BundleContext context;
    private final Path pluginsFolder;
    private final WrapRefusals wrapRefusals;

    PluginWaiter(BundleContext context, Path pluginsFolder) {
        this.context = context;
        this.pluginsFolder = pluginsFolder.toAbsolutePath().normalize();
        this.wrapRefusals = new WrapRefusals(context);
    }

    /**
     * Waits for the given plugin jars and descriptors.
     *
     * @return one readable line per plugin that is not active, empty when all are
     */
    List<String> await(List<Path> jars, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<Path, Long> failingSince = new HashMap<>();
        while (true) {
            Map<Path, Bundle> installed = pluginBundles();
            List<Path> waiting = new ArrayList<>();
            List<Bundle> failed = new ArrayList<>();
            boolean allInstalled = installed.keySet().containsAll(jars);
            long now = System.nanoTime();
            for (Path jar : jars) {
                Bundle bundle = installed.get(jar);
                if (bundle == null && isDescriptor(jar) && wrapRefusals.refused(jar)) {
                    failingSince.remove(jar); // settled: refused, logged by the wrap bundle
                } else if (bundle == null || isStarting(bundle)) {
                    waiting.add(jar);
                    failingSince.remove(jar);
                } else if (!isSettled(bundle)) {
                    // Only conclude once every jar is in: a plugin may need another one still to come.
                    long since = failingSince.computeIfAbsent(jar, j -> now);
                    if (allInstalled && now - since >= FAILED_AFTER_MILLIS * 1_000_000L) {
                        failed.add(bundle);
                    } else {
                        waiting.add(jar);
                    }
                }
            }
            if (waiting.isEmpty()) {
                return explain(failed);
            }
            if (now - deadline >= 0) {
                List<String> problems = explain(failed);
                for (Path jar : waiting) {
                    problems.add(describe(jar, installed.get(jar)) + ": not started within "
                            + timeout.toSeconds() + " s (" + state(installed.get(jar)) + ")");
                }
                return problems;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** The installed bundles whose location is a file, keyed by that file's absolute path. */
    private Map<Path, Bundle> pluginBundles() {
        Map<Path, Bundle> byFile = new HashMap<>();
        for (Bundle bundle : context.getBundles()) {
            String location = bundle.getLocation();
            if (location.startsWith("file:") && bundle.getState() != Bundle.UNINSTALLED) {
                try {
                    byFile.put(Path.of(URI.create(location)).toAbsolutePath().normalize(), bundle);
                } catch (IllegalArgumentException e) {
                    // not a plain file URI: not one of FileInstall's plugins
                }
            }
        }
        return byFile;
    }

    /** FileInstall has not got to it yet, or its activator is still running. */
    private static boolean isStarting(Bundle bundle) {
        if (bundle.getState() == Bundle.STARTING) {
            return !isLazy(bundle);
        }
        if (bundle.getState() == Bundle.ACTIVE || isFragment(bundle)) {
            return false;
        }
        return !bundle.adapt(BundleStartLevel.class).isPersistentlyStarted();
    }

    private static boolean isSettled(Bundle bundle) {
        if (isFragment(bundle)) {
            return bundle.getState() == Bundle.RESOLVED;
        }
        return bundle.getState() == Bundle.ACTIVE || bundle.getState() == Bundle.STARTING;
    }

    private static boolean isLazy(Bundle bundle) {
        String policy = bundle.getHeaders().get(Constants.BUNDLE_ACTIVATIONPOLICY);
        return policy != null && policy.strip().startsWith(Constants.ACTIVATION_LAZY);
    }

    private static boolean isFragment(Bundle bundle) {
        return bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null;
    }

    /** Retries each failed plugin once, transiently, to learn why it does not start. */
    private List<String> explain(List<Bundle> failed) {
        List<String> problems = new ArrayList<>();
        for (Bundle bundle : failed) {
            String subject = describe(pathOf(bundle), bundle);
            if (isFragment(bundle)) {
                problems.add(subject + ": fragment not attached to its host (" + state(bundle) + ")");
                continue;
            }
            try {
                bundle.start(Bundle.START_TRANSIENT);
            } catch (BundleException | RuntimeException e) {
                problems.add(subject + ": " + Messages.oneLine(e));
            }
        }
        return problems;
    }

    private Path pathOf(Bundle bundle) {
        return Path.of(URI.create(bundle.getLocation())).toAbsolutePath().normalize();
    }

    private static boolean isDescriptor(Path file) {
        return file.getFileName().toString().endsWith(PluginScanner.DESCRIPTOR);
    }

    private Path shown(Path file) {
        return file.startsWith(pluginsFolder) ? pluginsFolder.getFileName().resolve(pluginsFolder.relativize(file)) : file;
    }

    private String describe(Path jar, Bundle bundle) {
        return "plugin " + shown(jar) + (bundle == null ? "" : " (" + bundle.getSymbolicName() + ")");
    }

    private static String state(Bundle bundle) {
        if (bundle == null) {
            return "not installed";
        }
        switch (bundle.getState()) {
            case Bundle.INSTALLED:
                return "installed, not resolved";
            case Bundle.RESOLVED:
                return "resolved, not active";
            case Bundle.STARTING:
                return "starting";
            case Bundle.ACTIVE:
                return "active";
            default:
                return "state " + bundle.getState();
        }
    }
}
