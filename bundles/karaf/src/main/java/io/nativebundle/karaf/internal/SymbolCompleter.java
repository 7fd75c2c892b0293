package io.nativebundle.karaf.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import io.nativebundle.api.NativeLibraryRegistry;
import io.nativebundle.shell.internal.NativeShell;

/**
 * Completes the symbols of the library named by the argument before the cursor, e.g.
 * {@code native:call math a<Tab>} to {@code add}.
 */
@Service
public class SymbolCompleter implements Completer {

    @Reference(optional = true)
    NativeLibraryRegistry registry;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        String[] arguments = commandLine.getArguments();
        int cursor = commandLine.getCursorArgumentIndex();
        if (cursor < 1 || cursor > arguments.length) {
            return -1; // no library before the cursor: nothing to offer
        }
        String library = arguments[cursor - 1];
        List<String> names = new NativeShell(null, () -> registry, () -> null, () -> null).symbolNames(library);
        return new StringsCompleter(names).complete(session, commandLine, candidates);
    }
}
