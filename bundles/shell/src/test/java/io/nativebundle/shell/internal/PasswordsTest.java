package io.nativebundle.shell.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** {@code --storepass}, {@code --keypass} and {@code --password}: the password, {@code env:NAME} or {@code file:PATH}. */
public class PasswordsTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private char[] read(String value) {
        return Passwords.read(value, temp.getRoot().toPath(), Map.of("SIGNING_PASSWORD", "from-env")::get);
    }

    @Test
    public void thePasswordItselfOrWhereToReadIt() throws Exception {
        assertNull(read(""));
        assertNull(read(null));
        assertArrayEquals("s3cret".toCharArray(), read("s3cret"));
        assertArrayEquals("from-env".toCharArray(), read("env:SIGNING_PASSWORD"));
        Files.writeString(temp.getRoot().toPath().resolve("pass.txt"), "from-file\nignored\n");
        assertArrayEquals("the first line, relative to the current folder", "from-file".toCharArray(),
                read("file:pass.txt"));
        Path absolute = temp.getRoot().toPath().resolve("pass.txt").toAbsolutePath();
        assertArrayEquals("from-file".toCharArray(), read("file:" + absolute));
    }

    @Test
    public void aSourceThatGivesNoPasswordIsNamed() throws Exception {
        assertProblem("the password comes from the environment variable NOPE (env:NOPE), and it is not set", "env:NOPE");
        Path missing = temp.getRoot().toPath().resolve("missing.txt");
        assertProblem("cannot read the password file " + missing + " (file:missing.txt): java.nio.file.NoSuchFileException",
                "file:missing.txt");
        Files.writeString(temp.getRoot().toPath().resolve("empty.txt"), "");
        assertProblem("the password file " + temp.getRoot().toPath().resolve("empty.txt") + " (file:empty.txt) is empty",
                "file:empty.txt");
    }

    @Test
    public void signingOptionsNameTheMissingPasswordOrKeystore() {
        SigningOptions options = new SigningOptions("signer.p12", "", "env:SIGNING_PASSWORD_UNSET_FOR_TEST", "", "");
        try {
            options.key(temp.getRoot().toPath());
            fail("a key was read");
        } catch (IllegalArgumentException e) {
            assertEquals("the password comes from the environment variable SIGNING_PASSWORD_UNSET_FOR_TEST"
                    + " (env:SIGNING_PASSWORD_UNSET_FOR_TEST), and it is not set", e.getMessage());
        }
        try {
            new SigningOptions("signer.p12", "", "secret", "", "").key(temp.getRoot().toPath());
            fail("a key was read");
        } catch (IllegalArgumentException e) {
            assertEquals("cannot sign: the keystore " + temp.getRoot().toPath().resolve("signer.p12") + " does not exist",
                    e.getMessage());
        }
    }

    private void assertProblem(String expected, String value) {
        try {
            read(value);
            fail("a password was read from " + value);
        } catch (IllegalArgumentException e) {
            assertTrue("expected " + expected + "\nfound    " + e.getMessage(), e.getMessage().startsWith(expected));
        }
    }
}
