package io.nativebundle.itests;

import java.util.Arrays;

import javax.inject.Inject;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

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

    /** The installed bundle with this symbolic name; fails the test when there is none. */
    protected Bundle installed(String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())
                && b.getState() != Bundle.UNINSTALLED).findFirst()
                .orElseThrow(() -> new AssertionError("no bundle " + symbolicName + " is installed"));
    }
}
