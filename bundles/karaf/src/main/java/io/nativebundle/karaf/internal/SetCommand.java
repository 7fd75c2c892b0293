package io.nativebundle.karaf.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.nativebundle.shell.internal.CommandHelp;
import io.nativebundle.shell.internal.NativeShell;

/** {@code native:set math counter 41}. */
@Command(scope = "native", name = "set", description = CommandHelp.SET)
@Service
public class SetCommand extends NativeAction {

    @Argument(index = 0, name = "library", description = CommandHelp.VARIABLE_LIBRARY, required = true)
    @Completion(LibraryCompleter.class)
    String library;

    @Argument(index = 1, name = "symbol", description = CommandHelp.VARIABLE_SYMBOL, required = true)
    @Completion(SymbolCompleter.class)
    String symbol;

    @Argument(index = 2, name = "value", description = CommandHelp.SET_VALUE, required = true)
    String value;

    @Override
    String run(NativeShell shell) {
        shell.set(library, symbol, value);
        return null;
    }
}
