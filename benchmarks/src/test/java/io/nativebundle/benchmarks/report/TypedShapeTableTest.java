package io.nativebundle.benchmarks.report;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.Test;

public class TypedShapeTableTest {

    private static final String BENCH = "io.nativebundle.benchmarks.calls.TypedShapeBench.";

    private static Sample median(double nanos) {
        return new Sample(nanos, nanos, Double.NaN, nanos, nanos, 1);
    }

    @Test
    public void eachShapeShowsTheThreeMediansAndTheirRatios() {
        Map<String, Sample> samples = new HashMap<>();
        String[] shapes = {"unsigned", "arrayIn", "arrayOut", "byReference", "saveError"};
        for (int i = 0; i < shapes.length; i++) {
            samples.put(BENCH + shapes[i] + "_jni", median(10 + i));
            samples.put(BENCH + shapes[i] + "_jnr", median(20 + 2 * i));
            samples.put(BENCH + shapes[i] + "_ffm", median(5 + i));
        }
        samples.put(BENCH + "byReference_jnr", median(250));
        TypedShapeTable table = new TypedShapeTable(samples);
        assertTrue(table.measured());
        assertEquals(String.join("\n",
                "| typed call | JNI, hand-written | typed on jnr | jnr / JNI | typed on FFM | FFM / JNI | FFM / jnr |",
                "|---|---:|---:|---:|---:|---:|---:|",
                "| unsigned: `@u_int32_t long next_u32(@u_int32_t long)` | 10.0 ns | 20.0 ns | 2.00× | 5.0 ns | 0.50×"
                        + " | 0.25× |",
                "| array in: `sum_ints(@In int[64], int)` | 11.0 ns | 22.0 ns | 2.00× | 6.0 ns | 0.55× | 0.27× |",
                "| array out: `fill_doubles(@Out double[64], int, double)` | 12.0 ns | 24.0 ns | 2.00× | 7.0 ns | 0.58×"
                        + " | 0.29× |",
                "| by reference: `divmod(int, int, @Out IntByReference, @Out LongLongByReference, @Out"
                        + " DoubleByReference)` | 13.0 ns | 250 ns | 19.23× | 8.0 ns | 0.62× | 0.03× |",
                "| `@SaveError int fail_with(int)` | 14.0 ns | 28.0 ns | 2.00× | 9.0 ns | 0.64× | 0.32× |",
                ""),
                table.table());
    }

    @Test
    public void aPathThatDidNotRunIsShownAsNotMeasured() {
        // JDK 17: no FFM half
        TypedShapeTable table = new TypedShapeTable(Map.of(BENCH + "saveError_jni", median(12),
                BENCH + "saveError_jnr", median(30)));
        assertTrue(table.table().contains("| `@SaveError int fail_with(int)` | 12.0 ns | 30.0 ns | 2.50× | – | – | – |"));
        assertTrue(table.table().contains("| array in: `sum_ints(@In int[64], int)` | – | – | – | – | – | – |"));
        assertFalse(new TypedShapeTable(Map.of(BENCH.replace("TypedShapeBench", "AbiBench") + "qsort10k_jni",
                median(5))).measured());
    }
}
