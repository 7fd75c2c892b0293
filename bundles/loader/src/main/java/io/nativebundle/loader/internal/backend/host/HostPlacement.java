package io.nativebundle.loader.internal.backend.host;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How one library runs out of process: its call timeout and per-symbol timeouts, and the limits
 * of its host process, as its bundle declares them, completed by the runtime's defaults.
 *
 * @param timeout         the library's call timeout
 * @param symbolTimeouts  the timeouts of single functions, which override the library's
 * @param maxAddressSpace {@code RLIMIT_AS} in bytes
 * @param maxCpuTime      {@code RLIMIT_CPU}, whole seconds
 * @param reason          why the library runs out of process, for messages: its bundle or a tenant's policy
 */
public record HostPlacement(Optional<Duration> timeout, Map<String, Duration> symbolTimeouts,
                            OptionalLong maxAddressSpace, Optional<Duration> maxCpuTime, String reason) {

    public HostPlacement {
        symbolTimeouts = Map.copyOf(symbolTimeouts);
    }

    /** The timeout of a call of {@code symbol}, if any. */
    Optional<Duration> timeoutOf(String symbol) {
        Duration own = symbolTimeouts.get(symbol);
        return own != null ? Optional.of(own) : timeout;
    }
}
