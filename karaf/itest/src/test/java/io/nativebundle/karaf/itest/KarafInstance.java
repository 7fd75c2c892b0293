package io.nativebundle.karaf.itest;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.nativebundle.testsupport.Processes;

/**
 * One Apache Karaf, copied from the unpacked stock distribution into a fresh folder, configured
 * for loopback on free ports and for an offline Maven resolver that sees only Karaf's system/
 * folder and the staged reactor artifacts, started as {@code bin/karaf server} and driven with
 * {@code bin/client}. {@link #stop} ends it by pid, and every process it started.
 */
final class KarafInstance implements AutoCloseable {

    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    /** What one {@code bin/client} run printed (stdout and stderr) and returned. */
    record Result(int exitCode, String output) {
    }

    private final Path home;
    private final int sshPort;
    private Process karaf;
    private final List<ProcessHandle> started = new ArrayList<>();

    private KarafInstance(Path home, int sshPort) {
        this.home = home;
        this.sshPort = sshPort;
    }

    /** Copies {@code distribution} to {@code home} and configures it; nothing runs yet. */
    static KarafInstance prepare(Path distribution, Path home, Path repository) throws IOException {
        // one run's Karaf is kept for reading after a failure; the runs before it go
        delete(home.getParent());
        copy(distribution, home);
        int ssh = freePort();
        append(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshHost = 127.0.0.1", "sshPort = " + ssh);
        append(home.resolve("etc/org.apache.karaf.management.cfg"),
                "rmiRegistryHost = 127.0.0.1", "rmiRegistryPort = " + freePort(),
                "rmiServerHost = 127.0.0.1", "rmiServerPort = " + freePort());
        // the user bin/client logs in as; the stock file has it commented out
        append(home.resolve("etc/users.properties"), "karaf = karaf,_g_:admingroup",
                "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh");
        // offline: the staged reactor artifacts and Karaf's own system/ folder, nothing else
        append(home.resolve("etc/org.ops4j.pax.url.mvn.cfg"),
                "org.ops4j.pax.url.mvn.offline = true",
                "org.ops4j.pax.url.mvn.repositories =",
                "org.ops4j.pax.url.mvn.localRepository = " + home.resolve("data/m2"),
                "org.ops4j.pax.url.mvn.defaultRepositories = " + repository.toUri() + "@id=nativebundle@snapshots, "
                        + "${karaf.home.uri}${karaf.default.repository}@id=system.repository@snapshots");
        // Karaf fetches every conditional bundle of its scr feature (the SCR views for its management,
        // bundle and webconsole features) before it resolves. An online Karaf downloads them; this
        // offline one blacklists them rather than stage them: two have no usable pom on Maven
        // Central (their parent, org.apache.karaf.scr:scr:4.4.10, is missing), so Maven cannot
        // fetch them, and none of them is nativebundle's.
        Files.writeString(home.resolve("etc/org.apache.karaf.features.xml"), String.join("\n",
                "<featuresProcessing xmlns=\"http://karaf.apache.org/xmlns/features-processing/v1.0.0\">",
                "    <blacklistedBundles>",
                "        <bundle>mvn:org.apache.karaf.scr/org.apache.karaf.scr.management/[0,100)</bundle>",
                "        <bundle>mvn:org.apache.karaf.scr/org.apache.karaf.scr.state/[0,100)</bundle>",
                "        <bundle>mvn:org.apache.felix/org.apache.felix.inventory/[0,100)</bundle>",
                "        <bundle>mvn:org.apache.felix/org.apache.felix.webconsole.plugins.ds/[0,100)</bundle>",
                "    </blacklistedBundles>",
                "</featuresProcessing>", ""));
        return new KarafInstance(home, ssh);
    }

    Path home() {
        return home;
    }

    Path deploy() {
        return home.resolve("deploy");
    }

    /** Starts {@code bin/karaf server}; its JVM's pid is the process's, as bin/karaf execs java. */
    void start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("karaf.out").toFile());
        environment(builder.environment());
        builder.environment().put("KARAF_EXEC", "exec");
        karaf = builder.start();
        started.add(karaf.toHandle());
    }

    long pid() {
        return karaf.pid();
    }

    /** Runs commands through {@code bin/client} in batch mode (one command a line); waits for its end. */
    Result client(String... commands) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/client").toString(),
                "-h", "127.0.0.1", "-a", String.valueOf(sshPort), "-u", "karaf", "-p", "karaf",
                // the ssh server comes up a while after the JVM: the client retries the connection
                "-r", "90", "-d", "1", "-b")
                .directory(home.toFile())
                .redirectErrorStream(true);
        environment(builder.environment());
        Path output = Files.createTempFile(home, "client", ".out");
        builder.redirectOutput(output.toFile());
        Process client = builder.start();
        started.add(client.toHandle());
        try (OutputStream in = client.getOutputStream()) {
            in.write((String.join("\n", commands) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        if (!client.waitFor(CLIENT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            Processes.kill(client.toHandle(), STOP_TIMEOUT);
            throw new AssertionError("bin/client " + String.join("; ", commands) + " did not end within "
                    + CLIENT_TIMEOUT.toSeconds() + " s; it printed: " + Files.readString(output));
        }
        String text = Files.readString(output).replaceAll("\u001B\\[[0-9;?]*[A-Za-z]", "");
        Files.delete(output);
        return new Result(client.exitValue(), text);
    }

    /** The end of data/log/karaf.log, for failure messages. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(home.resolve("data/log/karaf.log"));
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no karaf.log: " + e.getMessage() + ")";
        }
    }

    /**
     * Stops Karaf by pid (SIGTERM: its shutdown hook stops the framework; SIGKILL after
     * {@link #STOP_TIMEOUT}), then any process it or a client left.
     *
     * @return the pids that were still in /proc afterwards (none, normally)
     */
    List<Long> stop() {
        List<ProcessHandle> all = new ArrayList<>(started);
        if (karaf != null) {
            karaf.descendants().forEach(all::add);
            Processes.stop(karaf.toHandle(), STOP_TIMEOUT, STOP_TIMEOUT);
        }
        started.forEach(process -> Processes.kill(process, STOP_TIMEOUT));
        List<Long> left = new ArrayList<>();
        for (ProcessHandle process : all) {
            if (Files.exists(Path.of("/proc", String.valueOf(process.pid())))) {
                left.add(process.pid());
            }
        }
        return left;
    }

    @Override
    public void close() {
        stop();
    }

    private static void environment(Map<String, String> env) {
        // the JDK the test runs on; bin/karaf and bin/client warn without JAVA_HOME
        env.put("JAVA_HOME", System.getProperty("java.home"));
    }

    private static void append(Path file, String... lines) throws IOException {
        List<String> text = new ArrayList<>();
        text.add("");
        text.add("# nativebundle's Karaf test");
        text.addAll(List.of(lines));
        Files.write(file, text, StandardOpenOption.APPEND);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(file);
            }
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
