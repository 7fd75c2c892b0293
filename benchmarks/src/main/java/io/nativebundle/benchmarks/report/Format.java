package io.nativebundle.benchmarks.report;

import java.util.Locale;

/** Number formats of the results tables. */
final class Format {

    private Format() {
    }

    /** Nanoseconds: one decimal below 100, none above. */
    static String ns(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return value < 100 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.0f", value);
    }

    static String ratio(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.2f×", value);
    }

    static String number(double value, int decimals) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    static double parse(String value) {
        try {
            return value == null ? Double.NaN : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
