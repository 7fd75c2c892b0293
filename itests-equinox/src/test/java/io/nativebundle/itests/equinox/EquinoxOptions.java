package io.nativebundle.itests.equinox;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ops4j.pax.exam.Option;

import io.nativebundle.definition.CoreBundle.Role;
import io.nativebundle.definition.RuntimeDefinition;
import io.nativebundle.testkit.NativeBundleTestKit;
import io.nativebundle.testkit.RuntimeBundles;

/**
 * How an Equinox test framework looks: the runtime's bundles from the runtime definition (the
 * test kit's, as in the Felix itests) and not one {@code io.nativebundle.*} or Felix framework
 * property. What the launcher sets for Felix is an override; here the loader provides the ABI and
 * detects the platform on its own.
 */
final class EquinoxOptions {

    /** The folder where Maven copied the example bundles, versions stripped. */
    static final File BUNDLES = new File(required("nativebundle.itest.bundles"));
    /** The folder the runtime-bundles goal filled with the runtime's bundles. */
    static final File RUNTIME = new File(required("nativebundle.itest.runtime"));
    /**
     * Whether this run has the FFM backend's fragment ({@code -Dnativebundle.itest.ffm=true}: the second run,
     * on the JDK of {@code -Dnativebundle.it.jdk}), as a user on JDK 22+ would install it next to the loader.
     */
    static final boolean FFM = Boolean.getBoolean("nativebundle.itest.ffm");

    private EquinoxOptions() {
    }

    /** Declarative Services, Gogo and what the loader needs, without the loader: for tests that install it. */
    static Option[] withoutLoader() {
        RuntimeBundles runtime = new RuntimeBundles(RUNTIME);
        List<File> files = new ArrayList<>(runtime.files(Role.CORE, Role.SERVICES, Role.GOGO_COMMANDS));
        files.remove(runtimeJar("loader"));
        return withTestProperties(withFfm(NativeBundleTestKit.bundles(files)));
    }

    /** The runtime, the {@code native:} commands, the math example and its SCR consumer. */
    static Option[] withExamples() {
        List<File> files = new RuntimeBundles(RUNTIME).files(Role.CORE, Role.SERVICES, Role.GOGO_COMMANDS,
                Role.NATIVE_COMMANDS);
        List<Option> options = new ArrayList<>(Arrays.asList(withTestProperties(withFfm(
                NativeBundleTestKit.bundles(files)))));
        options.add(bundle(jar("math").toURI().toString()));
        options.add(bundle(jar("consumer").toURI().toString()));
        return options.toArray(new Option[0]);
    }

    /** The backend the loader chooses by itself in this run: {@code ffm} with the fragment on Java 22+, else {@code jnr}. */
    static String automaticBackend() {
        return FFM && Runtime.version().feature() >= 22 ? "ffm" : "jnr";
    }

    /** An example bundle file copied by Maven into {@link #BUNDLES}, e.g. {@code jar("math")}. */
    static File jar(String name) {
        return new File(BUNDLES, name + ".jar");
    }

    /**
     * A runtime bundle's file by its artifactId, e.g. {@code runtimeJar("loader")}; inside the
     * framework too, where the definition is a bundle and the test kit is not.
     */
    static File runtimeJar(String artifactId) {
        return new File(RUNTIME, RuntimeDefinition.coreBundle(artifactId).fileName());
    }

    /**
     * {@code runtime} plus, in the FFM run, the fragment: installed, never started, before the loader, so that it
     * attaches when the loader resolves (or, where the loader comes later, when that one resolves).
     */
    private static Option[] withFfm(Option[] runtime) {
        List<Option> options = new ArrayList<>(Arrays.asList(runtime));
        if (FFM) {
            options.add(0, bundle(new RuntimeBundles(RUNTIME).files(Role.FFM).get(0).toURI().toString()).noStart());
        }
        return options.toArray(new Option[0]);
    }

    /** The test's own settings, read inside the framework ({@link #jar} and {@link #RUNTIME}): no framework property. */
    private static Option[] withTestProperties(Option[] runtime) {
        List<Option> options = new ArrayList<>(Arrays.asList(runtime));
        options.add(systemProperty("nativebundle.itest.bundles").value(BUNDLES.getAbsolutePath()));
        options.add(systemProperty("nativebundle.itest.runtime").value(RUNTIME.getAbsolutePath()));
        options.add(systemProperty("nativebundle.itest.ffm").value(String.valueOf(FFM)));
        return options.toArray(new Option[0]);
    }

    private static String required(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("system property " + key + " is not set; run the tests through Maven");
        }
        return value;
    }
}
