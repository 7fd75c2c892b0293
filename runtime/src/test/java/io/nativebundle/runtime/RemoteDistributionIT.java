package io.nativebundle.runtime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.After;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import io.nativebundle.testsupport.Await;
import io.nativebundle.testsupport.Processes;

/**
 * The two launch commands of the README's "Native services across machines", run as a user would:
 * framework A ({@code --remote} and the export property) serves math, framework B ({@code --remote}
 * and the import property) runs {@code example:add 2 3} and prints 5 computed in A.
 */
public class RemoteDistributionIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private static Path dist;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final List<Subprocess> finished = new ArrayList<>();
    private Process a;

    @After
    public void stopWhatIsStillRunning() {
        finished.forEach(Subprocess::close);
        if (a != null) {
            // the whole tree, by pid, even when the test failed
            Processes.kill(a.toHandle(), Duration.ofSeconds(30));
        }
    }

    @BeforeClass
    public static void findDistribution() {
        dist = Path.of(System.getProperty("nativebundle.dist", "target/nativebundle"));
        assertTrue("no distribution at " + dist.toAbsolutePath(), Files.isExecutable(dist.resolve("bin/nativebundle")));
    }

    @Test
    public void exampleAddInBIsComputedInA() throws Exception {
        int port = freePort();
        // A: the interactive shell on a pipe that stays open, so that it runs until the test kills it
        Path logs = tmp.newFolder().toPath();
        a = new ProcessBuilder(dist.resolve("bin/nativebundle").toString(), "--cache", tmp.newFolder().toString(),
                "--remote", "-Dio.nativebundle.remote.export=math;port=" + port)
                .redirectOutput(logs.resolve("a-out.log").toFile()).redirectError(logs.resolve("a-err.log").toFile())
                .start();
        String endpoint = "tcp://127.0.0.1:" + port;
        String[] b = {dist.resolve("bin/nativebundle").toString(), "--remote",
            "-Dio.nativebundle.remote.import=math;interface=io.nativebundle.examples.math.MathLib;endpoint=" + endpoint,
            "exec", "example:add 2 3; native:stats math"};
        // B runs until A exports and B's call went there: the Remote calls row counts it
        Subprocess.Result last = Await.value("example:add 2 3 in B, computed in A", TIMEOUT, () -> {
            List<String> command = new ArrayList<>(List.of(b[0], "--cache", tmp.newFolder().toString()));
            command.addAll(List.of(b).subList(1, b.length));
            Subprocess run = Subprocess.start(command, tmp.getRoot().toPath(), Map.of(), "", tmp.newFolder().toPath());
            finished.add(run);
            Subprocess.Result result = run.finish(TIMEOUT);
            assertTrue("A is running\n" + Subprocess.tail(logs.resolve("a-err.log")), a.isAlive());
            return result.out().matches("(?s)5\\n.*\\nRemote calls\\n.*\\nmath +" + endpoint.replace(".", "\\.")
                    + " +1 +0 .*") ? result : null;
        });
        assertEquals(last.toString(), 0, last.exitCode());
        assertEquals(last.toString(), "", last.err());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
