package io.nativebundle.contract;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The spelling of durations and sizes in headers, descriptors and framework properties: a
 * whole number with its unit, never a bare number whose unit a reader would have to guess.
 * <ul>
 * <li>a duration: {@code 250ms}, {@code 2s}, {@code 5m} (milliseconds, seconds, minutes);</li>
 * <li>a size in bytes: {@code 512m}, {@code 2g}, {@code 65536k}, {@code 1048576} (binary
 *     multiples k, m, g; a bare number is bytes).</li>
 * </ul>
 */
public final class Amounts {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,12})\\s*(ms|s|m)");
    private static final Pattern SIZE = Pattern.compile("(\\d{1,15})\\s*([kmg]?)b?");

    /** How a duration is written, for messages. */
    public static final String DURATION_FORM = "a whole number of ms, s or m, e.g. 250ms or 2s";
    /** How a size is written, for messages. */
    public static final String SIZE_FORM = "a whole number of bytes, optionally with k, m or g, e.g. 512m";

    private Amounts() {
    }

    /** {@code 250ms} → 250 milliseconds; empty when it is not a duration of this form or is zero. */
    public static Optional<Duration> duration(String text) {
        Matcher m = DURATION.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            default -> Duration.ofMinutes(n);
        };
        return d.isZero() ? Optional.empty() : Optional.of(d);
    }

    /** {@code 512m} → 536870912; empty when it is not a size of this form or is zero. */
    public static OptionalLong bytes(String text) {
        Matcher m = SIZE.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        long n = Long.parseLong(m.group(1));
        int shift = switch (m.group(2)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        if (n == 0 || Long.numberOfLeadingZeros(n) <= shift) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(n << shift);
    }

    /** A duration in the largest unit that writes it whole: {@code 2s}, {@code 250ms}. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    /** A size in the largest binary unit that writes it whole: {@code 512m}, {@code 1000}. */
    public static String formatBytes(long bytes) {
        for (String unit : new String[] {"g", "m", "k"}) {
            int shift = unit.equals("g") ? 30 : unit.equals("m") ? 20 : 10;
            if (bytes % (1L << shift) == 0) {
                return (bytes >> shift) + unit;
            }
        }
        return Long.toString(bytes);
    }
}
