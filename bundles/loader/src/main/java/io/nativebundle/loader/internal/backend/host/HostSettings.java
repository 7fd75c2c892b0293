package io.nativebundle.loader.internal.backend.host;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.contract.Amounts;

/**
 * The runtime-wide settings of host processes, from framework properties (defaults in brackets):
 * <pre>
 * io.nativebundle.host.crash.limit=5              refuse a library (HOST_CRASHED) after this many crashes ...
 * io.nativebundle.host.crash.window=60s           ... within this window
 * io.nativebundle.host.restart.delay=100ms        the first pause before a restart; doubles per crash in the window
 * io.nativebundle.host.restart.max-delay=5s       the longest pause
 * io.nativebundle.host.threads=4                  calls one host runs at once
 * io.nativebundle.host.call.bytes=1m              arguments and results of one call, strings and buffers included
 * io.nativebundle.host.max-address-space=         RLIMIT_AS of hosts whose library declares none [none]
 * io.nativebundle.host.max-cpu-time=              RLIMIT_CPU of hosts whose library declares none [none]
 * </pre>
 * A value that does not parse is an error at the loader's start, naming the property, what was
 * expected and what was found: a typo never silently lifts a limit.
 */
public record HostSettings(int crashLimit, Duration crashWindow, Duration restartDelay, Duration restartMaxDelay,
                           int threads, int callBytes, OptionalLong maxAddressSpace, Optional<Duration> maxCpuTime,
                           Duration startTimeout, Duration hostSpin, Duration callerSpin) {

    /** How long a starting host may take until it reports READY. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    /** How long a host thread polls its slot after a call before it sleeps. */
    static final Duration HOST_SPIN = Duration.ofNanos(200_000);
    /** How long a caller polls for its result before it sleeps. */
    static final Duration CALLER_SPIN = Duration.ofNanos(50_000);

    /** The settings when no property is set. */
    public static HostSettings defaults() {
        return new HostSettings(5, Duration.ofSeconds(60), Duration.ofMillis(100), Duration.ofSeconds(5), 4, 1 << 20,
                OptionalLong.empty(), Optional.empty(), START_TIMEOUT, HOST_SPIN, CALLER_SPIN);
    }

    /**
     * @param properties the framework properties, e.g. {@code context::getProperty}
     * @throws IllegalArgumentException naming the property that does not parse
     */
    public static HostSettings of(Function<String, String> properties) {
        HostSettings d = defaults();
        int limit = count(properties, NativeBundleConstants.HOST_CRASH_LIMIT_PROPERTY, d.crashLimit, 1, 1_000_000);
        Duration window = duration(properties, NativeBundleConstants.HOST_CRASH_WINDOW_PROPERTY).orElse(d.crashWindow);
        Duration delay = duration(properties, NativeBundleConstants.HOST_RESTART_DELAY_PROPERTY).orElse(d.restartDelay);
        Duration maxDelay = duration(properties, NativeBundleConstants.HOST_RESTART_MAX_DELAY_PROPERTY)
                .orElse(d.restartMaxDelay);
        int threads = count(properties, NativeBundleConstants.HOST_THREADS_PROPERTY, d.threads, 1, 256);
        OptionalLong callBytes = bytes(properties, NativeBundleConstants.HOST_CALL_BYTES_PROPERTY);
        if (callBytes.isPresent() && (callBytes.getAsLong() < 4096 || callBytes.getAsLong() > (256L << 20))) {
            throw new IllegalArgumentException(NativeBundleConstants.HOST_CALL_BYTES_PROPERTY + "="
                    + properties.apply(NativeBundleConstants.HOST_CALL_BYTES_PROPERTY) + " is out of range; expected"
                    + " 4k to 256m");
        }
        Optional<Duration> cpu = duration(properties, NativeBundleConstants.HOST_MAX_CPU_TIME_PROPERTY);
        cpu.filter(c -> c.toMillis() < 1000 || c.toMillis() % 1000 != 0).ifPresent(c -> {
            throw new IllegalArgumentException(NativeBundleConstants.HOST_MAX_CPU_TIME_PROPERTY + "="
                    + Amounts.format(c) + " is not whole seconds; the CPU time limit of a process counts seconds");
        });
        return new HostSettings(limit, window, delay, maxDelay.compareTo(delay) < 0 ? delay : maxDelay, threads,
                callBytes.isPresent() ? (int) callBytes.getAsLong() : d.callBytes,
                bytes(properties, NativeBundleConstants.HOST_MAX_ADDRESS_SPACE_PROPERTY), cpu, d.startTimeout,
                d.hostSpin, d.callerSpin);
    }

    /** The pause before the restart after the {@code crashes}-th crash in the window: doubling, capped. */
    Duration restartDelay(int crashes) {
        Duration pause = restartDelay;
        for (int i = 1; i < crashes && pause.compareTo(restartMaxDelay) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(restartMaxDelay) > 0 ? restartMaxDelay : pause;
    }

    private static int count(Function<String, String> properties, String key, int fallback, int min, int max) {
        String value = properties.apply(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + "=" + value + " is not a whole number from " + min + " to " + max);
        }
    }

    private static Optional<Duration> duration(Function<String, String> properties, String key) {
        String value = properties.apply(key);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Amounts.duration(value).orElseThrow(() -> new IllegalArgumentException(key + "=" + value
                + " is not a duration; expected " + Amounts.DURATION_FORM)));
    }

    private static OptionalLong bytes(Function<String, String> properties, String key) {
        String value = properties.apply(key);
        if (value == null || value.isBlank()) {
            return OptionalLong.empty();
        }
        OptionalLong n = Amounts.bytes(value);
        if (n.isEmpty()) {
            throw new IllegalArgumentException(key + "=" + value + " is not a size; expected " + Amounts.SIZE_FORM);
        }
        return n;
    }
}
