package io.nativebundle.karaf.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.nativebundle.shell.internal.CommandHelp;
import io.nativebundle.shell.internal.NativeShell;

/** {@code native:symbols}. */
@Command(scope = "native", name = "symbols", description = CommandHelp.SYMBOLS)
@Service
public class SymbolsCommand extends NativeAction {

    @Option(name = "--json", description = CommandHelp.JSON)
    boolean json;

    @Argument(index = 0, name = "library", description = CommandHelp.SYMBOLS_LIBRARY, required = true)
    @Completion(LibraryCompleter.class)
    String library;

    @Override
    String run(NativeShell shell) {
        return shell.symbols(json, library);
    }
}
