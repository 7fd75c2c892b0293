package io.nativebundle.testkit;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ops4j.pax.exam.Option;

import io.nativebundle.definition.CoreBundle.Role;
import io.nativebundle.definition.RuntimeDefinition;
import io.nativebundle.testsupport.Await;

/**
 * A real nativebundle runtime for a plugin's tests: Felix with the runtime's core bundles and
 * framework properties (the runtime definition), the test-support and definition bundles (so a
 * test can use {@link Await} inside the framework), and the module's own bundle jar. One call in
 * a Pax Exam test:
 *
 * <pre>{@code
 * @RunWith(PaxExam.class)
 * public class CalculatorIT {
 *     @Inject @Filter("(nativebundle.library=temp)")
 *     Calculator calculator;
 *
 *     @Configuration
 *     public Option[] config() {
 *         return NativeBundleTestKit.options();
 *     }
 *
 *     @Test
 *     public void addsInC() {
 *         assertEquals(5, calculator.add(2, 3));
 *     }
 * }
 * }</pre>
 *
 * <p>native-bundle-parent sets the system properties this reads when the module depends on the
 * test kit: {@value #RUNTIME_PROPERTY} (the folder of core bundles, filled by the
 * {@code runtime-bundles} goal), {@value #BUNDLE_PROPERTY} (the module's jar; so the tests run
 * with failsafe, after {@code package}) and {@value #WORK_PROPERTY} (scratch space).
 */
public final class NativeBundleTestKit {

    /** The folder holding the runtime's core bundles. */
    public static final String RUNTIME_PROPERTY = "nativebundle.testkit.runtime";
    /** The jar of the bundle under test. */
    public static final String BUNDLE_PROPERTY = "nativebundle.testkit.bundle";
    /** A folder for the loader's native cache. */
    public static final String WORK_PROPERTY = "nativebundle.testkit.work";

    private NativeBundleTestKit() {
    }

    /** The runtime's core, the test-support bundle, the module's own bundle, then {@code extra}. */
    public static Option[] options(Option... extra) {
        List<Option> options = new ArrayList<>(Arrays.asList(runtime(new RuntimeBundles(required(RUNTIME_PROPERTY)),
                required(WORK_PROPERTY))));
        File jar = required(BUNDLE_PROPERTY);
        if (!jar.isFile()) {
            throw new IllegalStateException(jar + " (" + BUNDLE_PROPERTY + ") is missing: run the tests after the jar is"
                    + " packed, with failsafe (mvn verify)");
        }
        options.add(bundle(jar.toURI().toString()));
        options.addAll(Arrays.asList(extra));
        return options.toArray(new Option[0]);
    }

    /**
     * The runtime alone: JUnit's bundles, the framework properties of the runtime definition, a new
     * native cache under {@code work}, the test-support and definition bundles, and the core bundles of the
     * {@code core} and {@code services} roles plus {@code roles}, in start order.
     */
    public static Option[] runtime(RuntimeBundles bundles, File work, Role... roles) {
        List<Option> options = new ArrayList<>();
        for (Map.Entry<String, String> p : RuntimeDefinition.frameworkProperties().entrySet()) {
            options.add(frameworkProperty(p.getKey()).value(p.getValue()));
        }
        options.add(frameworkProperty("io.nativebundle.cache.dir").value(newFolder(work, "cache").getAbsolutePath()));
        List<Role> wanted = new ArrayList<>(List.of(Role.CORE, Role.SERVICES));
        wanted.addAll(Arrays.asList(roles));
        options.addAll(Arrays.asList(bundles(bundles.files(wanted.toArray(new Role[0])))));
        return options.toArray(new Option[0]);
    }

    /**
     * JUnit's bundles, the test-support and definition bundles, then {@code files} in this order, and
     * not one framework property: for a test that shows the runtime needs nothing from its host,
     * e.g. in another framework. {@link #runtime} is this plus the definition's properties.
     *
     * <pre>{@code
     * RuntimeBundles runtime = new RuntimeBundles(folder);
     * Option[] options = NativeBundleTestKit.bundles(runtime.files(Role.CORE, Role.SERVICES));
     * }</pre>
     */
    public static Option[] bundles(List<File> files) {
        List<Option> options = new ArrayList<>();
        options.add(junitBundles());
        options.add(cleanCaches(true));
        options.add(bundle(bundleOf(Await.class)));
        options.add(bundle(bundleOf(RuntimeDefinition.class)));
        for (File file : files) {
            options.add(bundle(file.toURI().toString()));
        }
        return options.toArray(new Option[0]);
    }

    /** A new empty folder {@code <prefix>-<random>} under {@code work}. */
    public static File newFolder(File work, String prefix) {
        Path folder = work.toPath().resolve(prefix + "-" + UUID.randomUUID());
        try {
            return Files.createDirectories(folder).toFile();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * The bundle a class of this class path comes from, so the tests can use it inside the
     * framework: its jar, or (in a reactor before packaging) its classes folder.
     */
    private static String bundleOf(Class<?> type) {
        try {
            File location = new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            return (location.isDirectory() ? "reference:" : "") + location.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the bundle of " + type.getName() + ": " + e.getMessage(), e);
        }
    }

    private static File required(String key) {
        String value = System.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + key + " is not set; native-bundle-parent sets it for"
                    + " failsafe when the project depends on io.nativebundle:nativebundle-testkit");
        }
        return new File(value);
    }
}
