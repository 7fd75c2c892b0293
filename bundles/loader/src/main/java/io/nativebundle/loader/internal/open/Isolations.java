package io.nativebundle.loader.internal.open;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.osgi.framework.Bundle;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.contract.DeclaredSymbol;
import io.nativebundle.contract.Isolation;
import io.nativebundle.contract.IsolationSettings;
import io.nativebundle.contract.LibraryHeader;
import io.nativebundle.contract.MalformedHeaderException;
import io.nativebundle.contract.SymbolsHeader;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.backend.NativeBackend;
import io.nativebundle.loader.internal.backend.host.HostIdentity;
import io.nativebundle.loader.internal.backend.host.HostPlacement;
import io.nativebundle.loader.internal.backend.host.HostRuntime;
import io.nativebundle.loader.internal.backend.host.HostSettings;
import io.nativebundle.loader.internal.tenant.TenantIsolation;
import io.nativebundle.loader.internal.tenant.TenantRefusal;

/**
 * Decides, per library, which backend runs its calls: in process (the default), or a host process
 * of its own when its bundle declares {@code isolation=process} in {@code NativeBundle-Library}
 * (a descriptor's {@code isolation = process} becomes that attribute) or the operator's policy
 * for its tenant says {@code process}. The timeout and limits come from the bundle's headers, the
 * limits it leaves open from the runtime's defaults ({@link HostSettings}).
 */
public final class Isolations {

    private final HostRuntime hosts;
    private final TenantIsolation tenants;
    private final HostSettings settings;
    private final String settingsProblem;

    /**
     * @param settingsProblem why the host settings (framework properties) are invalid, or null; a
     *                        library that would run out of process is then refused with it
     */
    public Isolations(HostRuntime hosts, TenantIsolation tenants, HostSettings settings, String settingsProblem) {
        this.hosts = hosts;
        this.tenants = tenants;
        this.settings = settings;
        this.settingsProblem = settingsProblem;
    }

    /**
     * The backend of {@code generation}: {@code inProcess}, or a host of its own.
     *
     * @throws LoadRefusal {@code MALFORMED_HEADER} for an isolation attribute that does not parse,
     *                     {@code TENANT_REFUSED} for a tenant policy that does not
     */
    NativeBackend choose(Bundle bundle, String tenant, LibraryGeneration generation, NativeBackend inProcess)
            throws LoadRefusal {
        IsolationSettings declared = declared(bundle);
        boolean byPolicy;
        try {
            byPolicy = tenants.outOfProcess(tenant);
        } catch (TenantRefusal e) {
            throw new LoadRefusal(RefusalReason.TENANT_REFUSED, e.getMessage());
        }
        if (declared.isolation() == Isolation.IN_PROCESS && !byPolicy) {
            return inProcess;
        }
        String reason = declared.isolation() == Isolation.PROCESS ? "its bundle declares isolation=process"
                : "the tenant's policy " + tenants.source(tenant) + "=process";
        if (settingsProblem != null) {
            throw new LoadRefusal(RefusalReason.LOAD_FAILED, "library '" + generation.library() + "' runs out of"
                    + " process (" + reason + "), and the host settings are invalid: " + settingsProblem);
        }
        HostPlacement placement = new HostPlacement(declared.timeout(), symbolTimeouts(bundle),
                declared.maxAddressSpace().isPresent() ? declared.maxAddressSpace() : settings.maxAddressSpace(),
                declared.maxCpuTime().or(settings::maxCpuTime), reason);
        return hosts.backend(new HostIdentity(generation.library(), generation.version().toString(),
                generation.generation(), generation.bundleId(), generation.symbolicName()), placement);
    }

    private static IsolationSettings declared(Bundle bundle) throws LoadRefusal {
        String header = bundle.getHeaders("").get(NativeBundleConstants.HEADER_LIBRARY);
        try {
            return LibraryHeader.parse(header).isolation();
        } catch (MalformedHeaderException e) {
            throw new LoadRefusal(RefusalReason.MALFORMED_HEADER, e.getMessage());
        }
    }

    private static Map<String, Duration> symbolTimeouts(Bundle bundle) throws LoadRefusal {
        String header = bundle.getHeaders("").get(NativeBundleConstants.HEADER_SYMBOLS);
        Map<String, Duration> timeouts = new HashMap<>();
        if (header == null || header.isBlank()) {
            return timeouts;
        }
        try {
            for (DeclaredSymbol symbol : SymbolsHeader.parse(header)) {
                symbol.timeout().ifPresent(t -> timeouts.put(symbol.name(), t));
            }
        } catch (MalformedHeaderException e) {
            throw new LoadRefusal(RefusalReason.MALFORMED_HEADER, e.getMessage());
        }
        return timeouts;
    }
}
