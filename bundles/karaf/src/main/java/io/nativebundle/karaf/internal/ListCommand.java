package io.nativebundle.karaf.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.nativebundle.shell.internal.CommandHelp;
import io.nativebundle.shell.internal.NativeShell;

/** {@code native:list}. */
@Command(scope = "native", name = "list", description = CommandHelp.LIST)
@Service
public class ListCommand extends NativeAction {

    @Option(name = "--json", description = CommandHelp.JSON)
    boolean json;

    @Option(name = "--tenant", description = CommandHelp.LIST_TENANT)
    String tenant = "";

    @Override
    String run(NativeShell shell) {
        return shell.list(json, tenant);
    }
}
