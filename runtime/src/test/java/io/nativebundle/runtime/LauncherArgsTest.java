package io.nativebundle.runtime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;

public class LauncherArgsTest {

    @Test
    public void noArgumentsMeansInteractiveWithDefaults() throws Exception {
        LauncherArgs args = LauncherArgs.parse();

        assertEquals(Optional.empty(), args.commands());
        assertEquals(Optional.empty(), args.plugins());
        assertEquals(Optional.empty(), args.cache());
        assertEquals(LauncherArgs.DEFAULT_WAIT, args.waitForPlugins());
        assertFalse(args.verbose());
        assertFalse(args.help());
    }

    @Test
    public void remoteAndFrameworkPropertiesAreTakenInOrder() throws Exception {
        LauncherArgs args = LauncherArgs.parse("--remote", "-Dio.nativebundle.remote.export=math;port=9100",
                "exec", "lb", "-Da=1", "-Da=2", "-Dempty=");

        assertTrue(args.remote());
        assertEquals(Map.of("io.nativebundle.remote.export", "math;port=9100", "a", "2", "empty", ""),
                args.properties());
        assertFalse(LauncherArgs.parse().remote());
        assertEquals(Map.of(), LauncherArgs.parse().properties());
    }

    @Test
    public void aFrameworkPropertyWithoutNameOrValueIsExplained() {
        assertEquals("a framework property is -Dname=value, not '-Dmath'",
                assertThrows(UsageException.class, () -> LauncherArgs.parse("-Dmath")).getMessage());
        assertEquals("a framework property is -Dname=value, not '-D=1'",
                assertThrows(UsageException.class, () -> LauncherArgs.parse("-D=1")).getMessage());
    }

    @Test
    public void execTakesTheCommandsAsOneArgument() throws Exception {
        LauncherArgs args = LauncherArgs.parse("exec", "lb; example:add 2 3");

        assertEquals(Optional.of("lb; example:add 2 3"), args.commands());
    }

    @Test
    public void optionsMayComeBeforeAndAfterExec() throws Exception {
        LauncherArgs args = LauncherArgs.parse("--plugins", "p", "exec", "lb", "--cache", "/tmp/c", "-v", "--wait=5");

        assertEquals(Optional.of(Path.of("p")), args.plugins());
        assertEquals(Optional.of(Path.of("/tmp/c")), args.cache());
        assertEquals(Optional.of("lb"), args.commands());
        assertEquals(Duration.ofSeconds(5), args.waitForPlugins());
        assertTrue(args.verbose());
    }

    @Test
    public void optionValuesMayBeInline() throws Exception {
        LauncherArgs args = LauncherArgs.parse("--plugins=a/b", "--cache=c");

        assertEquals(Optional.of(Path.of("a/b")), args.plugins());
        assertEquals(Optional.of(Path.of("c")), args.cache());
    }

    @Test
    public void helpIsRecognised() throws Exception {
        assertTrue(LauncherArgs.parse("--help").help());
        assertTrue(LauncherArgs.parse("-h").help());
    }

    @Test
    public void unknownOptionIsNamed() {
        UsageException e = assertThrows(UsageException.class, () -> LauncherArgs.parse("--frobnicate"));
        assertEquals("unknown option --frobnicate", e.getMessage());
    }

    @Test
    public void missingValueIsNamed() {
        UsageException e = assertThrows(UsageException.class, () -> LauncherArgs.parse("--cache"));
        assertEquals("--cache needs a value", e.getMessage());
    }

    @Test
    public void execWithoutCommandsIsRefused() {
        assertEquals("exec needs a value",
                assertThrows(UsageException.class, () -> LauncherArgs.parse("exec")).getMessage());
        assertEquals("exec needs at least one command, e.g. exec 'lb'",
                assertThrows(UsageException.class, () -> LauncherArgs.parse("exec", "  ")).getMessage());
    }

    @Test
    public void unquotedCommandWordsGetAHint() {
        UsageException e = assertThrows(UsageException.class, () -> LauncherArgs.parse("exec", "lb", "-s"));
        assertEquals("unknown option -s", e.getMessage());

        e = assertThrows(UsageException.class, () -> LauncherArgs.parse("exec", "example:add", "2"));
        assertEquals("unexpected argument '2' (quote the commands: exec 'lb -s')", e.getMessage());
    }

    @Test
    public void waitMustBeANumberOfSeconds() {
        UsageException e = assertThrows(UsageException.class, () -> LauncherArgs.parse("--wait", "soon"));
        assertEquals("--wait needs a number of seconds, not 'soon'", e.getMessage());
        assertThrows(UsageException.class, () -> LauncherArgs.parse("--wait", "-1"));
    }

    @Test
    public void strayWordIsRefused() {
        UsageException e = assertThrows(UsageException.class, () -> LauncherArgs.parse("run"));
        assertEquals("unexpected argument 'run'", e.getMessage());
    }
}
