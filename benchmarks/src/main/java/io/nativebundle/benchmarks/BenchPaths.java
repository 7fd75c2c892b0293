package io.nativebundle.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import io.nativebundle.binary.host.HostMachine;

/**
 * Where the benchmarks find what the Maven build made: the bundles, the native libraries and a
 * scratch folder. Everything sits in the module's {@code target/}, found from the location of
 * this class (a jar or a class folder directly inside {@code target/}), or given with
 * {@code -Dnativebundle.bench.target=DIR}. JMH forks inherit the same class path, so they find
 * the same folder.
 */
public final class BenchPaths {

    /** The system property that overrides the {@code target/} folder. */
    public static final String TARGET_PROPERTY = "nativebundle.bench.target";

    private static final Properties BUILD = load();

    private BenchPaths() {
    }

    /** The module's {@code target/} folder. */
    public static Path target() {
        String configured = System.getProperty(TARGET_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        try {
            Path location = Path.of(BenchPaths.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.toAbsolutePath().normalize().getParent();
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot tell where the benchmarks were built; set -D" + TARGET_PROPERTY, e);
        }
    }

    /** The repository root (the parent of the {@code benchmarks/} module). */
    public static Path repositoryRoot() {
        return target().getParent().getParent();
    }

    /** The runtime's core bundles, copied by the runtime-bundles goal of nativebundle-maven-plugin. */
    public static Path runtimeBundles() {
        return existing(target().resolve("runtime-bundles").resolve("bundles.list"), "the runtime's bundles").getParent();
    }

    /** A bundle file copied by Maven, e.g. {@code bundle("math")} for {@code target/bundles/math.jar}. */
    public static Path bundle(String name) {
        return existing(target().resolve("bundles").resolve(name + ".jar"), "bundle " + name);
    }

    /** The hand-written JNI library, built on linux/x86-64 only. */
    public static Path jniLibrary() {
        return target().resolve("native/jni/libjnimath.so");
    }

    /** The {@code libmath.so} of the math bundle for this JVM's processor, unpacked by Maven. */
    public static Path mathLibrary() {
        return existing(target().resolve("native/math/native/linux/" + processor() + "/libmath.so"), "libmath.so");
    }

    /** A fresh folder under {@code target/bench-work} for caches and generated bundles. */
    public static Path newWorkDir(String prefix) {
        try {
            Path work = target().resolve("bench-work");
            Files.createDirectories(work);
            return Files.createTempDirectory(work, prefix + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work folder under " + target(), e);
        }
    }

    /** The OSGi processor name of this JVM, as used under {@code native/linux/<processor>/}; the runtime's own mapping. */
    public static String processor() {
        HostMachine machine = HostMachine.current();
        return machine.isKnown() ? machine.osgiProcessor() : machine.osArch();
    }

    /** A value the build wrote into {@code bench.properties}, e.g. {@code jmh.version}. */
    public static String build(String key) {
        String value = BUILD.getProperty(key);
        if (value == null || value.startsWith("${")) {
            throw new IllegalStateException("bench.properties has no value for " + key + "; build with Maven");
        }
        return value;
    }

    /**
     * The flags every JVM that runs the runtime gets ({@code nativebundle.jvm.flags} of the parent
     * pom): the JMH forks and the lifecycle subprocesses, so JDK 22+ runs them without warnings.
     */
    public static List<String> jvmFlags() {
        return List.of(build("nativebundle.jvm.flags").trim().split("\\s+"));
    }

    private static Path existing(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(what + " not found at " + file
                    + "; build the benchmarks with Maven first (mvn -pl benchmarks verify)");
        }
        return file;
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = BenchPaths.class.getResourceAsStream("bench.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
