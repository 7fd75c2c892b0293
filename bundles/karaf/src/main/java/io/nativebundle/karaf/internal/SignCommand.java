package io.nativebundle.karaf.internal;

import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;

import io.nativebundle.shell.internal.CommandHelp;
import io.nativebundle.shell.internal.SigningOptions;
import io.nativebundle.shell.internal.WrapShell;

/**
 * {@code native:sign deploy/libz.nativebundle etc/signer.p12}: writes {@code deploy/libz.nativebundle.sig}.
 * Relative paths are read from Karaf's base folder.
 */
@Command(scope = "native", name = "sign", description = CommandHelp.SIGN)
@Service
public class SignCommand implements Action {

    @Option(name = "--storetype", description = CommandHelp.STORETYPE)
    String storeType = "";

    @Option(name = "--storepass", description = CommandHelp.STOREPASS)
    String storePass = "";

    @Option(name = "--alias", description = CommandHelp.ALIAS)
    String alias = "";

    @Option(name = "--keypass", description = CommandHelp.KEYPASS)
    String keyPass = "";

    @Argument(index = 0, name = "descriptor", description = CommandHelp.SIGN_DESCRIPTOR, required = true)
    @Completion(FileCompleter.class)
    String descriptor;

    @Argument(index = 1, name = "keystore", description = CommandHelp.SIGN_KEYSTORE, required = true)
    @Completion(FileCompleter.class)
    String keystore;

    @Override
    public Object execute() {
        Path dir = Path.of("").toAbsolutePath();
        System.out.println(WrapShell.sign(dir.resolve(descriptor), new SigningOptions(keystore, storeType, storePass,
                alias, keyPass), dir));
        return null;
    }
}
