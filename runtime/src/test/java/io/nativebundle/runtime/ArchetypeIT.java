package io.nativebundle.runtime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * Issue 14, done as a user would: in an empty folder outside this source tree, generate a project
 * from {@code io.nativebundle:native-bundle-archetype}, build it with {@code mvn verify} (its own
 * test loads the bundle in a real framework through the test kit), drop its jar into the plugins
 * folder of this build's distribution and call its C functions from the shell: {@code add}, and
 * {@code divide}, which returns a struct by value.
 *
 * <p>The inner Maven is a separate process with its own local repository
 * ({@code target/it-repo}), where maven-invoker-plugin staged this build's artifacts (the archetype,
 * native-bundle-parent, the Maven plugin, the bnd plugin, the test kit, the runtime's bundles) and
 * the archetype plugin; everything else comes from this build's local repository, offered as a
 * file mirror, so the inner build needs no network.
 */
public class ArchetypeIT {

    private static final Duration MAVEN_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration LAUNCH_TIMEOUT = Duration.ofMinutes(2);

    private Path work;
    private final List<Subprocess> started = new ArrayList<>();

    @Before
    public void emptyFolderOutsideTheSourceTree() throws IOException {
        work = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "nativebundle-archetype-");
        Path sources = Path.of("").toAbsolutePath().getParent();
        assertFalse(work + " must not lie in the source tree " + sources, work.startsWith(sources));
    }

    @After
    public void stopProcessesAndDeleteTheFolder() throws IOException {
        started.forEach(Subprocess::close);
        try (Stream<Path> files = Files.walk(work)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    public void aProjectFromTheArchetypeBuildsItsTestPassesAndItsJarAnswersNativeCall() throws Exception {
        Path settings = settings();

        Subprocess.Result generate = maven(work, settings, "org.apache.maven.plugins:maven-archetype-plugin:"
                + property("nativebundle.it.archetype-plugin") + ":generate", "-DarchetypeGroupId=io.nativebundle",
                "-DarchetypeArtifactId=native-bundle-archetype", "-DarchetypeVersion=" + property("nativebundle.version"),
                "-DarchetypeCatalog=local", "-DgroupId=org.acme", "-DartifactId=temp", "-Dpackage=org.acme.temp");
        assertEquals(generate.toString(), 0, generate.exitCode());
        Path project = work.resolve("temp");
        assertTrue(Files.readString(project.resolve("src/main/c/temp.c"))
                .contains("NATIVEBUNDLE_LIBRARY(\"temp\", \"1.0.0\", \"1.0.0\");"));
        String calculator = Files.readString(project.resolve("src/main/java/org/acme/temp/Calculator.java"));
        assertTrue(calculator, calculator.contains("int add(int a, int b);")
                && calculator.contains("@ByValue\n    Division divide(int a, int b);"));
        assertTrue(Files.readString(project.resolve("bnd.bnd"))
                .contains("NativeBundle-Library: temp;version=1.0.0;interface=org.acme.temp.Calculator"));
        assertTrue(Files.isRegularFile(project.resolve("README.md")));

        Subprocess.Result verify = maven(project, settings, "verify");
        assertEquals(verify.toString(), 0, verify.exitCode());
        String report = Files.readString(project.resolve("target/failsafe-reports/TEST-org.acme.temp.CalculatorIT.xml"));
        assertTrue(report, report.contains("tests=\"2\"") && report.contains("failures=\"0\"")
                && report.contains("errors=\"0\"") && report.contains("skipped=\"0\""));
        Path jar = project.resolve("target/temp-1.0-SNAPSHOT.jar");
        assertTrue(jar + " was built", Files.isRegularFile(jar));

        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Files.copy(jar, plugins.resolve(jar.getFileName()));
        assertEquals(List.of("5"), nativeCall(plugins, "native:call temp add 2 3"));
        // the struct the C function returns by value, read through the layout the bnd plugin wrote
        assertEquals(List.of("{quot=3, rem=2}"), nativeCall(plugins, "native:call temp divide 17 5"));
    }

    /** Runs {@code command} in this build's distribution with {@code plugins}: its output lines, nothing on stderr. */
    private List<String> nativeCall(Path plugins, String command) throws Exception {
        Path dist = Path.of(property("nativebundle.dist")).toAbsolutePath();
        Subprocess.Result call = run(List.of(dist.resolve("bin/nativebundle").toString(), "--cache",
                work.resolve("cache").toString(), "--plugins", plugins.toString(), "exec", command),
                work, Map.of(), LAUNCH_TIMEOUT);
        assertEquals(call.toString(), 0, call.exitCode());
        assertEquals(call.toString(), "", call.err());
        return call.out().lines().toList();
    }

    /** A settings file: the staged repository as the local one, this build's local repository as the only remote. */
    private Path settings() throws IOException {
        Path mirror = Path.of(property("nativebundle.it.mirror")).toAbsolutePath();
        return Files.writeString(work.resolve("settings.xml"), String.join("\n",
                "<settings>",
                "  <localRepository>" + Path.of(property("nativebundle.it.repo")).toAbsolutePath() + "</localRepository>",
                "  <mirrors>",
                "    <mirror><id>outer-build</id><mirrorOf>*</mirrorOf><url>" + mirror.toUri() + "</url></mirror>",
                "  </mirrors>",
                "</settings>", ""));
    }

    private Subprocess.Result maven(Path directory, Path settings, String... goals) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(property("maven.home"), "bin", "mvn").toString(), "-B",
                "-s", settings.toString(), "-Dmaven.repo.local=" + Path.of(property("nativebundle.it.repo"))
                        .toAbsolutePath()));
        command.addAll(List.of(goals));
        // the inner build runs on this test's JDK, and nothing of the outer Maven's options leaks in
        return run(command, directory, Map.of("JAVA_HOME", System.getProperty("java.home"), "MAVEN_OPTS", ""),
                MAVEN_TIMEOUT);
    }

    private Subprocess.Result run(List<String> command, Path directory, Map<String, String> environment,
            Duration timeout) throws Exception {
        Subprocess process = Subprocess.start(command, directory, environment, "", work.resolve("logs"));
        started.add(process);
        return process.finish(timeout);
    }

    private static String property(String key) {
        String value = System.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + key + " is not set; run the test through Maven");
        }
        return value;
    }
}
