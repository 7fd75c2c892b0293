package io.nativebundle.loader.internal.remote;

import java.util.List;
import java.util.Map;

import io.nativebundle.api.CheckResult;

/**
 * What one library generation exports: the properties to add to its typed service (empty: not
 * exported) and to each exported {@code NativeFunction} service, by symbol, and the
 * {@code remote-export} rows {@code native:info} shows among the library's checks, one for what was
 * exported and one for each service that was not, saying why.
 */
public record ExportPlan(Map<String, Object> typed, Map<String, Map<String, Object>> functions,
        List<CheckResult> checks) {

    /** Nothing exported, nothing to say: exports are off for this library. */
    public static final ExportPlan NONE = new ExportPlan(Map.of(), Map.of(), List.of());

    public ExportPlan {
        typed = Map.copyOf(typed);
        functions = Map.copyOf(functions);
        checks = List.copyOf(checks);
    }

    /** The properties to add to the service of function {@code symbol}; empty when it is not exported. */
    public Map<String, Object> function(String symbol) {
        return functions.getOrDefault(symbol, Map.of());
    }
}
