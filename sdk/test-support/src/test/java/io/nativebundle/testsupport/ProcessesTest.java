package io.nativebundle.testsupport;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Real processes: a shell that starts a sleeping child, as a launcher starts its JVM. */
public class ProcessesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    /** {@code sh} that starts {@code sleep} in the background, writes its pid, and waits for it. */
    private Process shellWithChild(Path pidFile, String trap) throws IOException {
        return new ProcessBuilder("sh", "-c", trap + "sleep 600 & echo $! > " + pidFile + "; wait").start();
    }

    private ProcessHandle child(Path pidFile) {
        String pid = Await.value("the child's pid", () -> {
            String text = Files.exists(pidFile) ? Files.readString(pidFile).trim() : "";
            return text.isEmpty() ? null : text;
        });
        return ProcessHandle.of(Long.parseLong(pid)).orElseThrow();
    }

    @Test
    public void killEndsTheProcessAndWhatItStarted() throws Exception {
        Path pidFile = temp.getRoot().toPath().resolve("child.pid");
        Process shell = shellWithChild(pidFile, "");
        ProcessHandle child = child(pidFile);

        assertEquals(List.of(), Processes.kill(shell.toHandle(), TIMEOUT));
        assertFalse(shell.isAlive());
        assertFalse("the child is killed too, not left to init", child.isAlive());
    }

    @Test
    public void stopLetsTheProcessEndOnItsOwnThenKillsWhatItLeft() throws Exception {
        Path pidFile = temp.getRoot().toPath().resolve("child.pid");
        Path trapped = temp.getRoot().toPath().resolve("trapped");
        // on SIGTERM the shell runs its trap and exits, leaving its child behind
        Process shell = shellWithChild(pidFile, "trap 'touch " + trapped + "; exit 0' TERM; ");
        ProcessHandle child = child(pidFile);

        assertEquals(List.of(), Processes.stop(shell.toHandle(), TIMEOUT, TIMEOUT));
        assertTrue("SIGTERM first: the shell's trap ran", Files.exists(trapped));
        assertEquals(0, shell.exitValue());
        assertFalse("the child it left is killed", child.isAlive());
    }

    @Test
    public void anEndedProcessIsNoError() throws Exception {
        Process done = new ProcessBuilder("true").start();
        assertEquals(0, done.waitFor());
        assertEquals(List.of(), Processes.kill(done.toHandle(), TIMEOUT));
    }
}
