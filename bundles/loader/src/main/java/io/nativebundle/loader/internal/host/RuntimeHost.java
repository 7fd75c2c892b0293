package io.nativebundle.loader.internal.host;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.binary.SystemLibraries;
import io.nativebundle.binary.host.HostLibc;
import io.nativebundle.binary.host.HostMachine;
import io.nativebundle.binary.host.HostPlatform;
import io.nativebundle.binary.host.LibcOverride;

/**
 * What a library must fit here: this machine as the binary bundle's one detector sees it
 * ({@link HostPlatform}), the libc after the framework's explicit settings, and the ABI this
 * runtime serves. Each fact carries where it came from, because a refusal message has to say why
 * the host is what it is.
 *
 * @param machine   the JVM's instruction set, width and byte order
 * @param libc      the C library to check libraries against: detected, unless
 *                  {@code io.nativebundle.libc} or {@code io.nativebundle.glibc.version} overrides it
 * @param abi       the runtime's {@code io.nativebundle.abi} version; empty when no installed bundle offers one
 * @param libraries the system's default library search path
 */
public record RuntimeHost(HostMachine machine, HostLibc libc, Optional<Version> abi, SystemLibraries libraries) {

    private static final Logger LOG = System.getLogger("io.nativebundle.loader");
    /** Read once per load: a warning is logged the first time only, not at every load. */
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    /** The host as the framework of {@code context} describes it: its properties, the ABI its bundles offer. */
    public static RuntimeHost of(BundleContext context) {
        return of(HostPlatform.current(), context::getProperty, RuntimeCapabilities.abi(context));
    }

    /**
     * The host {@code detected}, with the libc settings among {@code properties} applied by the
     * launcher's rule ({@link LibcOverride}): a setting wins, and one that disagrees with detection
     * or is not understood is logged as a warning.
     */
    public static RuntimeHost of(HostPlatform detected, UnaryOperator<String> properties, Optional<Version> abi) {
        LibcOverride libc = LibcOverride.apply(detected.libc(),
                NativeBundleConstants.LIBC_PROPERTY, properties.apply(NativeBundleConstants.LIBC_PROPERTY),
                NativeBundleConstants.GLIBC_VERSION_PROPERTY,
                properties.apply(NativeBundleConstants.GLIBC_VERSION_PROPERTY));
        libc.warnings().stream().filter(WARNED::add).forEach(w -> LOG.log(Level.WARNING, "nativebundle: warning: " + w));
        return new RuntimeHost(detected.machine(), libc.effective(), abi, detected.libraries());
    }

    /**
     * The platform of a library taken from this host, e.g. {@code linux-x86-64}: it is looked up on
     * a Linux search path for this JVM's machine.
     */
    public String hostLibraryPlatform() {
        return "linux-" + machine.osgiProcessor();
    }
}
