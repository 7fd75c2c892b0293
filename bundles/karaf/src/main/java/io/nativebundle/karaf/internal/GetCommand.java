package io.nativebundle.karaf.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.nativebundle.shell.internal.CommandHelp;
import io.nativebundle.shell.internal.NativeShell;

/** {@code native:get math counter}. */
@Command(scope = "native", name = "get", description = CommandHelp.GET)
@Service
public class GetCommand extends NativeAction {

    @Argument(index = 0, name = "library", description = CommandHelp.VARIABLE_LIBRARY, required = true)
    @Completion(LibraryCompleter.class)
    String library;

    @Argument(index = 1, name = "symbol", description = CommandHelp.VARIABLE_SYMBOL, required = true)
    @Completion(SymbolCompleter.class)
    String symbol;

    @Override
    String run(NativeShell shell) {
        return shell.get(library, symbol);
    }
}
