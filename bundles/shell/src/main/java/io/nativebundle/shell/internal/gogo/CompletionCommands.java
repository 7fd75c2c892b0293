package io.nativebundle.shell.internal.gogo;

import java.util.List;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.nativebundle.api.NativeLibraryRegistry;
import io.nativebundle.shell.internal.NativeShell;

/**
 * What Gogo JLine offers on Tab after a {@code native:} command: the launcher's
 * {@code etc/gosh_profile} declares {@code complete -a} scripts that call these. A scope of their
 * own keeps them out of {@code native:}.
 */
@Component(service = CompletionCommands.class, immediate = true, property = {
        "osgi.command.scope=nativebundle",
        "osgi.command.function=libraries",
        "osgi.command.function=symbols"
})
public class CompletionCommands {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile NativeLibraryRegistry registry;

    @Descriptor("the names of the loaded native libraries, for completion")
    public List<String> libraries() {
        return shell().libraryNames();
    }

    @Descriptor("the symbols of a loaded native library, for completion")
    public List<String> symbols(@Descriptor("library name (e.g. math) or namespace") String library) {
        return shell().symbolNames(library);
    }

    private NativeShell shell() {
        return new NativeShell(null, () -> registry, () -> null, () -> null);
    }
}
