package io.nativebundle.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The framework properties the launcher sets, and why each one is there.
 *
 * <p>Bundles read them with {@code BundleContext.getProperty}; the system bundle's
 * {@code osgi.native} capability carries them too, so a {@code Bundle-NativeCode}
 * selection-filter can test {@link #LIBC} or {@link #GLIBC_VERSION}.
 */
final class FrameworkProperties {

    // --- framework storage -----------------------------------------------------------------

    /** {@code <cache>/felix}: the framework's bundle cache. */
    static final String STORAGE = "org.osgi.framework.storage";
    /**
     * {@code onFirstInit}: every launch starts from an empty cache, so what runs is exactly
     * {@code bundle/} plus {@code plugins/}, never a stale bundle from an earlier session
     * (Felix also reuses extracted native files without checking them).
     */
    static final String STORAGE_CLEAN = "org.osgi.framework.storage.clean";

    // --- what this runtime provides --------------------------------------------------------

    // The runtime's ABI (io.nativebundle.abi) is no framework property: the loader bundle provides
    // it, in any framework. The properties below are optional overrides: without them the loader
    // detects the C library itself and keeps its cache in its own bundle data area.

    /**
     * Felix's default aliases lack aarch64, so a hand-written {@code processor=arm64} would never
     * match; the bnd plugin writes {@code aarch64}, which matches without it.
     */
    static final String PROCESSOR_ALIAS_AARCH64 = "felix.native.processor.alias.aarch64";

    /** {@code glibc} or {@code musl}: {@code osgi.native} has no notion of the C library. */
    static final String LIBC = "io.nativebundle.libc";
    /** The host's glibc release (e.g. {@code 2.36}); set only on glibc. */
    static final String GLIBC_VERSION = "io.nativebundle.glibc.version";
    /** {@code <cache>/native}: where the loader keeps its per-revision copies of native libraries. */
    static final String NATIVE_CACHE_DIR = "io.nativebundle.cache.dir";

    // --- FileInstall on plugins/ -----------------------------------------------------------

    static final String FILEINSTALL_DIR = "felix.fileinstall.dir";
    /** 500 ms instead of 2 s, so a dropped plugin shows up quickly. */
    static final String FILEINSTALL_POLL = "felix.fileinstall.poll";
    /** Scan at once on start, not after the first poll interval. */
    static final String FILEINSTALL_NO_INITIAL_DELAY = "felix.fileinstall.noInitialDelay";
    /** Errors only: FileInstall logs every install at info level to stdout otherwise. */
    static final String FILEINSTALL_LOG_LEVEL = "felix.fileinstall.log.level";
    static final String FILEINSTALL_START_NEW = "felix.fileinstall.bundles.new.start";
    /**
     * {@code recurse}: plugins may sit in sub-folders ({@code plugins/<tenant>/}); FileInstall's
     * default treats a sub-folder as an exploded jar.
     */
    static final String FILEINSTALL_SUBDIR_MODE = "felix.fileinstall.subdir.mode";

    // --- quiet logs -------------------------------------------------------------------------

    /** Felix logs errors only; a healthy start prints nothing but the shell's banner. */
    static final String FELIX_LOG_LEVEL = "felix.log.level";
    /** Felix SCR logs errors only. */
    static final String DS_LOG_LEVEL = "ds.loglevel";
    /**
     * Event Admin and Configuration Admin log errors only. Without a LogService they print to
     * stdout, e.g. Event Admin warns about interrupted delivery when the framework stops.
     */
    static final String EVENTADMIN_LOG_LEVEL = "org.apache.felix.eventadmin.LogLevel";
    static final String CM_LOG_LEVEL = "felix.cm.loglevel";

    // --- Gogo ---------------------------------------------------------------------------------

    /**
     * {@code --nointeractive} in exec mode: the plain console then leaves stdin alone (an EOF there
     * would stop the framework under our commands). {@code --nohistory} on a terminal: Gogo JLine
     * would keep its history in {@code ~/.gogo.history}; the distribution's
     * {@code etc/gosh_profile} takes {@link #SHELL_HISTORY} instead.
     */
    static final String GOSH_ARGS = "gosh.args";
    /** The distribution folder: Gogo JLine reads {@code etc/gosh_profile} below it. */
    static final String GOSH_HOME = "gosh.home";
    /** {@code <cache>/history}: the interactive shell's history, read by {@code etc/gosh_profile}. */
    static final String SHELL_HISTORY = "io.nativebundle.shell.history";

    private FrameworkProperties() {
    }

    /**
     * The framework properties for one launch.
     *
     * @param layout      the distribution's folders
     * @param console     which Gogo console the launch runs
     * @param libc        the detected C library; {@link Libc#UNKNOWN} sets no libc properties
     */
    static Map<String, String> create(Layout layout, ConsoleMode console, Libc libc) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(STORAGE, layout.frameworkStorage().toString());
        p.put(STORAGE_CLEAN, "onFirstInit");

        p.put(PROCESSOR_ALIAS_AARCH64, "aarch64,arm64");
        libc.flavour().ifPresent(flavour -> p.put(LIBC, flavour));
        libc.version().ifPresent(version -> p.put(GLIBC_VERSION, version));
        p.put(NATIVE_CACHE_DIR, layout.nativeCache().toString());

        p.put(FILEINSTALL_DIR, layout.plugins().toString());
        p.put(FILEINSTALL_POLL, "500");
        p.put(FILEINSTALL_NO_INITIAL_DELAY, "true");
        p.put(FILEINSTALL_LOG_LEVEL, "1");
        p.put(FILEINSTALL_START_NEW, "true");
        p.put(FILEINSTALL_SUBDIR_MODE, "recurse");

        p.put(FELIX_LOG_LEVEL, "1");
        p.put(DS_LOG_LEVEL, "error");
        p.put(EVENTADMIN_LOG_LEVEL, "1");
        p.put(CM_LOG_LEVEL, "1");

        switch (console) {
            case EXEC:
                p.put(GOSH_ARGS, "--nointeractive");
                break;
            case TERMINAL:
                p.put(GOSH_ARGS, "--nohistory");
                p.put(GOSH_HOME, layout.home().toString());
                p.put(SHELL_HISTORY, layout.history().toString());
                break;
            default:
                break;
        }
        return p;
    }
}
