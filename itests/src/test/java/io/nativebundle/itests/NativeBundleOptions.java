package io.nativebundle.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ops4j.pax.exam.Option;

/**
 * The one place that says how an integration-test framework looks: the runtime's framework
 * properties and the bundles the launcher would install, taken as files from the reactor.
 */
public final class NativeBundleOptions {

    /** The folder where Maven copied the reactor's and third-party bundles, versions stripped. */
    public static final File BUNDLES = new File(required("nativebundle.itest.bundles"));
    /** A scratch folder for native caches and test-built bundles. */
    public static final File WORK = new File(required("nativebundle.itest.work"));

    private static final String[] CORE = {
        "org.osgi.util.function", "org.osgi.util.promise", "org.osgi.service.component", "org.apache.felix.configadmin",
        "org.apache.felix.eventadmin", "org.apache.felix.scr", "org.apache.felix.gogo.runtime",
        "asm", "asm-commons", "asm-analysis", "asm-tree", "asm-util", "jnr", "jnr-ffi", "api", "binary", "loader",
    };

    private NativeBundleOptions() {
    }

    /** The core runtime without any native bundle. */
    public static Option[] core(Option... extra) {
        List<Option> options = new ArrayList<>(Arrays.asList(
                junitBundles(),
                cleanCaches(true),
                frameworkProperty("felix.native.processor.alias.aarch64").value("aarch64,arm64"),
                frameworkProperty("io.nativebundle.libc").value("glibc"),
                frameworkProperty("io.nativebundle.cache.dir").value(newCacheDir().getAbsolutePath()),
                frameworkProperty("felix.log.level").value("1"),
                frameworkProperty("ds.loglevel").value("error"),
                systemProperty("nativebundle.itest.bundles").value(BUNDLES.getAbsolutePath()),
                systemProperty("nativebundle.itest.work").value(WORK.getAbsolutePath())));
        for (String name : CORE) {
            options.add(bundle(jar(name).toURI().toString()));
        }
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
        return bundle(jar("shell").toURI().toString());
    }

    /** The zlib example: the host's {@code libz.so.1} behind a typed interface (a system-library bundle). */
    public static Option zlib() {
        return bundle(jar("zlib").toURI().toString());
    }

    /**
     * The wrap bundle (io.nativebundle.wrap): turns a raw {@code .so} plus its {@code .nativebundle}
     * descriptor into a native bundle, for FileInstall drop-ins and {@code native:wrap}.
     */
    public static Option wrap() {
        return bundle(jar("wrap").toURI().toString());
    }

    /** The core runtime, the examples and the {@code native:} Gogo commands. */
    public static Option[] withShell(Option... extra) {
        List<Option> options = new ArrayList<>(Arrays.asList(withExamples()));
        options.add(shell());
        options.addAll(Arrays.asList(extra));
        return options.toArray(new Option[0]);
    }

    /**
     * FileInstall watching {@code plugins} the way the launcher watches {@code plugins/}, polling
     * every 100 ms; drop, replace or delete a jar there and the framework follows.
     */
    public static Option[] fileInstall(File plugins) {
        return new Option[] {
            bundle(jar("org.apache.felix.fileinstall").toURI().toString()),
            frameworkProperty("felix.fileinstall.dir").value(plugins.getAbsolutePath()),
            frameworkProperty("felix.fileinstall.poll").value("100"),
            frameworkProperty("felix.fileinstall.noInitialDelay").value("true"),
            frameworkProperty("felix.fileinstall.log.level").value("1"),
        };
    }

    /** A new empty folder under {@link #WORK}, e.g. a plugins folder for {@link #fileInstall}. */
    public static File newWorkDir(String prefix) {
        File dir = new File(WORK, prefix + "-" + UUID.randomUUID());
        dir.mkdirs();
        return dir;
    }

    /** The files of the core runtime's bundles, in install order, for a framework started outside Pax Exam. */
    public static List<File> coreBundleFiles() {
        List<File> files = new ArrayList<>();
        for (String name : CORE) {
            files.add(jar(name));
        }
        return files;
    }

    /** The runtime's framework properties of {@link #core}, for a framework started outside Pax Exam. */
    public static Map<String, String> frameworkProperties(File cacheDir) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("felix.native.processor.alias.aarch64", "aarch64,arm64");
        p.put("io.nativebundle.libc", "glibc");
        p.put("io.nativebundle.cache.dir", cacheDir.getAbsolutePath());
        p.put("felix.log.level", "1");
        p.put("ds.loglevel", "error");
        return p;
    }

    /** A bundle file copied by Maven into {@link #BUNDLES}, e.g. {@code jar("math")}. */
    public static File jar(String name) {
        return new File(BUNDLES, name + ".jar");
    }

    private static File newCacheDir() {
        File dir = new File(WORK, "cache-" + UUID.randomUUID());
        dir.mkdirs();
        return dir;
    }

    private static String required(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("system property " + key + " is not set; run the tests through Maven");
        }
        return value;
    }
}
