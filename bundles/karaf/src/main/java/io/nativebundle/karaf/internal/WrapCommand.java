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
 * {@code native:wrap libfoo.so libfoo.nativebundle foo.jar}, or {@code native:wrap libz.nativebundle z.jar}
 * for a descriptor whose library is the host's or sits next to it; {@code --sign etc/signer.p12}
 * signs the jar. Relative paths are read from Karaf's base folder.
 */
@Command(scope = "native", name = "wrap", description = CommandHelp.WRAP + "; or, with two arguments, "
        + CommandHelp.WRAP_DESCRIPTOR_ONLY)
@Service
public class WrapCommand implements Action {

    @Option(name = "--sign", description = CommandHelp.WRAP_SIGN)
    @Completion(FileCompleter.class)
    String keystore = "";

    @Option(name = "--storetype", description = CommandHelp.STORETYPE)
    String storeType = "";

    @Option(name = "--storepass", description = CommandHelp.STOREPASS)
    String storePass = "";

    @Option(name = "--alias", description = CommandHelp.ALIAS)
    String alias = "";

    @Option(name = "--keypass", description = CommandHelp.KEYPASS)
    String keyPass = "";

    @Argument(index = 0, name = "library", description = CommandHelp.WRAP_LIBRARY + " (or the descriptor, with two"
            + " arguments)", required = true)
    @Completion(FileCompleter.class)
    String first;

    @Argument(index = 1, name = "descriptor", description = CommandHelp.WRAP_DESCRIPTOR + " (or the jar, with two"
            + " arguments)", required = true)
    @Completion(FileCompleter.class)
    String second;

    @Argument(index = 2, name = "jar", description = CommandHelp.WRAP_OUT)
    @Completion(FileCompleter.class)
    String third;

    @Override
    public Object execute() {
        Path dir = Path.of("").toAbsolutePath();
        SigningOptions signing = new SigningOptions(keystore, storeType, storePass, alias, keyPass);
        String jar = third == null
                ? WrapShell.wrap(null, dir.resolve(first), dir.resolve(second), signing, dir)
                : WrapShell.wrap(dir.resolve(first), dir.resolve(second), dir.resolve(third), signing, dir);
        System.out.println(jar);
        return null;
    }
}
