package io.nativebundle.karaf.internal;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.nativebundle.shell.internal.CommandHelp;
import io.nativebundle.shell.internal.NativeShell;

/** {@code native:call math add 2 3}. */
@Command(scope = "native", name = "call", description = CommandHelp.CALL)
@Service
public class CallCommand extends NativeAction {

    @Argument(index = 0, name = "library", description = CommandHelp.CALL_LIBRARY, required = true)
    @Completion(LibraryCompleter.class)
    String library;

    @Argument(index = 1, name = "symbol", description = CommandHelp.CALL_SYMBOL, required = true)
    @Completion(SymbolCompleter.class)
    String symbol;

    @Argument(index = 2, name = "args", description = CommandHelp.CALL_ARGS, multiValued = true)
    List<String> args = new ArrayList<>();

    @Override
    String run(NativeShell shell) {
        return shell.call(library, symbol, args);
    }
}
