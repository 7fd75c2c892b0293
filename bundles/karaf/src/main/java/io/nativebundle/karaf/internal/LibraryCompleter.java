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

/** Completes the names of the loaded native libraries, e.g. {@code native:call ma<Tab>} to {@code math}. */
@Service
public class LibraryCompleter implements Completer {

    @Reference(optional = true)
    NativeLibraryRegistry registry;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        List<String> names = new NativeShell(null, () -> registry, () -> null, () -> null).libraryNames();
        return new StringsCompleter(names).complete(session, commandLine, candidates);
    }
}
