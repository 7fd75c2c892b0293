package io.nativebundle.contract;

import java.util.Objects;
import java.util.Optional;

/**
 * An OSGi version ({@code major[.minor[.micro[.qualifier]]]}, core spec 3.2.5), read the way
 * {@code org.osgi.framework.Version.parseVersion} reads it, so that text this class accepts is
 * text the framework accepts. The contract cannot use the framework's class: the bnd plugin runs
 * where no OSGi framework is on the class path.
 */
public final class OsgiVersion implements Comparable<OsgiVersion> {

    private final int major;
    private final int minor;
    private final int micro;
    private final String qualifier;

    public OsgiVersion(int major, int minor, int micro, String qualifier) {
        if (major < 0 || minor < 0 || micro < 0) {
            throw new IllegalArgumentException("version parts must not be negative: " + major + "." + minor + "."
                    + micro);
        }
        this.major = major;
        this.minor = minor;
        this.micro = micro;
        this.qualifier = qualifier == null ? "" : qualifier;
    }

    /** The version written in {@code text} (blanks around it are ignored); empty when it is none. */
    public static Optional<OsgiVersion> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.strip().split("\\.", 4);
        if (parts.length == 0 || parts[0].isEmpty()) {
            return Optional.empty();
        }
        int[] numbers = new int[3];
        for (int i = 0; i < Math.min(parts.length, 3); i++) {
            Optional<Integer> n = number(parts[i]);
            if (n.isEmpty()) {
                return Optional.empty();
            }
            numbers[i] = n.get();
        }
        String qualifier = parts.length == 4 ? parts[3] : "";
        if (parts.length == 4 && !isQualifier(qualifier)) {
            return Optional.empty();
        }
        return Optional.of(new OsgiVersion(numbers[0], numbers[1], numbers[2], qualifier));
    }

    public static boolean isVersion(String text) {
        return parse(text).isPresent();
    }

    public int major() {
        return major;
    }

    public int minor() {
        return minor;
    }

    public int micro() {
        return micro;
    }

    public String qualifier() {
        return qualifier;
    }

    @Override
    public int compareTo(OsgiVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        if (c == 0) {
            c = Integer.compare(micro, o.micro);
        }
        return c != 0 ? c : qualifier.compareTo(o.qualifier);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OsgiVersion v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(major, minor, micro, qualifier);
    }

    /** {@code 1.2.0}, or {@code 1.2.0.beta} with a qualifier: the framework's canonical form. */
    @Override
    public String toString() {
        return major + "." + minor + "." + micro + (qualifier.isEmpty() ? "" : "." + qualifier);
    }

    private static Optional<Integer> number(String digits) {
        if (digits.isEmpty() || digits.length() > 10) {
            return Optional.empty();
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return Optional.empty();
            }
        }
        long value = Long.parseLong(digits);
        return value > Integer.MAX_VALUE ? Optional.empty() : Optional.of((int) value);
    }

    private static boolean isQualifier(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
