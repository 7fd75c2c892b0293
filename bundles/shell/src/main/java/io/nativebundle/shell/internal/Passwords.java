package io.nativebundle.shell.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A password given to a {@code native:} command ({@code --storepass}, {@code --keypass},
 * {@code --password}): the password itself, or where to read it, so that it need not appear in a
 * script or the shell's history, as {@code openssl -passin} reads it:
 * {@code env:NAME} (an environment variable) or {@code file:PATH} (the first line of a file).
 */
public final class Passwords {

    private Passwords() {
    }

    /**
     * @param value      as given; empty: no password
     * @param currentDir where a relative {@code file:} path is read from
     * @return null for none
     * @throws IllegalArgumentException naming the variable or file that gives no password
     */
    public static char[] read(String value, Path currentDir) {
        return read(value, currentDir, System::getenv);
    }

    static char[] read(String value, Path currentDir, UnaryOperator<String> environment) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.startsWith("env:")) {
            String name = value.substring("env:".length());
            String password = environment.apply(name);
            if (password == null) {
                throw new IllegalArgumentException("the password comes from the environment variable " + name
                        + " (" + value + "), and it is not set");
            }
            return password.toCharArray();
        }
        if (value.startsWith("file:")) {
            Path file = currentDir.resolve(value.substring("file:".length()));
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                if (lines.isEmpty()) {
                    throw new IllegalArgumentException("the password file " + file + " (" + value + ") is empty");
                }
                return lines.get(0).toCharArray();
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the password file " + file + " (" + value + "): " + e,
                        e);
            }
        }
        return value.toCharArray();
    }
}
