package io.nativebundle.benchmarks;

import static org.junit.Assert.assertEquals;
import static org.junit.Assume.assumeTrue;

import java.nio.file.Files;
import java.util.function.IntBinaryOperator;
import java.util.function.ToIntFunction;

import org.junit.Test;

import io.nativebundle.benchmarks.calls.JniMath;
import io.nativebundle.benchmarks.osgi.AbitestInFramework;
import io.nativebundle.benchmarks.osgi.MathInFramework;

/**
 * The harness boots: the JNI stub answers, and the embedded framework serves the typed math
 * service to the consumer bundle. Measures nothing; the benchmarks run only with -Pbench.
 */
public class HarnessSmokeTest {

    @Test
    public void jniStubCallsTheMathFunctions() throws Exception {
        assumeTrue("the JNI stub is built on linux/x86-64 only", Files.isRegularFile(BenchPaths.jniLibrary()));
        JniMath.load();
        assertEquals(5, JniMath.add(2, 3));
        assertEquals(19, JniMath.length("hello, nativebundle"));
        JniMath.noop();
        int[] point = new int[2];
        JniMath.pointAdd(40, -7, 1, 2, point);
        assertEquals(41, point[0]);
        assertEquals(-5, point[1]);
    }

    @Test
    public void consumerBundleCallsPointAddByValueThroughTheTypedServiceAndNativeFunction() throws Exception {
        try (AbitestInFramework framework = AbitestInFramework.start()) {
            Object calls = framework.pointCalls();
            for (String path : new String[] {"typed", "function"}) {
                IntBinaryOperator add = (IntBinaryOperator) calls.getClass().getMethod(path).invoke(calls);
                assertEquals(path, 40 + 1 - 7 + 2, add.applyAsInt(40, -7));
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    public void consumerBundleCallsTheTypedServiceOfAnEmbeddedFramework() throws Exception {
        try (MathInFramework framework = MathInFramework.start(false)) {
            Object calls = framework.typedService();
            assertEquals(7, ((IntBinaryOperator) calls).applyAsInt(3, 4));
            assertEquals(3, ((ToIntFunction<String>) calls).applyAsInt("abc"));
            ((Runnable) calls).run();
        }
    }
}
