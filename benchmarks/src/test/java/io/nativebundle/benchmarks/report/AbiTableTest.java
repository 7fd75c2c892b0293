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
        Map<String, Sample> samples = new java.util.HashMap<>(Map.of(bench + "structByPointer_jni", median(40),
                bench + "structByPointer_function", median(1200), bench + "qsort10k_jni", median(12_500_000),
                bench + "qsort10k_function", median(35_000_000), bench + "structByPointer_ffm", median(200),
                bench + "qsort10k_ffm", median(15_000_000)));
        samples.putAll(Map.of(bench + "structByValue_jni", median(20), bench + "structByValue_function", median(900),
                bench + "structByValue_typed", median(700), bench + "structByValue_ffm", median(300),
                bench + "structByValue_typedFfm", median(100)));
        AbiTable table = new AbiTable(samples);
        assertTrue(table.measured());
        assertEquals(String.join("\n",
                "| call | JNI, hand-written | NativeFunction | NativeFunction / JNI | NativeFunction on FFM | on FFM / JNI"
                        + " | typed interface | typed / JNI | typed on FFM | typed on FFM / JNI |",
                "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
                "| struct by pointer: clock_gettime(int, out timespec) | 40.0 ns | 1200 ns | 30.00× | 200 ns | 5.00× | – | – | – | – |",
                "| qsort of 10,000 ints, a Java comparator per comparison | 12.5 ms | 35.0 ms | 2.80× | 15.0 ms | 1.20× | – | – | – | – |",
                "| struct by value: point_add(point, point)point (abitest) | 20.0 ns | 900 ns | 45.00× | 300 ns | 15.00× | 700 ns | 35.00× | 100 ns | 5.00× |",
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
