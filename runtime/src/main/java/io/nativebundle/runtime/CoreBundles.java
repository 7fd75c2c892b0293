package io.nativebundle.runtime;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;

/**
 * Installs and starts the core bundles of {@code bundle/}, in the order of
 * {@code bundle/bundles.list} (written by the build), so the loader is up before FileInstall,
 * the last entry, delivers the first plugin. The list is data: adding a core bundle means
 * dropping its jar into {@code bundle/} and naming it in the list.
 */
final class CoreBundles {

    static final String LIST = "bundles.list";

    private final Path folder;

    CoreBundles(Path folder) {
        this.folder = folder;
    }

    /**
     * The jars to install, in order.
     *
     * @throws LaunchException when the list is missing or names a file that is not there
     */
    List<Path> files() throws LaunchException {
        Path list = folder.resolve(LIST);
        List<String> lines;
        try {
            lines = Files.readAllLines(list);
        } catch (IOException e) {
            throw new LaunchException("cannot read the core bundle list " + list + ": " + e.getMessage(), e);
        }
        List<Path> files = new ArrayList<>();
        for (String name : names(lines)) {
            Path file = folder.resolve(name);
            if (!Files.isRegularFile(file)) {
                throw new LaunchException(list + " names " + name + ", but " + file + " does not exist");
            }
            files.add(file);
        }
        return files;
    }

    /** Jars in the folder that the list does not name; they are not installed. */
    List<Path> unlisted(List<Path> listed) {
        Set<Path> names = new TreeSet<>();
        try (Stream<Path> entries = Files.list(folder)) {
            entries.filter(p -> p.getFileName().toString().endsWith(".jar")).forEach(names::add);
        } catch (IOException e) {
            return List.of();
        }
        names.removeAll(listed);
        return List.copyOf(names);
    }

    /** The file names of a bundle list: one a line, blank lines and {@code #} comments skipped. */
    static List<String> names(List<String> lines) {
        List<String> names = new ArrayList<>();
        for (String line : lines) {
            int hash = line.indexOf('#');
            String name = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * Installs every file, then starts each one in list order, except fragments (which cannot
     * start) and the bundles {@code later} selects, which are returned unstarted. All are
     * installed first because a bundle may import from one listed after it (asm-commons needs
     * asm-tree); the start order is what matters: FileInstall must come last.
     *
     * @throws LaunchException naming the first bundle that cannot be installed or started
     */
    List<Bundle> installAndStart(BundleContext context, List<Path> files, Predicate<Bundle> later)
            throws LaunchException {
        List<Bundle> bundles = new ArrayList<>();
        for (Path file : files) {
            try {
                bundles.add(context.installBundle(file.toUri().toString()));
            } catch (BundleException | RuntimeException e) {
                throw new LaunchException("cannot install core bundle " + file + ": " + Messages.oneLine(e), e);
            }
        }
        List<Bundle> deferred = new ArrayList<>();
        for (Bundle bundle : bundles) {
            if (later.test(bundle)) {
                deferred.add(bundle);
            } else {
                start(bundle);
            }
        }
        uninstallUnattachedFragments(bundles);
        return deferred;
    }

    /**
     * Uninstalls the fragments that did not attach when their host started: those whose
     * requirements this JVM does not meet, such as the FFM backend ({@code ffm}, Java 22+) on Java 17.
     * They could never attach in this run, and {@code lb} then lists only what runs.
     */
    private static void uninstallUnattachedFragments(List<Bundle> bundles) throws LaunchException {
        for (Bundle bundle : bundles) {
            if (isFragment(bundle) && bundle.getState() == Bundle.INSTALLED) {
                try {
                    bundle.uninstall();
                } catch (BundleException | RuntimeException e) {
                    throw new LaunchException("cannot uninstall the fragment " + bundle.getSymbolicName()
                            + ", which this JVM cannot attach: " + Messages.oneLine(e), e);
                }
            }
        }
    }

    private static boolean isFragment(Bundle bundle) {
        return bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null;
    }

    /**
     * Starts a core bundle; fragments are left alone.
     *
     * @throws LaunchException naming the bundle and why it does not start
     */
    void start(Bundle bundle) throws LaunchException {
        if (isFragment(bundle)) {
            return;
        }
        try {
            bundle.start();
        } catch (BundleException | RuntimeException e) {
            throw new LaunchException("core bundle " + Path.of(URI.create(bundle.getLocation())).getFileName()
                    + " (" + bundle.getSymbolicName() + ") does not start: " + Messages.oneLine(e), e);
        }
    }
}
