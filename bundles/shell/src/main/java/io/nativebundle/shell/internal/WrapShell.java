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
 * What {@code native:wrap}, {@code native:sign} and {@code native:refused} do, whichever shell runs them: Gogo
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
        return wrap(library, descriptor, outJar, new SigningOptions("", "", "", "", ""), Path.of("").toAbsolutePath());
    }

    /**
     * {@code native:wrap --sign <keystore>}: as {@link #wrap(Path, Path, Path)}, the jar signed with
     * the key {@code signing} names, when it names one.
     *
     * @param currentDir where the keystore and a password file are read from
     * @throws UnsupportedOperationException when this runtime cannot sign, before the keystore is read
     */
    public static String wrap(Path library, Path descriptor, Path outJar, SigningOptions signing, Path currentDir) {
        try {
            if (!signing.present()) {
                return NativeWrapper.wrap(library, descriptor, outJar).toAbsolutePath().toString();
            }
            requireSigning();
            return NativeWrapper.wrap(library, descriptor, outJar, signing.key(currentDir)).toAbsolutePath().toString();
        } catch (DescriptorException e) {
            // file:line:column first, so editors and CI logs can jump to the line
            throw new IllegalArgumentException(descriptor.toAbsolutePath().getParent() + "/" + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot wrap " + descriptor + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code native:sign}: writes the detached signature of a drop-in, {@code <descriptor>.sig}
     * beside it; returns its absolute path.
     *
     * @throws IllegalArgumentException with {@code file:line:column: reason} for a descriptor that does not wrap
     */
    public static String sign(Path descriptor, SigningOptions signing, Path currentDir) {
        requireSigning();
        try {
            return NativeWrapper.signDetached(descriptor, signing.key(currentDir)).toAbsolutePath().toString();
        } catch (DescriptorException e) {
            throw new IllegalArgumentException(descriptor.toAbsolutePath().getParent() + "/" + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot sign " + descriptor + ": " + e.getMessage(), e);
        }
    }

    /** What the framework lacks comes first: a keystore read would not help. */
    private static void requireSigning() {
        NativeWrapper.signingProblem().ifPresent(problem -> {
            throw new UnsupportedOperationException(problem);
        });
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
