package io.nativebundle.karaf.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import io.nativebundle.testsupport.Await;

/**
 * The README's three commands in a real Apache Karaf 4.4: {@code feature:repo-add},
 * {@code feature:install nativebundle}, then plugins dropped into {@code deploy/}. One Karaf for
 * the class: math is dropped before the feature is installed (so it waits for the loader), the
 * consumer and a descriptor after.
 */
public class KarafFeatureIT {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final String FEATURES = "mvn:io.nativebundle/nativebundle-features/"
            + System.getProperty("nativebundle.version") + "/xml/features";

    private static KarafInstance karaf;

    @BeforeClass
    public static void startKarafAndInstallTheFeature() throws Exception {
        Path work = Path.of(required("nativebundle.karaf.work"));
        karaf = KarafInstance.prepare(Path.of(required("nativebundle.karaf.dist")),
                work.resolve("karaf-" + UUID.randomUUID()), Path.of(required("nativebundle.karaf.repo")));
        Runtime.getRuntime().addShutdownHook(new Thread(karaf::stop, "stop-karaf"));
        Path drops = Path.of(required("nativebundle.karaf.drops"));
        // before the loader exists: the bundle stays installed until the feature brings it
        Files.copy(drops.resolve("math.jar"), karaf.deploy().resolve("math.jar"));
        karaf.start();

        installFeature();

        Files.copy(drops.resolve("consumer.jar"), karaf.deploy().resolve("consumer.jar"));
        Files.writeString(karaf.deploy().resolve("libz.nativebundle"), String.join("\n", "# the host's zlib",
                "library = z", "system = libz.so.1", "version = [1.2,2)", "version-symbol = zlibVersion", "",
                "[symbols]", "crc32 = (long,buffer,int)long", "zlibVersion = ()string", ""));
    }

    @AfterClass
    public static void stopKaraf() {
        if (karaf != null) {
            long pid = karaf.pid();
            List<Long> left = karaf.stop();
            assertEquals("processes left after stopping Karaf (pid " + pid + ")", List.of(), left);
            assertFalse(Files.exists(Path.of("/proc", String.valueOf(pid))));
        }
    }

    @Test
    public void nativeCallPrintsTheSum() throws Exception {
        assertEquals("5", awaitOutput("native:call math add 2 3", "5"));
    }

    @Test
    public void exampleAddOfTheDroppedConsumerPrintsTheSum() throws Exception {
        assertEquals("5", awaitOutput("example:add 2 3", "5"));
    }

    @Test
    public void mathDroppedBeforeTheFeatureIsLoadedOnceTheLoaderCame() throws Exception {
        awaitOutput("native:call math add 2 3", "5");
        String list = karaf.client("native:list").output();
        assertTrue(list, list.lines().anyMatch(line -> line.contains(" math ") && line.contains("ACTIVE")));
    }

    @Test
    public void aDescriptorDroppedIntoDeployIsWrappedAndServed() throws Exception {
        assertEquals("907060870", awaitOutput("native:call z crc32 0 hello 5", "907060870"));
    }

    @Test
    public void theNativeCommandsAreKarafCommandsNotGogoOnes() throws Exception {
        awaitOutput("native:call math add 2 3", "5");
        String help = karaf.client("native:call --help").output();
        assertTrue(help, help.contains("calls a native function by name"));
        assertTrue(help, help.contains("SYNTAX"));
        String bundles = karaf.client("bundle:list -s -t 0").output();
        assertTrue(bundles, bundles.contains("io.nativebundle.karaf"));
        assertFalse("the Gogo shell bundle would register the same commands again: " + bundles,
                bundles.contains("io.nativebundle.shell"));
    }

    @Test
    public void signingSaysWhatKarafLacksAndVerifyTakesATrustStore() throws Exception {
        awaitOutput("native:call math add 2 3", "5");
        // Karaf's etc/jre.properties leaves out jdk.security.jarsigner: the command says so before reading the keystore
        KarafInstance.Result sign = karaf.client("native:wrap --sign etc/signer.p12 deploy/libz.nativebundle z.jar");
        assertTrue(sign.output(), sign.output().contains("signing needs the JDK's jar signer, package"
                + " jdk.security.jarsigner (module jdk.jartool)") && sign.output().contains("etc/jre.properties"));
        assertFalse("nothing is written", Files.exists(karaf.home().resolve("z.jar")));
        KarafInstance.Result detached = karaf.client("native:sign deploy/libz.nativebundle etc/signer.p12");
        assertTrue(detached.output(), detached.output().contains("package jdk.security.jarsigner"));

        String help = karaf.client("native:verify --help").output();
        assertTrue(help, help.contains("--trust") && help.contains("--password"));
    }

    /**
     * Below Java 22 the FFM feature is refused as a whole, naming the fragment's osgi.ee requirement, and nothing
     * changes: the loader keeps calling through jnr. (Apache Karaf 4.4.10 itself does not boot on Java 24+, see
     * docs/frameworks.md, so this class runs on the JDK of the build only.)
     */
    @Test
    public void theFfmFeatureIsRefusedBelowJava22AndTheLoaderStaysOnJnr() throws Exception {
        assumeTrue("the refusal is Java 17's; this JVM is " + Runtime.version(), Runtime.version().feature() < 22);
        awaitOutput("native:call math add 2 3", "5");
        KarafInstance.Result ffm = karaf.client("feature:install nativebundle-ffm");
        assertTrue(ffm.output(), ffm.output().contains("io.nativebundle.ffm")
                && ffm.output().contains("osgi.ee") && ffm.output().contains("version>=22"));
        String bundles = karaf.client("bundle:list -s -t 0").output();
        assertFalse(bundles, bundles.contains("io.nativebundle.ffm"));
        String info = karaf.client("native:info math").output();
        assertTrue(info, info.lines().anyMatch(line -> line.contains("Backend") && line.contains("jnr")));
        assertEquals("5", awaitOutput("native:call math add 2 3", "5"));
    }

    /** feature:repo-add and feature:install, retried while Karaf's boot features are still coming up. */
    private static void installFeature() {
        await("feature:install nativebundle", () -> {
            KarafInstance.Result result = karaf.client("feature:repo-add " + FEATURES, "feature:install nativebundle");
            if (result.exitCode() == 0) {
                return result;
            }
            String failure = "exit " + result.exitCode() + ": " + result.output();
            if (result.output().contains("Command not found")) {
                throw new IllegalStateException(failure); // not yet: Await tries again
            }
            throw new AssertionError("feature:install nativebundle failed (" + failure + ")\n--- karaf.log\n"
                    + karaf.logTail(40));
        });
    }

    /** Runs {@code command} until it prints {@code expected} (plugins arrive through FileInstall's polls). */
    private static String awaitOutput(String command, String expected) {
        return await("'" + command + "' printing " + expected, () -> {
            KarafInstance.Result result = karaf.client(command);
            if (result.exitCode() != 0 || !result.output().strip().equals(expected)) {
                throw new IllegalStateException("exit " + result.exitCode() + ": " + result.output());
            }
            return result.output().strip();
        });
    }

    /** Waits up to {@link #READY_TIMEOUT}, reporting the last output; a failure adds the end of Karaf's log. */
    private static <T> T await(String what, Await.Probe<T> probe) {
        try {
            return Await.value(what, READY_TIMEOUT, probe);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n--- karaf.log\n" + karaf.logTail(40), e);
        }
    }

    private static String required(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("system property " + key + " is not set; run the tests through Maven");
        }
        return value;
    }
}
