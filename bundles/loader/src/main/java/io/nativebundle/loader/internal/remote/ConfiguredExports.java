package io.nativebundle.loader.internal.remote;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The operator's exports from Config Admin, one {@link ExportPolicy.Rule} per configuration of the
 * factory PID {@code io.nativebundle.remote.export} ({@link ExportConfigurations} fills it), and
 * the configurations that could not be read. Read at each load, so a change applies to the next
 * one. Among the configurations, one naming the library comes before one with {@code *}, one with
 * a tenant before one without, then by PID: the first that matches decides.
 */
public final class ConfiguredExports {

    /** A rule and the configuration it came from. */
    record Configured(String pid, ExportPolicy.Rule rule) {
    }

    private static final Comparator<Configured> ORDER = Comparator
            .comparing((Configured c) -> c.rule().library().equals("*"))
            .thenComparing(c -> c.rule().tenant().isEmpty())
            .thenComparing(Configured::pid);

    private final Map<String, ExportPolicy.Rule> rules = new TreeMap<>();
    private final Map<String, String> problems = new TreeMap<>();

    synchronized void put(String pid, ExportPolicy.Rule rule) {
        problems.remove(pid);
        rules.put(pid, rule);
    }

    /** A configuration that cannot be read: it exports nothing, and every library's check says why. */
    synchronized void refuse(String pid, String problem) {
        rules.remove(pid);
        problems.put(pid, problem);
    }

    /** Forgets a configuration; the tenant of its rule, if it had one. */
    synchronized Optional<String> remove(String pid) {
        problems.remove(pid);
        ExportPolicy.Rule rule = rules.remove(pid);
        return rule == null ? Optional.empty() : rule.tenant();
    }

    /** The first configuration that exports library {@code name} of {@code tenant}. */
    synchronized Optional<Configured> rule(String name, String tenant) {
        List<Configured> all = new ArrayList<>();
        rules.forEach((pid, rule) -> all.add(new Configured(pid, rule)));
        return all.stream().sorted(ORDER).filter(c -> c.rule().matches(name, tenant)).findFirst();
    }

    /** What is wrong with each configuration that cannot be read, by PID. */
    synchronized Map<String, String> problems() {
        return Map.copyOf(problems);
    }
}
