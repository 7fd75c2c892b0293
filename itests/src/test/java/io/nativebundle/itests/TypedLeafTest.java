package io.nativebundle.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.ops4j.pax.exam.CoreOptions.bundle;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeFunction;
import io.nativebundle.examples.math.MathLib;
import io.nativebundle.testsupport.BundleRewriter;
import io.nativebundle.testsupport.osgi.Services;

/**
 * A leaf declared in the manifest ({@code leaf=true} in {@code NativeBundle-Symbols}) applies to the
 * typed interface's method of the same name, as {@code @NativeLeaf} does: the typed service lists it
 * in {@code nativebundle.leaf.methods}, and its calls return what C computes, from many threads at
 * once (on FFM, in the JDK 25 run, through a critical downcall). The math bundle here is the example
 * with {@code add} and {@code noop} declared leaves, nothing else changed.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TypedLeafTest extends AbstractIntegrationTest {

    @Configuration
    public Option[] config() throws IOException {
        BundleRewriter math = BundleRewriter.of(NativeBundleOptions.jar("math"));
        String symbols = math.header("NativeBundle-Symbols")
                .replace("add;signature=\"(int,int)int\"", "add;signature=\"(int,int)int\";leaf=true")
                .replace("noop;signature=\"()void\"", "noop;signature=\"()void\";leaf=true");
        File leaves = math.symbolicName("io.nativebundle.itests.leafmath").header("NativeBundle-Symbols", symbols)
                .write(NativeBundleOptions.rewritten());
        return NativeBundleOptions.core(bundle(leaves.toURI().toString()));
    }

    @Test
    public void theTypedServiceListsTheMethodsDeclaredLeaves() throws Exception {
        ServiceReference<MathLib> ref = Services.await(context, MathLib.class, null);
        assertArrayEquals(new String[] {"add", "noop"}, (String[]) ref.getProperty(NativeBundleConstants.LEAF_METHODS));
        assertEquals(NativeBundleOptions.automaticBackend(), ref.getProperty(NativeBundleConstants.BACKEND));
        ServiceReference<NativeFunction> add = Services.await(context, NativeFunction.class,
                "(&(nativebundle.library=math)(nativebundle.symbol=add))");
        assertEquals(Boolean.TRUE, add.getProperty(NativeBundleConstants.LEAF));
        ServiceReference<NativeFunction> multiply = Services.await(context, NativeFunction.class,
                "(&(nativebundle.library=math)(nativebundle.symbol=multiply))");
        assertNull(multiply.getProperty(NativeBundleConstants.LEAF));
    }

    @Test
    public void theLeavesAndTheOtherMethodsAreCalledFromManyThreads() throws Exception {
        MathLib math = service(MathLib.class, null);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int base = t * 1_000_000;
                calls.add(pool.submit(() -> {
                    int wrong = 0;
                    for (int i = 0; i < 50_000; i++) {
                        wrong += math.add(base, i) == base + i ? 0 : 1;
                        math.noop();
                        wrong += math.multiply(i % 1000, 3) == (i % 1000) * 3 ? 0 : 1;
                    }
                    wrong += math.length("leaf") == 4 ? 0 : 1;
                    return wrong;
                }));
            }
            for (Future<Integer> call : calls) {
                assertEquals("calls that returned a wrong value", 0, (int) call.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
