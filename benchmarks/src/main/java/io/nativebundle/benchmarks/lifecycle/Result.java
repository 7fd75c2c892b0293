package io.nativebundle.benchmarks.lifecycle;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one line a lifecycle measurement prints for the runner: {@code RESULT key=value ...}, or
 * {@code RESULT error=...} when it could not measure.
 */
final class Result {

    static final String PREFIX = "RESULT ";

    private final Map<String, String> values = new LinkedHashMap<>();

    Result put(String key, Object value) {
        values.put(key, String.valueOf(value).replace(' ', '_'));
        return this;
    }

    Result put(String key, int value) {
        values.put(key, Integer.toString(value));
        return this;
    }

    Result put(String key, double value) {
        values.put(key, String.format(java.util.Locale.ROOT, "%.3f", value));
        return this;
    }

    void print() {
        StringBuilder line = new StringBuilder(PREFIX);
        values.forEach((k, v) -> line.append(k).append('=').append(v).append(' '));
        System.out.println(line.toString().trim());
        System.out.flush();
    }

    static void error(String message) {
        new Result().put("error", message).print();
    }

    /** Parses a line printed by {@link #print()}; empty when the line is not a result. */
    static Map<String, String> parse(String line) {
        Map<String, String> parsed = new LinkedHashMap<>();
        if (line.startsWith(PREFIX)) {
            for (String pair : line.substring(PREFIX.length()).trim().split(" ")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    parsed.put(pair.substring(0, eq), pair.substring(eq + 1).replace('_', ' '));
                }
            }
        }
        return parsed;
    }
}
