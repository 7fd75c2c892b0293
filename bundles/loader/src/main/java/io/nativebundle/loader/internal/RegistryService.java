package io.nativebundle.loader.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeBundleStatus;
import io.nativebundle.api.NativeBundleStatus.State;
import io.nativebundle.api.NativeLibrary;
import io.nativebundle.api.NativeLibraryRegistry;

/** Answers {@link NativeLibraryRegistry} from the framework's bundles and the tracker's records. */
final class RegistryService implements NativeLibraryRegistry {

    private final BundleContext context;
    private final NativeBundleTracker tracker;
    private final ResolutionExplainer explainer;

    RegistryService(BundleContext context, NativeBundleTracker tracker) {
        this.context = context;
        this.tracker = tracker;
        this.explainer = new ResolutionExplainer(context);
    }

    @Override
    public List<NativeBundleStatus> statuses() {
        List<NativeBundleStatus> statuses = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            status(bundle).ifPresent(statuses::add);
        }
        return statuses;
    }

    @Override
    public Optional<NativeBundleStatus> status(long bundleId) {
        return Optional.ofNullable(context.getBundle(bundleId)).flatMap(this::status);
    }

    private Optional<NativeBundleStatus> status(Bundle bundle) {
        String header = bundle.getHeaders("").get(NativeBundleConstants.HEADER_LIBRARY);
        if (header == null) {
            return Optional.empty();
        }
        String library = libraryName(header);
        String bsn = String.valueOf(bundle.getSymbolicName());
        Optional<TrackedLibrary> loaded = tracker.loadedOf(bundle.getBundleId());
        if (loaded.isPresent()) {
            return Optional.of(new NativeBundleStatus(bundle.getBundleId(), bsn, library, State.ACTIVE,
                    Optional.empty(), "", Optional.<NativeLibrary>of(loaded.get().library())));
        }
        LoadRefusal refusal = tracker.refusalOf(bundle.getBundleId());
        if (refusal != null) {
            return Optional.of(new NativeBundleStatus(bundle.getBundleId(), bsn, library, State.REFUSED,
                    Optional.of(refusal.reason()), refusal.getMessage(), Optional.empty()));
        }
        if (bundle.getState() == Bundle.INSTALLED) {
            return Optional.of(new NativeBundleStatus(bundle.getBundleId(), bsn, library, State.UNRESOLVED,
                    Optional.empty(), explainer.explain(bundle), Optional.empty()));
        }
        return Optional.of(new NativeBundleStatus(bundle.getBundleId(), bsn, library, State.UNLOADED,
                Optional.empty(), "the bundle is " + stateName(bundle.getState()) + "; start it to load the library",
                Optional.empty()));
    }

    private static String libraryName(String header) {
        try {
            return LibraryDeclaration.parse(header).name();
        } catch (MalformedHeaderException e) {
            return header;
        }
    }

    private static String stateName(int state) {
        switch (state) {
            case Bundle.RESOLVED: return "RESOLVED";
            case Bundle.STARTING: return "STARTING";
            case Bundle.STOPPING: return "STOPPING";
            case Bundle.ACTIVE: return "ACTIVE";
            default: return "INSTALLED";
        }
    }
}
