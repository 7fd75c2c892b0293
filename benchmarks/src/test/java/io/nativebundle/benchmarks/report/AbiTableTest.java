package io.nativebundle.benchmarks.report;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Map;

import org.junit.Test;

public class AbiTableTest {

    private static Sample median(double nanos) {
        return new Sample(nanos, nanos, Double.NaN, nanos, nanos, 1);
    }

    @Test
    public void eachShapeShowsBothMediansInItsUnitAndTheRatio() {
        String bench = "io.nativebundle.benchmarks.calls.AbiBench.";
        AbiTable table = new AbiTable(Map.of(bench + "structByPointer_jni", median(40), bench + "structByPointer_function",
                median(1200), bench + "structByPointer_ffm", median(800), bench + "qsort10k_jni", median(12_500_000),
                bench + "qsort10k_function", median(35_000_000), bench + "qsort10k_ffm", median(25_000_000)));
        assertTrue(table.measured());
        assertEquals(String.join("\n",
                "| call | JNI, hand-written | NativeFunction on jnr (descriptor over libc) | ×JNI"
                        + " | NativeFunction on FFM (Java 22+) | ×JNI |",
                "|---|---:|---:|---:|---:|---:|",
                "| struct by pointer: clock_gettime(int, out timespec) | 40.0 ns | 1200 ns | 30.00× | 800 ns | 20.00× |",
                "| qsort of 10,000 ints, a Java comparator per comparison | 12.5 ms | 35.0 ms | 2.80× | 25.0 ms | 2.00× |",
                ""),
                table.table());
    }

    @Test
    public void aMissingHalfIsShownAsNotMeasured() {
        AbiTable table = new AbiTable(Map.of("io.nativebundle.benchmarks.calls.AbiBench.qsort10k_function",
                median(35_000_000)));
        assertTrue(table.table().contains("| qsort of 10,000 ints, a Java comparator per comparison | – | 35.0 ms | – | – | – |"));
        assertFalse(new AbiTable(Map.of("io.nativebundle.benchmarks.calls.JniBench.add", median(5))).measured());
    }
}
