package io.nativebundle.shell.internal;

import java.io.IOException;
import java.nio.file.Path;

import io.nativebundle.wrap.SigningKey;

/**
 * The key options of {@code native:wrap --sign} and {@code native:sign}, as {@code jarsigner}
 * names them: the keystore, its type ({@code --storetype}, else by extension: {@code .jks} is
 * JKS, anything else PKCS12), its password ({@code --storepass}), the key entry ({@code --alias},
 * needed when the keystore holds more than one key) and the key's password ({@code --keypass},
 * else the keystore's). Empty strings stand for options not given.
 */
public record SigningOptions(String keystore, String storeType, String storePassword, String alias,
                             String keyPassword) {

    /** Whether a keystore was given, i.e. whether to sign at all. */
    public boolean present() {
        return keystore != null && !keystore.isEmpty();
    }

    /**
     * @param currentDir where relative paths are read from
     * @throws IllegalArgumentException naming the keystore and what is wrong with it
     */
    public SigningKey key(Path currentDir) {
        Path store = currentDir.resolve(keystore);
        try {
            return SigningKey.fromKeystore(store, blankToNull(storeType), Passwords.read(storePassword, currentDir),
                    blankToNull(alias), Passwords.read(keyPassword, currentDir));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot sign: " + e.getMessage(), e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
