package io.nativebundle.loader.internal.backend;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects the out values of one call, by label in parameter order, for {@code NativeCallResult}:
 * most calls have none or one, which take no {@code LinkedHashMap} (an empty or single map, which
 * {@code NativeCallResult} keeps as it is). Start from {@link #none()} and give each value to
 * {@link #with}, keeping what it returns.
 */
public final class OutValues {

    private OutValues() {
    }

    /** No out values yet. */
    public static Map<String, Object> none() {
        return Collections.emptyMap();
    }

    /**
     * {@code values} and then {@code label}'s {@code value} (which may be null: an out array the
     * caller passed as null).
     */
    public static Map<String, Object> with(Map<String, Object> values, String label, Object value) {
        if (values.isEmpty()) {
            return Collections.singletonMap(label, value);
        }
        Map<String, Object> more = values instanceof LinkedHashMap ? values : new LinkedHashMap<>(values);
        more.put(label, value);
        return more;
    }
}
