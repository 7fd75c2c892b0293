package io.nativebundle.runtime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.After;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Runs the real distribution ({@code target/nativebundle}, assembled at package) as a user
 * would: {@code bin/nativebundle} in a separate JVM, each time with a fresh cache.
 */
public class DistributionIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private static Path dist;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final List<Subprocess> started = new ArrayList<>();

    @After
    public void stopWhatIsStillRunning() {
        started.forEach(Subprocess::close);
    }

    @BeforeClass
    public static void findDistribution() {
        dist = Path.of(System.getProperty("nativebundle.dist", "target/nativebundle"));
        assertTrue("no distribution at " + dist.toAbsolutePath(), Files.isExecutable(dist.resolve("bin/nativebundle")));
    }

    /** What one run of bin/nativebundle printed and returned. */
    private static final class Run {
        final int exitCode;
        final String out;
        final String err;
        private final String text;

        Run(Subprocess.Result result) {
            exitCode = result.exitCode();
            out = result.out();
            err = result.err();
            text = result.toString();
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private Run nativebundle(String stdin, String... args) throws Exception {
        return finish(start(tmp.newFolder().toPath(), Map.of(), stdin, args));
    }

    /** As {@link #nativebundle(String, String...)}, with extra environment variables, e.g. JAVA_OPTS. */
    private Run nativebundle(Map<String, String> env, String stdin, String... args) throws Exception {
        return finish(start(tmp.newFolder().toPath(), env, stdin, args));
    }

    private Subprocess start(Path cache, String stdin, String... args) throws Exception {
        return start(cache, Map.of(), stdin, args);
    }

    /** Starts bin/nativebundle with its own cache; the test's rule stops it, by pid, if the test fails. */
    private Subprocess start(Path cache, Map<String, String> env, String stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(dist.resolve("bin/nativebundle").toString());
        command.add("--cache");
        command.add(cache.toString());
        command.addAll(List.of(args));
        Subprocess process = Subprocess.start(command, tmp.getRoot().toPath(), env, stdin, tmp.newFolder().toPath());
        started.add(process);
        return process;
    }

    private static Run finish(Subprocess process) throws Exception {
        return new Run(process.finish(TIMEOUT));
    }

    /**
     * {@code io.nativebundle.libc} is an explicit override of the detected libc: it wins (the
     * glibc-linked examples are refused as LIBC_MISMATCH), and the launcher says that it disagrees.
     */
    @Test
    public void aLibcSettingThatDisagreesWithDetectionWinsAndIsReported() throws Exception {
        Path maps = Path.of("/proc/self/maps");
        Assume.assumeTrue("a glibc host", Files.isReadable(maps) && Files.readString(maps).contains("/libc.so.6"));

        Run run = nativebundle(Map.of("JAVA_OPTS", "-Dio.nativebundle.libc=musl"), "", "exec", "native:info math");

        assertEquals(run.toString(), 0, run.exitCode);
        assertTrue(run.toString(), run.err.startsWith("nativebundle: warning: io.nativebundle.libc=musl overrides the"
                + " detected glibc "));
        assertTrue(run.toString(), run.out.contains("REFUSED") && run.out.contains("LIBC_MISMATCH"));
    }

    /** The Bundle-Name of every jar the distribution puts into plugins/. */
    private static List<String> pluginNames() throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> jars = Files.list(dist.resolve("plugins"))) {
            for (Path jar : (Iterable<Path>) jars.filter(p -> p.toString().endsWith(".jar")).sorted()::iterator) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    names.add(file.getManifest().getMainAttributes().getValue("Bundle-Name"));
                }
            }
        }
        return names;
    }

    @Test
    public void lbListsTheExamplePluginsActiveAndNothingElseIsPrinted() throws Exception {
        List<String> plugins = pluginNames();
        assertFalse("the distribution has no example plugins", plugins.isEmpty());

        Run run = nativebundle("", "exec", "lb");

        assertEquals(run.toString(), 0, run.exitCode);
        assertEquals(run.toString(), "", run.err);
        for (String plugin : plugins) {
            assertTrue(plugin + " is not listed Active:\n" + run,
                    run.out.lines().anyMatch(line -> line.contains("|Active ") && line.contains("|" + plugin + " (")));
        }
        // an attached fragment is Resolved: the FFM backend on Java 22+ (on 17 the launcher uninstalls it)
        assertFalse(run.toString(), run.out.lines().anyMatch(line -> line.contains("|Installed ")
                || line.contains("|Resolved ") && !line.contains("|nativebundle ffm (")));
    }

    @Test
    public void twoRuntimesOnOneCacheFolderBothLoadTheExamples() throws Exception {
        Path cache = tmp.newFolder("shared-cache").toPath();
        String[] first = {"exec", "native:call math add 2 3; native:info math"};
        String[] second = {"exec", "native:call math add 20 3; native:info math"};
        Subprocess a = start(cache, "", first);
        Subprocess b = start(cache, "", second);
        Run runA = finish(a);
        Run runB = finish(b);

        assertEquals(runA.toString(), 0, runA.exitCode);
        assertEquals(runB.toString(), 0, runB.exitCode);
        assertEquals(runA.toString(), "5", runA.out.lines().findFirst().orElse(""));
        assertEquals(runB.toString(), "23", runB.out.lines().findFirst().orElse(""));
        String fileA = runA.out.lines().filter(l -> l.startsWith("File ")).findFirst().orElseThrow();
        String fileB = runB.out.lines().filter(l -> l.startsWith("File ")).findFirst().orElseThrow();
        assertNotEquals("each runtime loads its own copy from its own cache folder", fileA, fileB);
        // each runtime cleaned up its own part of the shared cache when it stopped
        try (Stream<Path> left = Files.list(cache)) {
            assertFalse(left.anyMatch(p -> p.getFileName().toString().startsWith("felix-")));
        }
        try (Stream<Path> left = Files.list(cache.resolve("native"))) {
            assertFalse(left.anyMatch(p -> p.getFileName().toString().startsWith("rt-") && Files.isDirectory(p)));
        }
    }

    @Test
    public void exampleAddPrintsTheSum() throws Exception {
        Run run = nativebundle("", "exec", "example:add 2 3");

        assertEquals(run.toString(), 0, run.exitCode);
        assertEquals(run.toString(), "5", run.out.strip());
        assertEquals(run.toString(), "", run.err);
    }

    /** Issue 16: on Java 22+ the loader calls through FFM (the ffm fragment attached), before that through jnr. */
    @Test
    public void theBackendIsFfmOnJava22AndLaterAndJnrBefore() throws Exception {
        String expected = Runtime.version().feature() >= 22 ? "ffm" : "jnr";

        Run run = nativebundle("", "exec", "native:info math; native:call math add 2 3");

        assertEquals(run.toString(), 0, run.exitCode);
        assertTrue(run.toString(), run.out.lines().anyMatch(line -> line.matches("Backend\\s+" + expected)));
        assertEquals(run.toString(), "5", run.out.strip().lines().reduce((a, b) -> b).orElseThrow());
        assertEquals(run.toString(), "", run.err);
    }

    /** Issue 9: the zlib example takes libz.so.1 from the host; crc32("hello") is a plain number on its own line. */
    @Test
    public void zlibCrc32OfHelloFromTheHostLibrary() throws Exception {
        Run run = nativebundle("", "exec", "native:call z crc32 0 hello 5");

        assertEquals(run.toString(), 0, run.exitCode);
        assertEquals(run.toString(), List.of("907060870"), run.out.lines().toList());
        assertEquals(run.toString(), "", run.err);
    }

    /** Issue 14: the Rust example (a cargo-built cdylib, NativeBundle-Prebuilt) answers by name like the C ones. */
    @Test
    public void theRustExampleHashesByName() throws Exception {
        Run run = nativebundle("", "exec", "native:call fnv fnv1a64 a");

        assertEquals(run.toString(), 0, run.exitCode);
        assertEquals(run.toString(), List.of(Long.toString(0xaf63dc4c8601ec8cL)), run.out.lines().toList());
        assertEquals(run.toString(), "", run.err);
    }

    /** Issue 9: a descriptor dropped into plugins/acme wraps the host's libz; a bad one is logged with its line. */
    @Test
    public void aDroppedDescriptorIsWrappedAndABadOneIsReportedAtItsLine() throws Exception {
        Path plugins = tmp.newFolder("plugins").toPath();
        Path acme = Files.createDirectories(plugins.resolve("acme"));
        Files.writeString(acme.resolve("libz.nativebundle"), String.join("\n", "# the host's zlib, no Java",
                "library = z", "system = libz.so.1", "version = [1.2,2)", "version-symbol = zlibVersion", "",
                "[symbols]", "crc32 = (long,buffer,int)long", "zlibVersion = ()string", ""));
        Files.writeString(acme.resolve("bad.nativebundle"), String.join("\n", "library = bad", "system = libz.so.1",
                "version = 1.2", "[symbols]", "crc32 = (long,bufer,int)long", ""));

        Run run = nativebundle("", "--plugins", plugins.toString(), "exec", "native:call acme/z/v1 crc32 0 hello 5");

        assertEquals(run.toString(), 0, run.exitCode);
        assertEquals(run.toString(), List.of("907060870"), run.out.lines().toList());
        assertEquals("logged once by the wrap bundle; the launcher does not wait for it", List.of("WARNING: "
                + acme.resolve("bad.nativebundle") + ":5:15: unknown parameter type 'bufer'; expected one of void, byte,"
                + " short, int, long, float, double, boolean, pointer, string, buffer, ubyte, ushort, uint, ulong, size_t, ssize_t (nothing is installed)"),
                run.err.lines().toList());
    }

    /** Issue 9: native:wrap writes the bundle for a CI pipeline; the launcher exits 1 on a bad descriptor. */
    @Test
    public void nativeWrapWritesABundleThatVerifies() throws Exception {
        Path work = tmp.newFolder("ci").toPath();
        Path descriptor = Files.writeString(work.resolve("libz.nativebundle"), String.join("\n", "library = z",
                "system = libz.so.1", "version = [1.2,2)", "[symbols]", "adler32 = (long,buffer,int)long", ""));
        Path jar = work.resolve("out/z.jar");

        Run run = nativebundle("", "exec", "native:wrap " + descriptor + " " + jar + "; native:verify " + jar);

        assertEquals(run.toString(), 0, run.exitCode);
        assertTrue(run.toString(), run.out.startsWith(jar + "\n"));
        assertTrue(run.toString(), run.out.contains(jar + " passed all"));

        Files.writeString(descriptor, "library = z\nsystem = libz.so.1\n[symbols]\nadler32 = (long,buffer,int)long\n");
        Run bad = nativebundle("", "exec", "native:wrap " + descriptor + " " + work.resolve("bad.jar"));
        assertEquals(bad.toString(), 1, bad.exitCode);
        assertTrue(bad.toString(), bad.err.contains(descriptor + ":1:1: missing required key 'version'"));
        assertFalse(Files.exists(work.resolve("bad.jar")));
    }

    /** The id {@code lb} shows for a bundle of the distribution, by its Bundle-Name. */
    private long bundleId(String bundleName) throws Exception {
        Run lb = nativebundle("", "exec", "lb");
        assertEquals(lb.toString(), 0, lb.exitCode);
        String line = lb.out.lines().filter(l -> l.contains("|" + bundleName + " (")).findFirst()
                .orElseThrow(() -> new AssertionError("lb does not list " + bundleName + ":\n" + lb));
        return Long.parseLong(line.substring(0, line.indexOf('|')).strip());
    }

    /**
     * Issue 14: an update in Gogo, with no refresh, leaves the SCR consumer bound to the new library
     * generation; before, the next command failed with "Command not found: example:add". Each run
     * starts from an empty cache with the same bundles, so the id lb printed is the id of this run.
     */
    @Test
    public void anUpdateOfTheMathBundleKeepsExampleAddWorking() throws Exception {
        long math = bundleId("nativebundle example: math");

        Run run = nativebundle("", "exec", "update " + math + "; example:add 2 3; example:addbyname 2 3");

        assertEquals(run.toString(), 0, run.exitCode);
        assertEquals(run.toString(), List.of("5", "5"), run.out.lines().toList());
        assertEquals(run.toString(), "", run.err);
    }

    /** Issue 14: native:refresh needs no arguments and returns when the framework is done. */
    @Test
    public void nativeRefreshWithoutArgumentsReturnsWhenDone() throws Exception {
        long math = bundleId("nativebundle example: math");

        Run run = nativebundle("", "exec", "update " + math + "; native:refresh; example:add 2 3");

        assertEquals(run.toString(), 0, run.exitCode);
        List<String> lines = run.out.lines().toList();
        assertTrue(run.toString(), lines.contains(math + " io.nativebundle.examples.math"));
        assertTrue(run.toString(), lines.stream().anyMatch(l -> l.endsWith(" io.nativebundle.examples.consumer")));
        assertEquals(run.toString(), "5", lines.get(lines.size() - 1));
    }

    @Test
    public void anUnknownCommandFailsWithOneReadableLine() throws Exception {
        Run run = nativebundle("", "exec", "nosuchcommand");

        assertNotEquals(run.toString(), 0, run.exitCode);
        assertEquals(run.toString(), 1, run.err.lines().count());
        assertEquals(run.toString(), "nativebundle: 'nosuchcommand' failed: Command not found: nosuchcommand",
                run.err.strip());
    }

    @Test
    public void commandsAfterAFailureDoNotRun() throws Exception {
        Run run = nativebundle("", "exec", "echo before; nosuchcommand; echo after");

        assertEquals(run.toString(), 1, run.exitCode);
        assertEquals(run.toString(), "before", run.out.strip());
    }

    @Test
    public void theInteractiveShellReadsCommandsFromStdinAndStopsAtItsEnd() throws Exception {
        Run run = nativebundle("example:add 2 3\n");

        assertEquals(run.toString(), 0, run.exitCode);
        assertTrue(run.toString(), run.out.contains("g! 5"));
        assertEquals(run.toString(), "", run.err);
    }

    /**
     * On a terminal the shell is Gogo JLine: a command typed, then Up and Enter, runs again; Tab
     * completes the command name, the library and the symbol; the history lands in the cache
     * folder; Ctrl-D at an empty prompt ends the runtime.
     */
    @Test
    public void onATerminalTheShellEditsLinesRecallsHistoryAndCompletes() throws Exception {
        Path cache = tmp.newFolder().toPath();
        Duration wait = TIMEOUT;
        try (PseudoTerminal terminal = PseudoTerminal.start(PseudoTerminal.quote(dist.resolve("bin/nativebundle").toString())
                + " --cache " + PseudoTerminal.quote(cache.toString()), 160)) {
            // keys are typed at a prompt: typed earlier, the terminal would echo them before JLine reads them
            awaitPrompt(terminal, 1);
            terminal.type("example:add 2 3\r");
            terminal.await("5", screen -> count(screen, "\n5\r") == 1, wait);
            awaitPrompt(terminal, 2);
            // Up as an xterm sends it once JLine switched it to application cursor keys (smkx), then Enter
            terminal.type("\u001BOA\r");
            terminal.await("5 again", screen -> count(screen, "\n5\r") == 2, wait);
            awaitPrompt(terminal, 3);
            // Tab after each part: without completion of the command, the library and the symbol
            // the line would be "native:cama ad2 3", which prints no 5
            terminal.type("native:ca\tma\tad\t2 3\r");
            terminal.await("5 from native:call", screen -> count(screen, "\n5\r") == 3, wait);
            awaitPrompt(terminal, 4);

            terminal.type("\u0004"); // Ctrl-D at an empty prompt: end of input
            assertEquals(terminal.screen(), 0, terminal.awaitExit(wait));
        }
        assertEquals(List.of("example:add 2 3", "native:call math add 2 3"), Files.readAllLines(cache.resolve("history"))
                .stream().map(line -> line.substring(line.indexOf(':') + 1)).toList());
    }

    private static void awaitPrompt(PseudoTerminal terminal, int n) throws InterruptedException {
        terminal.await("prompt " + n, screen -> count(screen, "g! ") >= n, TIMEOUT);
    }

    private static long count(String text, String part) {
        long n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }

    @Test
    public void aBadCommandLineIsExplained() throws Exception {
        Run run = nativebundle("", "--frobnicate");

        assertEquals(run.toString(), 2, run.exitCode);
        assertTrue(run.toString(), run.err.startsWith("nativebundle: unknown option --frobnicate\nusage: nativebundle"));
    }

    @Test
    public void pluginsMayLiveInTenantFoldersElsewhere() throws Exception {
        Path plugins = tmp.newFolder("plugins").toPath();
        Path tenant = Files.createDirectories(plugins.resolve("acme"));
        try (Stream<Path> jars = Files.list(dist.resolve("plugins"))) {
            for (Path jar : (Iterable<Path>) jars::iterator) {
                Files.copy(jar, tenant.resolve(jar.getFileName()));
            }
        }

        Run run = nativebundle("", "--plugins", plugins.toString(), "exec", "example:add 40 2");

        assertEquals(run.toString(), 0, run.exitCode);
        assertEquals(run.toString(), "42", run.out.strip());
    }

    @Test
    public void aBrokenPluginIsReportedWithoutStoppingTheCommands() throws Exception {
        Path plugins = tmp.newFolder("plugins").toPath();
        Path broken = plugins.resolve("broken.jar");
        try (InputStream manifest = new ByteArrayInputStream((
                "Manifest-Version: 1.0\nBundle-ManifestVersion: 2\nBundle-SymbolicName: test.broken\n"
                        + "Import-Package: org.example.nowhere\n").getBytes(StandardCharsets.UTF_8));
                JarOutputStream jar = new JarOutputStream(Files.newOutputStream(broken),
                        new Manifest(manifest))) {
            jar.flush();
        }

        Run run = nativebundle("", "--plugins", plugins.toString(), "exec", "lb");

        assertEquals(run.toString(), 0, run.exitCode);
        assertTrue(run.toString(), run.err.startsWith("nativebundle: warning: plugin plugins/broken.jar (test.broken):"
                + " Unable to resolve test.broken"));
        assertTrue(run.toString(), run.err.contains("org.example.nowhere"));
        assertTrue(run.toString(), run.out.lines().anyMatch(line -> line.contains("|Installed ") && line.contains("test.broken")));
    }
}
