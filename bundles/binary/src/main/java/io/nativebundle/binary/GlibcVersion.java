package io.nativebundle.binary;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A glibc symbol version such as {@code GLIBC_2.34}: the minimum glibc a library needs is the
 * highest of these among its version needs.
 *
 * <pre>{@code
 * GlibcVersion need = file.highestGlibc().orElseThrow();
 * boolean ok = need.compareTo(GlibcVersion.parse("2.31").orElseThrow()) <= 0;
 * }</pre>
 *
 * @param major the major version (2 for all current glibc)
 * @param minor the minor version
 * @param patch the patch version, 0 if absent (e.g. 5 in {@code GLIBC_2.2.5})
 */
public record GlibcVersion(int major, int minor, int patch) implements Comparable<GlibcVersion> {

    private static final Pattern FORMAT = Pattern.compile("(?:GLIBC_)?(\\d{1,9})\\.(\\d{1,9})(?:\\.(\\d{1,9}))?");

    public GlibcVersion {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("glibc version parts must not be negative: " + major + "." + minor + "." + patch);
        }
    }

    /**
     * @param s {@code "GLIBC_2.34"}, {@code "GLIBC_2.2.5"} or {@code "2.34"}
     * @return the version, or empty if {@code s} is not one (e.g. {@code "GLIBC_PRIVATE"})
     */
    public static Optional<GlibcVersion> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(s.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        int patch = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        return Optional.of(new GlibcVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), patch));
    }

    @Override
    public int compareTo(GlibcVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c != 0 ? c : Integer.compare(patch, o.patch);
    }

    /** @return {@code "2.34"}, or {@code "2.2.5"} when there is a patch version */
    @Override
    public String toString() {
        return patch == 0 ? major + "." + minor : major + "." + minor + "." + patch;
    }
}
