package io.nativebundle.shell.internal.gogo;

import java.nio.file.Path;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.nativebundle.shell.internal.CommandHelp;
import io.nativebundle.shell.internal.WrapShell;
import io.nativebundle.wrap.WrapStatus;

/**
 * The Gogo face of {@link WrapShell}. {@code native:wrap}: writes the bundle a {@code .nativebundle}
 * descriptor and its library make, the same one a {@code plugins/} drop-in installs, for CI pipelines. {@code native:refused}: the
 * dropped descriptors that installed nothing, and why. A separate component from
 * {@link NativeCommands} because it needs the wrap bundle: the mandatory reference to its
 * {@link WrapStatus} keeps the commands away until that bundle runs.
 */
@Component(service = WrapCommands.class, immediate = true, property = {
        "osgi.command.scope=native",
        "osgi.command.function=wrap",
        "osgi.command.function=refused"
})
public class WrapCommands {

    @Reference
    private WrapStatus status;

    @Descriptor(CommandHelp.WRAP)
    public String wrap(CommandSession session,
            @Descriptor(CommandHelp.WRAP_LIBRARY) String library,
            @Descriptor(CommandHelp.WRAP_DESCRIPTOR) String descriptor,
            @Descriptor(CommandHelp.WRAP_OUT) String outJar) {
        Path dir = currentDir(session);
        return WrapShell.wrap(dir.resolve(library), dir.resolve(descriptor), dir.resolve(outJar));
    }

    @Descriptor(CommandHelp.WRAP_DESCRIPTOR_ONLY)
    public String wrap(CommandSession session,
            @Descriptor(CommandHelp.WRAP_DESCRIPTOR) String descriptor,
            @Descriptor(CommandHelp.WRAP_OUT) String outJar) {
        Path dir = currentDir(session);
        return WrapShell.wrap(null, dir.resolve(descriptor), dir.resolve(outJar));
    }

    @Descriptor(CommandHelp.REFUSED)
    public String refused() {
        return WrapShell.refused(status);
    }

    private static Path currentDir(CommandSession session) {
        Path dir = session == null ? null : session.currentDir();
        return dir != null ? dir : Path.of("").toAbsolutePath();
    }
}
