package io.nativebundle.shell.internal;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class DurationsTest {

    @Test
    public void nanosecondsBelowOneMicrosecond() {
        assertEquals("0 ns", Durations.format(0));
        assertEquals("85 ns", Durations.format(85.4));
        assertEquals("999 ns", Durations.format(999.4));
    }

    @Test
    public void threeSignificantDigitsInTheLargestFittingUnit() {
        assertEquals("1.00 µs", Durations.format(999.5));
        assertEquals("1.25 µs", Durations.format(1_250));
        assertEquals("12.5 µs", Durations.format(12_500));
        assertEquals("125 µs", Durations.format(125_000));
        assertEquals("1.00 ms", Durations.format(999_999));
        assertEquals("12.5 ms", Durations.format(12_500_000));
        assertEquals("3.00 s", Durations.format(3_000_000_000.0));
        assertEquals("1500 s", Durations.format(1_500_000_000_000.0));
    }

    @Test
    public void roundingNeverPrintsTenOrAHundredWithTooManyDigits() {
        assertEquals("10.0 µs", Durations.format(9_996));
        assertEquals("100 µs", Durations.format(99_960));
    }

    @Test
    public void unknownDurationsPrintAsDash() {
        assertEquals("-", Durations.format(Double.NaN));
        assertEquals("-", Durations.format(-1));
        assertEquals("-", Durations.format(Double.POSITIVE_INFINITY));
    }
}
