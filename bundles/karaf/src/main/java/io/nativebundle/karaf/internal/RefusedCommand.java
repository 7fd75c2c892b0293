package io.nativebundle.karaf.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.nativebundle.shell.internal.CommandHelp;
import io.nativebundle.shell.internal.WrapShell;
import io.nativebundle.wrap.WrapStatus;

/** {@code native:refused}: the dropped descriptors that installed nothing, and why. */
@Command(scope = "native", name = "refused", description = CommandHelp.REFUSED)
@Service
public class RefusedCommand implements Action {

    @Reference(optional = true)
    WrapStatus status;

    @Override
    public Object execute() {
        if (status == null) {
            throw new IllegalStateException("native:refused needs the WrapStatus service of the wrap bundle"
                    + " (io.nativebundle.wrap), and none is registered");
        }
        System.out.println(WrapShell.refused(status));
        return null;
    }
}
