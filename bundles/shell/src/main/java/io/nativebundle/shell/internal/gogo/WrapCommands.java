package io.nativebundle.shell.internal.gogo;

import java.nio.file.Path;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.nativebundle.shell.internal.CommandHelp;
import io.nativebundle.shell.internal.SigningOptions;
import io.nativebundle.shell.internal.WrapShell;
import io.nativebundle.wrap.WrapStatus;

/**
 * The Gogo face of {@link WrapShell}. {@code native:wrap}: writes the bundle a {@code .nativebundle}
 * descriptor and its library make, the same one a {@code plugins/} drop-in installs, for CI
 * pipelines; with {@code --sign <keystore>}, signed. {@code native:sign}: writes a drop-in's
 * detached signature. {@code native:refused}: the dropped descriptors that installed nothing, and why. A separate component from
 * {@link NativeCommands} because it needs the wrap bundle: the mandatory reference to its
 * {@link WrapStatus} keeps the commands away until that bundle runs.
 */
@Component(service = WrapCommands.class, immediate = true, property = {
        "osgi.command.scope=native",
        "osgi.command.function=wrap",
        "osgi.command.function=sign",
        "osgi.command.function=refused"
})
public class WrapCommands {

    @Reference
    private WrapStatus status;

    @Descriptor(CommandHelp.WRAP)
    public String wrap(CommandSession session,
            @Descriptor(CommandHelp.WRAP_SIGN) @Parameter(names = "--sign", absentValue = "") String keystore,
            @Descriptor(CommandHelp.STORETYPE) @Parameter(names = "--storetype", absentValue = "") String storeType,
            @Descriptor(CommandHelp.STOREPASS) @Parameter(names = "--storepass", absentValue = "") String storePass,
            @Descriptor(CommandHelp.ALIAS) @Parameter(names = "--alias", absentValue = "") String alias,
            @Descriptor(CommandHelp.KEYPASS) @Parameter(names = "--keypass", absentValue = "") String keyPass,
            @Descriptor(CommandHelp.WRAP_LIBRARY) String library,
            @Descriptor(CommandHelp.WRAP_DESCRIPTOR) String descriptor,
            @Descriptor(CommandHelp.WRAP_OUT) String outJar) {
        Path dir = currentDir(session);
        return WrapShell.wrap(dir.resolve(library), dir.resolve(descriptor), dir.resolve(outJar),
                new SigningOptions(keystore, storeType, storePass, alias, keyPass), dir);
    }

    @Descriptor(CommandHelp.WRAP_DESCRIPTOR_ONLY)
    public String wrap(CommandSession session,
            @Descriptor(CommandHelp.WRAP_SIGN) @Parameter(names = "--sign", absentValue = "") String keystore,
            @Descriptor(CommandHelp.STORETYPE) @Parameter(names = "--storetype", absentValue = "") String storeType,
            @Descriptor(CommandHelp.STOREPASS) @Parameter(names = "--storepass", absentValue = "") String storePass,
            @Descriptor(CommandHelp.ALIAS) @Parameter(names = "--alias", absentValue = "") String alias,
            @Descriptor(CommandHelp.KEYPASS) @Parameter(names = "--keypass", absentValue = "") String keyPass,
            @Descriptor(CommandHelp.WRAP_DESCRIPTOR) String descriptor,
            @Descriptor(CommandHelp.WRAP_OUT) String outJar) {
        Path dir = currentDir(session);
        return WrapShell.wrap(null, dir.resolve(descriptor), dir.resolve(outJar),
                new SigningOptions(keystore, storeType, storePass, alias, keyPass), dir);
    }

    @Descriptor(CommandHelp.SIGN)
    public String sign(CommandSession session,
            @Descriptor(CommandHelp.STORETYPE) @Parameter(names = "--storetype", absentValue = "") String storeType,
            @Descriptor(CommandHelp.STOREPASS) @Parameter(names = "--storepass", absentValue = "") String storePass,
            @Descriptor(CommandHelp.ALIAS) @Parameter(names = "--alias", absentValue = "") String alias,
            @Descriptor(CommandHelp.KEYPASS) @Parameter(names = "--keypass", absentValue = "") String keyPass,
            @Descriptor(CommandHelp.SIGN_DESCRIPTOR) String descriptor,
            @Descriptor(CommandHelp.SIGN_KEYSTORE) String keystore) {
        Path dir = currentDir(session);
        return WrapShell.sign(dir.resolve(descriptor), new SigningOptions(keystore, storeType, storePass, alias,
                keyPass), dir);
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
