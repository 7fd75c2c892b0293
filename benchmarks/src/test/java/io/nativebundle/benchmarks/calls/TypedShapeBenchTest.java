package io.nativebundle.benchmarks.calls;

import static org.junit.Assert.assertEquals;
import static org.junit.Assume.assumeTrue;

import java.nio.file.Files;

import org.junit.Test;

import io.nativebundle.benchmarks.BenchPaths;

/**
 * TypedShapeBench's paths compute what abitest's C computes, as its setup checks before anything is
 * measured: JNI, the typed service on jnr, and on FFM when the tests run on Java 22+ (e.g. with
 * {@code -Djvm=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}). Measures nothing.
 */
public class TypedShapeBenchTest {

    /** The same values on every path: each setup has already called each shape once. */
    private static void assertShapes(TypedShapeBench.Shapes shapes) {
        assertEquals(0, shapes.unsigned.applyAsLong(0xFFFF_FFFFL));
        assertEquals(5 + TypedShapeBench.SUM_OF_REST, shapes.arrayIn.applyAsInt(5));
        long first = shapes.arrayOut.getAsLong();
        assertEquals(first + TypedShapeBench.ELEMENTS - 1, shapes.arrayOut.getAsLong());
        // C truncates: -23 / 7 is -3, -23 % 7 is -2
        assertEquals(-3 + -2, shapes.byReference.applyAsInt(-23, 7));
        assertEquals(-1, shapes.saveError.applyAsInt(5));
    }

    @Test
    public void jniComputesEveryShapeAndSavesErrno() throws Exception {
        assumeTrue("the JNI stub is built on linux/x86-64 only", Files.isRegularFile(BenchPaths.jniLibrary()));
        TypedShapeBench.Jni jni = new TypedShapeBench.Jni();
        jni.setUp();
        assertShapes(jni);
        assertEquals(5, JniMath.lastErrno());
    }

    @Test
    public void theTypedServiceOnJnrComputesEveryShape() throws Exception {
        TypedShapeBench.Jnr jnr = new TypedShapeBench.Jnr();
        try {
            jnr.setUp();
            assertShapes(jnr);
        } finally {
            jnr.tearDown();
        }
    }

    @Test
    public void theTypedServiceOnFfmComputesEveryShape() throws Exception {
        assumeTrue("the FFM backend needs Java 22+", Runtime.version().feature() >= 22);
        TypedShapeBench.Ffm ffm = new TypedShapeBench.Ffm();
        try {
            ffm.setUp();
            assertShapes(ffm);
        } finally {
            ffm.tearDown();
        }
    }
}
