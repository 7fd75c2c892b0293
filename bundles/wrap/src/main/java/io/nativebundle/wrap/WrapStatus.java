package io.nativebundle.wrap;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The drop-in side of wrapping, as an OSGi service: which {@code .nativebundle} descriptors in
 * {@code plugins/} were refused, and why. A descriptor that wraps again, or is deleted, leaves
 * the list.
 *
 * <pre>{@code
 * @Reference WrapStatus wrap;
 * wrap.refusals().forEach(r -> System.out.println(r.message()));
 * // libmath.nativebundle:9:7: unknown native type 'integer'; expected one of void, byte, ...
 * }</pre>
 */
@ProviderType
public interface WrapStatus {

    /** @return the latest refusal of every descriptor that is still refused, oldest first */
    List<WrapRefusal> refusals();

    /**
     * @param descriptor the descriptor file
     * @return its latest refusal, or empty if it is wrapped, unknown or gone
     */
    Optional<WrapRefusal> refusal(Path descriptor);
}
