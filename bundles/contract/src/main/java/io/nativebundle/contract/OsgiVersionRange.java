package io.nativebundle.contract;

import java.util.Optional;

/**
 * An OSGi version range ({@code [1.2,2)}, {@code (1,2]}) or a plain version meaning "at least"
 * ({@code 1.2}), read as {@code org.osgi.framework.VersionRange} reads it (core spec 3.2.6).
 *
 * @see OsgiVersion for why the contract has its own
 */
public final class OsgiVersionRange {

    private final boolean leftClosed;
    private final OsgiVersion left;
    private final Optional<OsgiVersion> right;
    private final boolean rightClosed;

    private OsgiVersionRange(boolean leftClosed, OsgiVersion left, Optional<OsgiVersion> right, boolean rightClosed) {
        this.leftClosed = leftClosed;
        this.left = left;
        this.right = right;
        this.rightClosed = rightClosed;
    }

    /** {@code [v,v]}: exactly one version. */
    public static OsgiVersionRange exactly(OsgiVersion v) {
        return new OsgiVersionRange(true, v, Optional.of(v), true);
    }

    /** {@code v}: {@code v} and every later version. */
    public static OsgiVersionRange atLeast(OsgiVersion v) {
        return new OsgiVersionRange(true, v, Optional.empty(), false);
    }

    /** The range written in {@code text}; empty when it is neither a range nor a version. */
    public static Optional<OsgiVersionRange> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        char open = s.charAt(0);
        if (open != '[' && open != '(') {
            return OsgiVersion.parse(s).map(OsgiVersionRange::atLeast);
        }
        char close = s.charAt(s.length() - 1);
        int comma = s.indexOf(',');
        if (s.length() < 2 || (close != ']' && close != ')') || comma < 0 || comma != s.lastIndexOf(',')) {
            return Optional.empty();
        }
        Optional<OsgiVersion> left = OsgiVersion.parse(s.substring(1, comma));
        Optional<OsgiVersion> right = OsgiVersion.parse(s.substring(comma + 1, s.length() - 1));
        if (left.isEmpty() || right.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new OsgiVersionRange(open == '[', left.get(), right, close == ']'));
    }

    public static boolean isRange(String text) {
        return parse(text).isPresent();
    }

    /** The lowest version, the floor. */
    public OsgiVersion left() {
        return left;
    }

    /** The ceiling; empty for "at least" ranges. */
    public Optional<OsgiVersion> right() {
        return right;
    }

    /** Whether no version can lie inside, e.g. {@code [2,1.2)} or {@code [1,1)}. */
    public boolean isEmpty() {
        if (right.isEmpty()) {
            return false;
        }
        int c = left.compareTo(right.get());
        return c > 0 || c == 0 && !(leftClosed && rightClosed);
    }

    /** Whether {@code version} lies inside. */
    public boolean includes(OsgiVersion version) {
        int low = left.compareTo(version);
        if (low > 0 || low == 0 && !leftClosed) {
            return false;
        }
        if (right.isEmpty()) {
            return true;
        }
        int high = version.compareTo(right.get());
        return high < 0 || high == 0 && rightClosed;
    }

    /** {@code [1.2.0,2.0.0)}, or {@code 1.2.0} for "at least". */
    @Override
    public String toString() {
        return right.map(r -> (leftClosed ? "[" : "(") + left + "," + r + (rightClosed ? "]" : ")"))
                .orElse(left.toString());
    }
}
