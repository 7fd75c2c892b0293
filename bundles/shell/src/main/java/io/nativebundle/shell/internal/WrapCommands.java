package io.nativebundle.shell.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.nativebundle.wrap.DescriptorException;
import io.nativebundle.wrap.NativeWrapper;
import io.nativebundle.wrap.WrapRefusal;
import io.nativebundle.wrap.WrapStatus;

/**
 * {@code native:wrap}: writes the bundle a {@code .nativebundle} descriptor and its library make,
 * the same one a {@code plugins/} drop-in installs, for CI pipelines. {@code native:refused}: the
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

    @Descriptor("wraps a shared library and its .nativebundle descriptor into a bundle jar, e.g."
            + " native:wrap libfoo.so libfoo.nativebundle foo.jar; prints the jar's path")
    public String wrap(CommandSession session,
            @Descriptor("the shared library, e.g. libfoo.so") String library,
            @Descriptor("the descriptor, e.g. libfoo.nativebundle") String descriptor,
            @Descriptor("the bundle jar to write") String outJar) {
        Path dir = currentDir(session);
        return write(dir.resolve(library), dir.resolve(descriptor), dir.resolve(outJar));
    }

    @Descriptor("wraps a descriptor into a bundle jar: a system = descriptor (the library comes from the host),"
            + " or one whose library sits next to it; prints the jar's path")
    public String wrap(CommandSession session,
            @Descriptor("the descriptor, e.g. libz.nativebundle") String descriptor,
            @Descriptor("the bundle jar to write") String outJar) {
        Path dir = currentDir(session);
        return write(null, dir.resolve(descriptor), dir.resolve(outJar));
    }

    @Descriptor("lists the .nativebundle descriptors in plugins/ that were refused and installed nothing:"
            + " file:line:column: reason, oldest first")
    public String refused() {
        List<WrapRefusal> refusals = status.refusals();
        if (refusals.isEmpty()) {
            return "no refused descriptors";
        }
        // the message names the file by name only; the folder tells tenants apart
        return refusals.stream().map(r -> r.descriptor().getParent() + "/" + r.message())
                .collect(Collectors.joining("\n"));
    }

    private static String write(Path library, Path descriptor, Path outJar) {
        try {
            return NativeWrapper.wrap(library, descriptor, outJar).toAbsolutePath().toString();
        } catch (DescriptorException e) {
            // file:line:column first, so editors and CI logs can jump to the line
            throw new IllegalArgumentException(descriptor.toAbsolutePath().getParent() + "/" + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot wrap " + descriptor + ": " + e.getMessage(), e);
        }
    }

    private static Path currentDir(CommandSession session) {
        Path dir = session == null ? null : session.currentDir();
        return dir != null ? dir : Path.of("").toAbsolutePath();
    }
}
