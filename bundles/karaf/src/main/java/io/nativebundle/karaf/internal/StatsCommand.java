package io.nativebundle.karaf.internal;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.nativebundle.shell.internal.CommandHelp;
import io.nativebundle.shell.internal.NativeShell;

/** {@code native:stats}. */
@Command(scope = "native", name = "stats", description = CommandHelp.STATS)
@Service
public class StatsCommand extends NativeAction {

    @Option(name = "--json", description = CommandHelp.JSON)
    boolean json;

    @Option(name = "--on", description = CommandHelp.STATS_ON)
    @Completion(LibraryCompleter.class)
    String on = "";

    @Option(name = "--off", description = CommandHelp.STATS_OFF)
    @Completion(LibraryCompleter.class)
    String off = "";

    @Argument(index = 0, name = "libraries", description = CommandHelp.STATS_LIBRARIES, multiValued = true)
    @Completion(LibraryCompleter.class)
    List<String> libraries = new ArrayList<>();

    @Override
    String run(NativeShell shell) {
        return shell.stats(json, on, off, libraries);
    }
}
