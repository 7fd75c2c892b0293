package io.nativebundle.runtime;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the distribution's folders are: {@code bundle/} (core bundles), {@code plugins/}
 * (watched by FileInstall) and the cache (framework storage and native-library cache).
 */
final class Layout {

    /** System property set by {@code bin/nativebundle}: the distribution folder. */
    static final String HOME_PROPERTY = "nativebundle.home";

    private final Path home;
    private final Path plugins;
    private final Path cache;

    Layout(Path home, Path plugins, Path cache) {
        this.home = home.toAbsolutePath().normalize();
        this.plugins = plugins.toAbsolutePath().normalize();
        this.cache = cache.toAbsolutePath().normalize();
    }

    /** The layout for a command line: defaults under {@code home}, relative options against the working directory. */
    static Layout of(Path home, LauncherArgs args) {
        return new Layout(home,
                args.plugins().orElse(home.resolve("plugins")),
                args.cache().orElse(home.resolve("cache")));
    }

    /**
     * The distribution folder: {@value #HOME_PROPERTY} when the start script set it, else the
     * parent of the {@code lib/} folder holding the launcher jar.
     */
    static Path locateHome() throws LaunchException {
        String property = System.getProperty(HOME_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        try {
            Path jar = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(jar) && jar.getParent() != null && jar.getParent().getParent() != null) {
                return jar.getParent().getParent();
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // fall through to the message below
        }
        throw new LaunchException("cannot tell where the distribution is; start it with bin/nativebundle"
                + " or set -D" + HOME_PROPERTY + "=DIR");
    }

    Path home() {
        return home;
    }

    Path bundles() {
        return home.resolve("bundle");
    }

    Path plugins() {
        return plugins;
    }

    Path cache() {
        return cache;
    }

    /**
     * The framework storage, cleaned on every start: {@code <cache>/felix}, or a private folder
     * when another runtime already uses that one (see {@link FrameworkStorage}).
     */
    Path frameworkStorage() {
        try {
            return FrameworkStorage.claim(cache);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot prepare the framework storage in " + cache, e);
        }
    }

    /** The interactive shell's command history. */
    Path history() {
        return cache.resolve("history");
    }

    /** The loader's per-revision cache of native libraries. */
    Path nativeCache() {
        return cache.resolve("native");
    }
}
