package io.nativebundle.itests.equinox;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.ops4j.pax.exam.Option;

/**
 * How an Equinox test framework looks: the runtime's bundles as files from the reactor and not
 * one {@code io.nativebundle.*} or Felix framework property. What the launcher sets for Felix is
 * an override; here the loader provides the ABI and detects the platform on its own.
 */
final class EquinoxOptions {

    /** The folder where Maven copied the bundles, versions stripped. */
    static final File BUNDLES = new File(required("nativebundle.itest.bundles"));

    /** Declarative Services, Gogo and the libraries the loader needs, in install order. */
    private static final List<String> PLATFORM = List.of(
            "org.osgi.util.function", "org.osgi.util.promise", "org.osgi.service.component", "org.apache.felix.scr",
            "org.apache.felix.gogo.runtime", "org.apache.felix.gogo.command",
            "asm", "asm-commons", "asm-analysis", "asm-tree", "asm-util", "jnr", "jnr-ffi", "api", "binary");

    private EquinoxOptions() {
    }

    /** The runtime without the loader, for tests that install it themselves. */
    static List<Option> withoutLoader() {
        List<Option> options = new ArrayList<>(List.of(junitBundles(), cleanCaches(true),
                systemProperty("nativebundle.itest.bundles").value(BUNDLES.getAbsolutePath())));
        for (String name : PLATFORM) {
            options.add(bundle(jar(name).toURI().toString()));
        }
        return options;
    }

    /** The runtime, the {@code native:} commands, the math example and its SCR consumer. */
    static Option[] withExamples() {
        List<Option> options = withoutLoader();
        for (String name : List.of("loader", "shell", "math", "consumer")) {
            options.add(bundle(jar(name).toURI().toString()));
        }
        return options.toArray(new Option[0]);
    }

    /** A bundle file copied by Maven into {@link #BUNDLES}, e.g. {@code jar("math")}. */
    static File jar(String name) {
        return new File(BUNDLES, name + ".jar");
    }

    private static String required(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("system property " + key + " is not set; run the tests through Maven");
        }
        return value;
    }
}
