package io.nativebundle.shell.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.nativebundle.api.NativeHostStatus;
import io.nativebundle.api.NativeLibrary;
import io.nativebundle.contract.Amounts;

/**
 * How the shell shows a library that runs out of process: its host's state in {@code native:list}
 * ({@code RUNNING pid 4711}), and in {@code native:info} the pid, restarts, crashes, the last
 * signal and crash, and the limits.
 */
final class HostView {

    private HostView() {
    }

    /** {@code RUNNING pid 4711}, {@code RESTARTING}, {@code DOWN}; empty in process. */
    static Optional<String> state(NativeLibrary library) {
        return library.host().map(h -> h.state() + h.pid().stream().mapToObj(p -> " pid " + p).findFirst().orElse(""));
    }

    /** The rows of {@code native:info} after {@code Isolation}. */
    static void rows(Table t, NativeHostStatus h) {
        t.row("Host", h.state() + h.pid().stream().mapToObj(p -> ", pid " + p).findFirst().orElse("") + ", "
                + h.restarts() + (h.restarts() == 1 ? " restart, " : " restarts, ") + h.crashes()
                + (h.crashes() == 1 ? " crash, " : " crashes, ") + h.timeouts()
                + (h.timeouts() == 1 ? " timeout" : " timeouts"));
        t.row("Last signal", h.lastSignal().orElse("none"));
        h.lastCrash().ifPresent(c -> t.row("Last crash", c));
        t.row("Limits", limits(h));
    }

    /** {@code timeout 2s, max-address-space 256m, max-cpu-time none, 4 threads}. */
    static String limits(NativeHostStatus h) {
        List<String> parts = new ArrayList<>();
        parts.add("timeout " + h.timeout().map(Amounts::format).orElse("none"));
        parts.add("max-address-space " + (h.maxAddressSpace().isPresent()
                ? Amounts.formatBytes(h.maxAddressSpace().getAsLong()) : "none"));
        parts.add("max-cpu-time " + h.maxCpuTime().map(Amounts::format).orElse("none"));
        parts.add(h.threads() + (h.threads() == 1 ? " thread" : " threads"));
        return String.join(", ", parts);
    }

    static Map<String, Object> json(NativeHostStatus h) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("state", h.state());
        o.put("pid", h.pid().isPresent() ? h.pid().getAsLong() : null);
        o.put("restarts", h.restarts());
        o.put("crashes", h.crashes());
        o.put("timeouts", h.timeouts());
        o.put("lastSignal", h.lastSignal());
        o.put("lastCrash", h.lastCrash());
        o.put("threads", h.threads());
        o.put("timeout", h.timeout().map(Amounts::format));
        o.put("maxAddressSpace", h.maxAddressSpace().isPresent() ? h.maxAddressSpace().getAsLong() : null);
        o.put("maxCpuTime", h.maxCpuTime().map(Amounts::format));
        return o;
    }
}
