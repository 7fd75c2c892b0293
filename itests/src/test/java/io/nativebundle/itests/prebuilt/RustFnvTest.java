package io.nativebundle.itests.prebuilt;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import org.osgi.framework.Bundle;

import org.osgi.framework.ServiceReference;

import io.nativebundle.api.CheckResult;
import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeBundleStatus;
import io.nativebundle.api.NativeBundleVerifier;
import io.nativebundle.api.NativeFunction;
import io.nativebundle.api.NativeLibraryRegistry;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.examples.fnv.Fnv;
import io.nativebundle.itests.AbstractIntegrationTest;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.itests.Platform;
import io.nativebundle.testsupport.BundleRewriter;
import io.nativebundle.testsupport.osgi.Gogo;
import io.nativebundle.testsupport.osgi.Services;

/**
 * Issue 14: the fnv example, a Rust {@code cdylib} built by cargo and packed by the prebuilt goal,
 * is served like the C examples: typed through {@link Fnv}, by name through {@link NativeFunction}
 * and {@code native:call}. It has no build note; {@code NativeBundle-Prebuilt: cargo;abi=1.0.0} is
 * what lets it in, and without that header the loader refuses it. Checked against FNV-1a in Java.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RustFnvTest extends AbstractIntegrationTest {

    private static final String FILTER = "(" + NativeBundleConstants.LIBRARY + "=fnv)";

    @Configuration
    public Option[] config() {
        return NativeBundleOptions.core(NativeBundleOptions.fnv(), NativeBundleOptions.shell());
    }

    /** FNV-1a, 64 bits, in Java: what the Rust library must agree with. */
    static long fnv1a64(byte[] bytes) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : bytes) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return hash;
    }

    private Fnv fnv() throws InterruptedException {
        return service(Fnv.class, FILTER);
    }

    @Test
    public void theTypedInterfaceCallsRust() throws Exception {
        Fnv fnv = fnv();
        for (String text : List.of("", "a", "hello", "foobar", "nativebundle ü €")) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            assertEquals(text, fnv1a64(utf8), fnv.fnv1a64(text));
            assertEquals(text, fnv1a64(utf8), fnv.fnv1a64_bytes(utf8, utf8.length));
        }
        assertEquals("the published test vector", 0xaf63dc4c8601ec8cL, fnv.fnv1a64("a"));
        byte[] data = new byte[100_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        assertEquals(fnv1a64(data), fnv.fnv1a64_bytes(data, data.length));
    }

    @Test
    public void byNameAndFromTheShell() throws Exception {
        ServiceReference<NativeFunction> ref = Services.await(context, NativeFunction.class,
                "(&" + FILTER + "(" + NativeBundleConstants.SYMBOL + "=fnv1a64))");
        assertEquals(Platform.name(), ref.getProperty(NativeBundleConstants.PLATFORM));
        NativeFunction function = context.getService(ref);
        assertEquals("(string)long", function.signature().toString());
        assertEquals(fnv1a64("hello".getBytes(StandardCharsets.UTF_8)), function.invoke("hello"));
        assertEquals(Long.toString(fnv1a64("hello".getBytes(StandardCharsets.UTF_8))),
                Gogo.run(context, "native:call fnv fnv1a64 hello"));
    }

    @Test
    public void concurrentCallersEachGetTheirOwnHash() throws Exception {
        Fnv fnv = fnv();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        String text = "thread " + thread + " call " + i;
                        if (fnv.fnv1a64(text) != fnv1a64(text.getBytes(StandardCharsets.UTF_8))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void theBuildNoteCheckIsSkippedBecauseTheBundleSaysPrebuilt() throws Exception {
        NativeBundleVerifier verifier = service(NativeBundleVerifier.class, null);
        Path jar = NativeBundleOptions.jar("fnv").toPath();
        CheckResult note = verifier.verify(jar).checks().stream().filter(c -> c.check().equals("build-note"))
                .findFirst().orElseThrow();
        assertTrue(note.toString(), note.passed());
        assertTrue(note.detail(), note.detail().startsWith("skipped: libfnv.so was built elsewhere"));
        assertTrue(note.detail(), note.detail().contains("NativeBundle-Prebuilt"));
    }

    @Test
    public void withoutThePrebuiltHeaderTheLibraryIsRefused() throws Exception {
        BundleRewriter copy = BundleRewriter.of(NativeBundleOptions.jar("fnv"))
                .symbolicName("io.nativebundle.itests.fnv.undeclared")
                .header(NativeBundleConstants.HEADER_PREBUILT, null);
        Bundle bundle = context.installBundle("test:fnv-undeclared", new ByteArrayInputStream(copy.toBytes()));
        try {
            bundle.start();
            NativeLibraryRegistry registry = service(NativeLibraryRegistry.class, null);
            NativeBundleStatus status = registry.status(bundle.getBundleId()).orElseThrow();
            assertEquals(status.toString(), NativeBundleStatus.State.REFUSED, status.state());
            assertEquals(status.detail(), Optional.of(RefusalReason.BUILD_NOTE_MISMATCH), status.reason());
            assertTrue(status.detail(), status.detail().contains("has no .note.nativebundle build note"));
            assertNull("the refused copy registers nothing", bundle.getRegisteredServices());
            assertEquals("the declared one keeps serving", 0xaf63dc4c8601ec8cL, fnv().fnv1a64("a"));
        } finally {
            bundle.uninstall();
        }
    }
}
