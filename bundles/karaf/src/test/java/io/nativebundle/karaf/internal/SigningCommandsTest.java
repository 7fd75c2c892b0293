package io.nativebundle.karaf.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.nio.file.Path;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import io.nativebundle.shell.internal.SigningOptions;

/**
 * Karaf's {@code native:wrap --sign} and {@code native:sign} hand their key options to the shared
 * logic: a keystore that is not there is named before anything is written.
 */
public class SigningCommandsTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void wrapSignNamesAMissingKeystore() throws Exception {
        Path keystore = temp.getRoot().toPath().resolve("signer.p12");
        WrapCommand wrap = new WrapCommand();
        wrap.keystore = keystore.toString();
        wrap.storePass = "s3cret";
        wrap.first = temp.getRoot().toPath().resolve("libz.nativebundle").toString();
        wrap.second = temp.getRoot().toPath().resolve("z.jar").toString();
        assertMissing(keystore, wrap::execute);
    }

    @Test
    public void signNamesAMissingKeystore() throws Exception {
        Path keystore = temp.getRoot().toPath().resolve("signer.jks");
        SignCommand sign = new SignCommand();
        sign.keystore = keystore.toString();
        sign.descriptor = temp.getRoot().toPath().resolve("libz.nativebundle").toString();
        assertMissing(keystore, sign::execute);
    }

    @Test
    public void theOptionsAreThoseOfTheSharedLogic() {
        SignCommand sign = new SignCommand();
        assertEquals("options not given are empty, as SigningOptions reads them",
                new SigningOptions("", "", "", "", ""),
                new SigningOptions("", sign.storeType, sign.storePass, sign.alias, sign.keyPass));
    }

    private static void assertMissing(Path keystore, Command command) throws Exception {
        try {
            command.run();
            fail("it ran without a keystore");
        } catch (IllegalArgumentException e) {
            assertEquals("cannot sign: the keystore " + keystore + " does not exist", e.getMessage());
        }
    }

    @FunctionalInterface
    private interface Command {
        Object run() throws Exception;
    }
}
