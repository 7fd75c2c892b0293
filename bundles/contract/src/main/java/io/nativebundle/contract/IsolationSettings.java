package io.nativebundle.contract;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@code NativeBundle-Library} says about running the library in a process of its own:
 * <pre>
 * NativeBundle-Library: crash;version=1.0.0;isolation=process;timeout=2s;max-address-space=256m;max-cpu-time=30s
 * </pre>
 * <ul>
 * <li>{@code isolation}: {@code process} or {@code in-process} (the default);</li>
 * <li>{@code timeout}: a call that runs longer ends its host process and throws
 *     {@code NativeCallTimeoutException}; a symbol of {@code NativeBundle-Symbols} may have its own;</li>
 * <li>{@code max-address-space}, {@code max-cpu-time}: the host process's {@code RLIMIT_AS} and
 *     {@code RLIMIT_CPU} (whole seconds).</li>
 * </ul>
 * The timeout and the limits apply whenever the library runs out of process, also when the
 * operator's tenant policy puts it there; in process they have no effect.
 */
public final class IsolationSettings {

    /** In process, no timeout, no limits. */
    public static final IsolationSettings DEFAULT = new IsolationSettings(Isolation.IN_PROCESS, Optional.empty(),
            OptionalLong.empty(), Optional.empty());

    private final Isolation isolation;
    private final Optional<Duration> timeout;
    private final OptionalLong maxAddressSpace;
    private final Optional<Duration> maxCpuTime;

    /**
     * @throws IllegalArgumentException when the timeout or a limit is not positive, or the CPU time not whole seconds
     */
    public IsolationSettings(Isolation isolation, Optional<Duration> timeout, OptionalLong maxAddressSpace,
            Optional<Duration> maxCpuTime) {
        this.isolation = Objects.requireNonNull(isolation, "isolation");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.maxAddressSpace = Objects.requireNonNull(maxAddressSpace, "maxAddressSpace");
        this.maxCpuTime = Objects.requireNonNull(maxCpuTime, "maxCpuTime");
        timeout.filter(t -> t.isNegative() || t.isZero()).ifPresent(t -> {
            throw new IllegalArgumentException("a timeout must be positive, not " + t);
        });
        maxAddressSpace.ifPresent(b -> {
            if (b <= 0) {
                throw new IllegalArgumentException("max-address-space must be positive, not " + b);
            }
        });
        maxCpuTime.filter(c -> c.toMillis() < 1000 || c.toMillis() % 1000 != 0).ifPresent(c -> {
            throw new IllegalArgumentException("max-cpu-time is whole seconds, at least 1s, not " + Amounts.format(c));
        });
    }

    public Isolation isolation() {
        return isolation;
    }

    /** How long one call may run, unless its symbol has a timeout of its own. */
    public Optional<Duration> timeout() {
        return timeout;
    }

    /** The host process's address space limit in bytes. */
    public OptionalLong maxAddressSpace() {
        return maxAddressSpace;
    }

    /** The host process's CPU time limit, whole seconds. */
    public Optional<Duration> maxCpuTime() {
        return maxCpuTime;
    }

    /** Whether only the default is declared: nothing to write. */
    public boolean isDefault() {
        return equals(DEFAULT);
    }

    /** The attributes of {@code NativeBundle-Library}, each after a {@code ;}; empty for the default. */
    String attributes() {
        StringBuilder b = new StringBuilder();
        if (isolation != Isolation.IN_PROCESS) {
            b.append(';').append(Headers.ATTR_ISOLATION).append('=').append(isolation.token());
        }
        timeout.ifPresent(t -> b.append(';').append(Headers.ATTR_TIMEOUT).append('=').append(Amounts.format(t)));
        maxAddressSpace.ifPresent(a -> b.append(';').append(Headers.ATTR_MAX_ADDRESS_SPACE).append('=')
                .append(Amounts.formatBytes(a)));
        maxCpuTime.ifPresent(c -> b.append(';').append(Headers.ATTR_MAX_CPU_TIME).append('=').append(Amounts.format(c)));
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IsolationSettings s && isolation == s.isolation && timeout.equals(s.timeout)
                && maxAddressSpace.equals(s.maxAddressSpace) && maxCpuTime.equals(s.maxCpuTime);
    }

    @Override
    public int hashCode() {
        return Objects.hash(isolation, timeout, maxAddressSpace, maxCpuTime);
    }

    @Override
    public String toString() {
        String a = attributes();
        return a.isEmpty() ? Isolation.IN_PROCESS.token() : a.substring(1);
    }
}
