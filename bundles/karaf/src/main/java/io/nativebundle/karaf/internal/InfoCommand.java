package io.nativebundle.karaf.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.nativebundle.shell.internal.CommandHelp;
import io.nativebundle.shell.internal.NativeShell;

/** {@code native:info}. */
@Command(scope = "native", name = "info", description = CommandHelp.INFO)
@Service
public class InfoCommand extends NativeAction {

    @Option(name = "--json", description = CommandHelp.JSON)
    boolean json;

    @Argument(index = 0, name = "bundle", description = CommandHelp.INFO_BUNDLE, required = true)
    @Completion(LibraryCompleter.class)
    String idOrName;

    @Override
    String run(NativeShell shell) {
        return shell.info(json, idOrName);
    }
}
