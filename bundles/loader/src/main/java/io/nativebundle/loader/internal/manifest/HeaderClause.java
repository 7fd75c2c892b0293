package io.nativebundle.loader.internal.manifest;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One clause of an OSGi manifest header: its paths ({@code a.so;b.so}), its attributes
 * ({@code osname=Linux}, possibly repeated) and its directives ({@code filter:=...}).
 * Attribute names keep no type suffix; {@code version:Version=1.2.0} is stored as {@code version}.
 */
record HeaderClause(List<String> paths, Map<String, List<String>> attributes, Map<String, String> directives) {

    public HeaderClause {
        paths = List.copyOf(paths);
        attributes = Map.copyOf(attributes);
        directives = Map.copyOf(directives);
    }

    /** The first path: the clause's name for headers that have one name per clause. */
    String name() {
        return paths.get(0);
    }

    /** The single value of an attribute, if present. */
    Optional<String> attribute(String key) {
        List<String> values = attributes.get(key);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Every value of a repeatable attribute such as {@code osname}. */
    List<String> attributes(String key) {
        return attributes.getOrDefault(key, List.of());
    }

    public Optional<String> directive(String key) {
        return Optional.ofNullable(directives.get(key));
    }
}
