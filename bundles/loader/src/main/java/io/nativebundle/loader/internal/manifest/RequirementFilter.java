package io.nativebundle.loader.internal.manifest;

import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.resource.Namespace;

import io.nativebundle.contract.HeaderClause;
import io.nativebundle.contract.MalformedHeaderException;
import io.nativebundle.contract.ManifestHeader;
import io.nativebundle.loader.internal.LoadRefusal;

/**
 * The {@code filter} directive of a bundle's requirement in one namespace, e.g. its
 * {@code io.nativebundle.abi} range: read from an installed bundle's revision by the loader, and
 * from the {@code Require-Capability} header of a jar by the verifier.
 */
public final class RequirementFilter {

    private RequirementFilter() {
    }

    /** The filter of the first requirement of {@code bundle} in {@code namespace}; empty without a revision. */
    public static Optional<String> of(Bundle bundle, String namespace) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null) {
            return Optional.empty();
        }
        for (BundleRequirement requirement : revision.getDeclaredRequirements(namespace)) {
            String filter = requirement.getDirectives().get(Namespace.REQUIREMENT_FILTER_DIRECTIVE);
            if (filter != null) {
                return Optional.of(filter);
            }
        }
        return Optional.empty();
    }

    /**
     * The filter of the first clause in {@code namespace} of a {@code Require-Capability} header.
     *
     * @throws LoadRefusal {@code MALFORMED_HEADER} when the header does not parse
     */
    public static Optional<String> of(String requireCapability, String namespace) throws LoadRefusal {
        try {
            for (HeaderClause clause : ManifestHeader.parse(Constants.REQUIRE_CAPABILITY, requireCapability)) {
                if (clause.paths().contains(namespace)) {
                    return clause.directive(Namespace.REQUIREMENT_FILTER_DIRECTIVE);
                }
            }
        } catch (MalformedHeaderException e) {
            throw LoadRefusal.malformedHeader(e);
        }
        return Optional.empty();
    }
}
