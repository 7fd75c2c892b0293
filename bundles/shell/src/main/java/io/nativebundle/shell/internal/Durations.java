package io.nativebundle.shell.internal;

import java.util.Locale;

/**
 * Prints a latency in the unit that suits it, with three significant digits:
 * {@code 85 ns}, {@code 1.25 µs}, {@code 12.5 ms}, {@code 3.00 s}.
 */
final class Durations {

    private static final String[] UNITS = {"µs", "ms", "s"};

    private Durations() {
    }

    /** The duration of {@code nanos} nanoseconds; {@code -} when it is negative or not a number. */
    static String format(double nanos) {
        if (!Double.isFinite(nanos) || nanos < 0) {
            return "-";
        }
        if (nanos < 999.5) {
            return Math.round(nanos) + " ns";
        }
        double value = nanos;
        int unit = -1;
        // move up while the rounded value would print as 1000 or more of the current unit
        while (unit + 1 < UNITS.length && value >= 999.5) {
            value /= 1000;
            unit++;
        }
        String number;
        if (value < 9.995) {
            number = String.format(Locale.ROOT, "%.2f", value);
        } else if (value < 99.95) {
            number = String.format(Locale.ROOT, "%.1f", value);
        } else {
            number = String.format(Locale.ROOT, "%.0f", value);
        }
        return number + " " + UNITS[unit];
    }
}
