package io.nativebundle.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

import io.nativebundle.binary.host.HostLibc;
import io.nativebundle.definition.RuntimeDefinition;

/**
 * The framework properties the launcher sets: those of every nativebundle runtime, from the
 * runtime definition ({@code framework.properties}: the aarch64 alias, quiet
 * logs, FileInstall's behaviour, each with the reason it is there), plus this launch's own below.
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

    // --- this machine ----------------------------------------------------------------------

    // The runtime's ABI (io.nativebundle.abi) is no framework property: the loader bundle provides
    // it, in any framework. The properties below are optional overrides: without them the loader
    // detects the C library itself and keeps its cache in its own bundle data area.

    /**
     * {@code glibc} or {@code musl}: {@code osgi.native} has no notion of the C library. The launcher
     * sets it from the host detector (binary's {@code HostPlatform}), the one the loader uses too;
     * {@code -Dio.nativebundle.libc=...} overrides it, with a warning when it disagrees.
     */
    static final String LIBC = "io.nativebundle.libc";
    /** The host's glibc release (e.g. {@code 2.36}); set only on glibc. */
    static final String GLIBC_VERSION = "io.nativebundle.glibc.version";
    /** {@code <cache>/native}: where the loader keeps its per-revision copies of native libraries. */
    static final String NATIVE_CACHE_DIR = "io.nativebundle.cache.dir";

    // --- FileInstall on plugins/ -----------------------------------------------------------

    static final String FILEINSTALL_DIR = "felix.fileinstall.dir";

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
     * @param libc        the host's C library; an unknown one sets no libc properties
     */
    static Map<String, String> create(Layout layout, ConsoleMode console, HostLibc libc) {
        Map<String, String> p = new LinkedHashMap<>(RuntimeDefinition.frameworkProperties());
        p.put(STORAGE, layout.frameworkStorage().toString());
        p.put(STORAGE_CLEAN, "onFirstInit");

        libc.flavourName().ifPresent(flavour -> p.put(LIBC, flavour));
        libc.version().ifPresent(version -> p.put(GLIBC_VERSION, version.toString()));
        p.put(NATIVE_CACHE_DIR, layout.nativeCache().toString());
        p.put(FILEINSTALL_DIR, layout.plugins().toString());

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
