package io.nativebundle.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ops4j.pax.exam.Option;

import io.nativebundle.definition.CoreBundle.Role;
import io.nativebundle.definition.RuntimeDefinition;
import io.nativebundle.testkit.NativeBundleTestKit;
import io.nativebundle.testkit.RuntimeBundles;

/**
 * The one place that says how an integration-test framework looks: the runtime the test kit
 * builds from the runtime definition (the launcher's framework properties and core bundles, taken
 * as files from the reactor), plus the examples and the itests' own settings.
 *
 * <p>Some of this runs inside the framework (a test calls {@link #jar} or reads {@link #WORK});
 * that part uses only the JDK and the definition, which the test kit installs as a bundle.
 */
public final class NativeBundleOptions {

    /** The folder where Maven copied the example bundles, versions stripped. */
    public static final File BUNDLES = new File(required("nativebundle.itest.bundles"));
    /** The folder the runtime-bundles goal filled with the runtime's core bundles. */
    public static final File RUNTIME = new File(required("nativebundle.itest.runtime"));
    /** A scratch folder for native caches and test-built bundles. */
    public static final File WORK = new File(required("nativebundle.itest.work"));
    /** {@code libcrash.so} of {@code src/test/c/crash}: add, and a way each to end its process. */
    public static final File CRASH_LIBRARY = new File(required("nativebundle.itest.libcrash"));
    /** {@code libkeeper.so} of {@code src/test/c/keeper}: keeps a callback and calls it later, or from a new pthread. */
    public static final File KEEPER_LIBRARY = new File(required("nativebundle.itest.libkeeper"));

    /**
     * Whether this run has the FFM backend's fragment in its runtime ({@code -Dnativebundle.itest.ffm=true}:
     * the backend itests' second run, on the JDK of {@code -Dnativebundle.it.jdk}).
     */
    public static final boolean FFM = Boolean.getBoolean("nativebundle.itest.ffm");

    private NativeBundleOptions() {
    }

    /** The backend the loader chooses by itself in this run: {@code ffm} with the fragment on Java 22+, else {@code jnr}. */
    public static String automaticBackend() {
        return FFM && Runtime.version().feature() >= 22 ? "ffm" : "jnr";
    }

    /** The core runtime without any native bundle. */
    public static Option[] core(Option... extra) {
        List<Option> options = new ArrayList<>(Arrays.asList(NativeBundleTestKit.runtime(new RuntimeBundles(RUNTIME),
                WORK)));
        if (FFM) {
            // a fragment of the loader: installed before it, so it attaches when the loader resolves
            options.add(0, bundle(new RuntimeBundles(RUNTIME).files(Role.FFM).get(0).toURI().toString()).noStart());
            options.add(systemProperty("nativebundle.itest.ffm").value("true"));
        }
        options.add(frameworkProperty("io.nativebundle.libc").value("glibc"));
        options.add(systemProperty("nativebundle.itest.bundles").value(BUNDLES.getAbsolutePath()));
        options.add(systemProperty("nativebundle.itest.runtime").value(RUNTIME.getAbsolutePath()));
        options.add(systemProperty("nativebundle.itest.work").value(WORK.getAbsolutePath()));
        options.add(systemProperty("nativebundle.itest.libcrash").value(CRASH_LIBRARY.getAbsolutePath()));
        options.add(systemProperty("nativebundle.itest.libkeeper").value(KEEPER_LIBRARY.getAbsolutePath()));
        options.addAll(Arrays.asList(extra));
        return options(options.toArray(new Option[0]));
    }

    /** The core runtime plus the math example and its SCR consumer. */
    public static Option[] withExamples(Option... extra) {
        List<Option> options = new ArrayList<>(Arrays.asList(core()));
        options.add(bundle(jar("math").toURI().toString()));
        options.add(bundle(jar("consumer").toURI().toString()));
        options.addAll(Arrays.asList(extra));
        return options.toArray(new Option[0]);
    }

    /** The {@code native:} Gogo commands (io.nativebundle.shell); they need SCR and gogo.runtime from {@link #core}. */
    public static Option shell() {
        return runtimeBundle(Role.NATIVE_COMMANDS);
    }

    /** The zlib example: the host's {@code libz.so.1} behind a typed interface (a system-library bundle). */
    public static Option zlib() {
        return bundle(jar("zlib").toURI().toString());
    }

    /** The abitest example: the C ABI test library, its typed interface and its functions by name. */
    public static Option abitest() {
        return bundle(jar("abitest").toURI().toString());
    }

    /** The fnv example: a Rust cdylib built by cargo, packed as a prebuilt library (NativeBundle-Prebuilt). */
    public static Option fnv() {
        return bundle(jar("fnv").toURI().toString());
    }

    /**
     * The wrap bundle (io.nativebundle.wrap): turns a raw {@code .so} plus its {@code .nativebundle}
     * descriptor into a native bundle, for FileInstall drop-ins and {@code native:wrap}.
     */
    public static Option wrap() {
        return runtimeBundle(Role.WRAP);
    }

    /** The core runtime, the examples and the {@code native:} Gogo commands. */
    public static Option[] withShell(Option... extra) {
        List<Option> options = new ArrayList<>(Arrays.asList(withExamples()));
        options.add(shell());
        options.addAll(Arrays.asList(extra));
        return options.toArray(new Option[0]);
    }

    /**
     * FileInstall watching {@code plugins} the way the launcher watches {@code plugins/} (the
     * definition's settings: sub-folders such as {@code plugins/<tenant>/} are folders of plugins),
     * polling every 100 ms; drop, replace or delete a jar there and the framework follows.
     */
    public static Option[] fileInstall(File plugins) {
        return new Option[] {
            runtimeBundle(Role.PLUGINS_FOLDER),
            frameworkProperty("felix.fileinstall.dir").value(plugins.getAbsolutePath()),
            frameworkProperty("felix.fileinstall.poll").value("100"),
        };
    }

    /**
     * The core runtime plus {@code extra}, then FileInstall watching {@code plugins} and the wrap
     * bundle, for {@code .nativebundle} drop-ins. FileInstall comes before wrap: wrap's optional
     * import of FileInstall's API wires only to a bundle installed when wrap resolves (the launcher
     * installs every core bundle before starting any).
     */
    public static Option[] withDropIns(File plugins, Option... extra) {
        List<Option> options = new ArrayList<>(Arrays.asList(core(extra)));
        options.addAll(Arrays.asList(fileInstall(plugins)));
        options.add(wrap());
        return options.toArray(new Option[0]);
    }

    /** A new empty folder under {@link #WORK}, e.g. a plugins folder for {@link #fileInstall}. */
    public static File newWorkDir(String prefix) {
        File dir = new File(WORK, prefix + "-" + UUID.randomUUID());
        dir.mkdirs();
        return dir;
    }

    /** Where tests write the bundles they rewrite ({@code BundleRewriter.write(rewritten())}). */
    public static Path rewritten() {
        return new File(WORK, "bundles").toPath();
    }

    /** The files of the core runtime's bundles, in install order, for a framework started outside Pax Exam. */
    public static List<File> coreBundleFiles() {
        // runs inside the framework, where the definition is a bundle and the test kit is not
        return RuntimeDefinition.coreBundles(Role.CORE, Role.SERVICES).stream()
                .map(bundle -> new File(RUNTIME, bundle.fileName())).toList();
    }

    /** The runtime's framework properties of {@link #core}, for a framework started outside Pax Exam. */
    public static Map<String, String> frameworkProperties(File cacheDir) {
        Map<String, String> p = new LinkedHashMap<>(RuntimeDefinition.frameworkProperties());
        p.put("io.nativebundle.libc", "glibc");
        p.put("io.nativebundle.cache.dir", cacheDir.getAbsolutePath());
        return p;
    }

    /** An example bundle file copied by Maven into {@link #BUNDLES}, e.g. {@code jar("math")}. */
    public static File jar(String name) {
        return new File(BUNDLES, name + ".jar");
    }

    private static Option runtimeBundle(Role role) {
        return bundle(new RuntimeBundles(RUNTIME).files(role).get(0).toURI().toString());
    }

    private static String required(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("system property " + key + " is not set; run the tests through Maven");
        }
        return value;
    }
}
