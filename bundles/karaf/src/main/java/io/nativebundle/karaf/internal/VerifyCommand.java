package io.nativebundle.karaf.internal;

import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;

import io.nativebundle.shell.internal.CommandHelp;
import io.nativebundle.shell.internal.NativeShell;

/**
 * {@code native:verify deploy/math.jar}, or {@code native:verify --trust etc/trusted deploy/math.jar}
 * to check its signature against a trust store: a relative path is read from Karaf's base folder.
 */
@Command(scope = "native", name = "verify", description = CommandHelp.VERIFY)
@Service
public class VerifyCommand extends NativeAction {

    @Option(name = "--json", description = CommandHelp.JSON)
    boolean json;

    @Option(name = "--trust", description = CommandHelp.VERIFY_TRUST)
    @Completion(FileCompleter.class)
    String trust = "";

    @Option(name = "--password", description = CommandHelp.VERIFY_PASSWORD)
    String password = "";

    @Argument(index = 0, name = "location", description = CommandHelp.VERIFY_LOCATION, required = true)
    @Completion(FileCompleter.class)
    String location;

    @Override
    String run(NativeShell shell) {
        // Karaf's shell has no working folder of its own; bin/karaf runs in karaf.base
        shell.verify(json, location, trust, password, Path.of("").toAbsolutePath(), System.out);
        return null;
    }
}
