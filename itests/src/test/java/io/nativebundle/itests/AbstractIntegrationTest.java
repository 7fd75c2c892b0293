package io.nativebundle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.Optional;

import javax.inject.Inject;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeBundleStatus;
import io.nativebundle.api.NativeFunction;
import io.nativebundle.api.NativeLibraryRegistry;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.testsupport.BundleRewriter;
import io.nativebundle.testsupport.osgi.Services;

/**
 * The base of every integration test: Pax Exam injects the test framework's context here, and
 * the helpers wait on conditions (a service registered, a bundle installed) instead of sleeping.
 * A test adds its own {@code @Configuration}, usually from {@link NativeBundleOptions}, and its
 * {@code @ExamReactorStrategy}.
 *
 * <pre>{@code
 * @RunWith(PaxExam.class)
 * @ExamReactorStrategy(PerClass.class)
 * public class MathServiceTest extends AbstractIntegrationTest {
 *     @Configuration
 *     public Option[] config() {
 *         return NativeBundleOptions.withExamples();
 *     }
 * }
 * }</pre>
 */
public abstract class AbstractIntegrationTest {

    /** The test framework's context, as the probe bundle sees it. */
    @Inject
    protected BundleContext context;

    /** Waits (at most {@link Services#TIMEOUT_MS}) for a service of {@code type} matching {@code filter} (may be null). */
    protected <T> T service(Class<T> type, String filter) throws InterruptedException {
        return context.getService(Services.await(context, type, filter));
    }

    /** Waits for the {@code NativeFunction} service of {@code symbol} in {@code library}. */
    protected NativeFunction function(String library, String symbol) throws InterruptedException {
        return service(NativeFunction.class, "(&(" + NativeBundleConstants.LIBRARY + "=" + library + ")("
                + NativeBundleConstants.SYMBOL + "=" + symbol + "))");
    }

    /** The loader's registry: every native bundle's status. */
    protected NativeLibraryRegistry registry() throws InterruptedException {
        return service(NativeLibraryRegistry.class, null);
    }

    /** A check a test runs while a refused bundle is installed, e.g. that the rest keeps serving. */
    @FunctionalInterface
    protected interface Check {
        void run() throws Exception;
    }

    /**
     * Installs {@code broken} (a copy with a symbolic name of its own), starts it and asserts what
     * every refusal by the loader looks like: the start succeeds, the bundle registers no service,
     * and its status is {@code REFUSED} for {@code reason}. Then runs {@code meanwhile} and
     * uninstalls the bundle, also when a check fails.
     *
     * @return the refused bundle's status, for its detail
     */
    protected NativeBundleStatus refused(BundleRewriter broken, RefusalReason reason, Check meanwhile) throws Exception {
        Bundle bundle = context.installBundle("test:" + broken.header("Bundle-SymbolicName"),
                new ByteArrayInputStream(broken.toBytes()));
        try {
            bundle.start();
            assertEquals("a refused library must not fail the bundle's start", Bundle.ACTIVE, bundle.getState());
            assertNull("the refused bundle registers no service", bundle.getRegisteredServices());
            NativeBundleStatus status = registry().status(bundle.getBundleId()).orElseThrow();
            assertEquals(status.toString(), NativeBundleStatus.State.REFUSED, status.state());
            assertEquals(status.detail(), Optional.of(reason), status.reason());
            meanwhile.run();
            return status;
        } finally {
            bundle.uninstall();
        }
    }

    /** The installed bundle with this symbolic name; fails the test when there is none. */
    protected Bundle installed(String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())
                && b.getState() != Bundle.UNINSTALLED).findFirst()
                .orElseThrow(() -> new AssertionError("no bundle " + symbolicName + " is installed"));
    }
}
