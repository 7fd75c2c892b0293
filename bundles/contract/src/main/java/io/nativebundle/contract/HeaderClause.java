package io.nativebundle.contract;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One clause of an OSGi manifest header: its paths ({@code a.so;b.so}), its attributes
 * ({@code osname=Linux}, possibly repeated) and its directives ({@code filter:=...}). Attribute
 * names keep no type suffix: {@code version:Version=1.2.0} is stored as {@code version}.
 */
public final class HeaderClause {

    private final List<String> paths;
    private final Map<String, List<String>> attributes;
    private final Map<String, String> directives;

    public HeaderClause(List<String> paths, Map<String, List<String>> attributes, Map<String, String> directives) {
        this.paths = List.copyOf(paths);
        this.attributes = Map.copyOf(attributes);
        this.directives = Map.copyOf(directives);
    }

    /** The paths (or names) before the first attribute, at least one. */
    public List<String> paths() {
        return paths;
    }

    /** Every attribute with all its values. */
    public Map<String, List<String>> attributes() {
        return attributes;
    }

    /** Every directive. */
    public Map<String, String> directives() {
        return directives;
    }

    /** The first path: the clause's name for headers that have one name per clause. */
    public String name() {
        return paths.get(0);
    }

    /** The single value of an attribute, if present. */
    public Optional<String> attribute(String key) {
        List<String> values = attributes.get(key);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Every value of a repeatable attribute such as {@code osname}. */
    public List<String> attributes(String key) {
        return attributes.getOrDefault(key, List.of());
    }

    public Optional<String> directive(String key) {
        return Optional.ofNullable(directives.get(key));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HeaderClause c && paths.equals(c.paths) && attributes.equals(c.attributes)
                && directives.equals(c.directives);
    }

    @Override
    public int hashCode() {
        return Objects.hash(paths, attributes, directives);
    }

    @Override
    public String toString() {
        return String.join(";", paths) + attributes + directives;
    }
}
