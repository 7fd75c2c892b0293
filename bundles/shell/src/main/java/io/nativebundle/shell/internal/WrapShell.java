package io.nativebundle.shell.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import io.nativebundle.wrap.DescriptorException;
import io.nativebundle.wrap.NativeWrapper;
import io.nativebundle.wrap.WrapRefusal;
import io.nativebundle.wrap.WrapStatus;

/**
 * What {@code native:wrap} and {@code native:refused} do, whichever shell runs them: Gogo
 * ({@code gogo.WrapCommands}) or Apache Karaf's.
 */
public final class WrapShell {

    private WrapShell() {
    }

    /**
     * Writes the bundle a descriptor and its library make; returns the jar's absolute path.
     *
     * @param library the shared library, or null when the descriptor names a host library or sits
     *                next to its library
     * @throws IllegalArgumentException with {@code file:line:column: reason} for a bad descriptor
     */
    public static String wrap(Path library, Path descriptor, Path outJar) {
        try {
            return NativeWrapper.wrap(library, descriptor, outJar).toAbsolutePath().toString();
        } catch (DescriptorException e) {
            // file:line:column first, so editors and CI logs can jump to the line
            throw new IllegalArgumentException(descriptor.toAbsolutePath().getParent() + "/" + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot wrap " + descriptor + ": " + e.getMessage(), e);
        }
    }

    /** The refused descriptors, one {@code folder/file:line:column: reason} a line, oldest first. */
    public static String refused(WrapStatus status) {
        List<WrapRefusal> refusals = status.refusals();
        if (refusals.isEmpty()) {
            return "no refused descriptors";
        }
        // the message names the file by name only; the folder tells tenants apart
        return refusals.stream().map(r -> r.descriptor().getParent() + "/" + r.message())
                .collect(Collectors.joining("\n"));
    }
}
