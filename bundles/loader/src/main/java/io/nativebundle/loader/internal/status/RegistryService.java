package io.nativebundle.loader.internal.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeBundleStatus.State;
import io.nativebundle.api.NativeBundleStatus;
import io.nativebundle.api.NativeLibrary;
import io.nativebundle.api.NativeLibraryRegistry;
import io.nativebundle.contract.LibraryHeader;
import io.nativebundle.contract.MalformedHeaderException;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.open.LibraryGeneration;

/** Answers {@link NativeLibraryRegistry} from the framework's bundles and the tracker's records. */
public final class RegistryService implements NativeLibraryRegistry {

    private final BundleContext context;
    private final LoadRecords tracker;
    private final ResolutionExplainer explainer;
    private final Supplier<List<LibraryGeneration>> lingering;

    /**
     * @param lingering the generations unloaded but still referenced ({@code Unloader::lingering})
     * @param sees      whether the first bundle may wire to the second ({@code Tenants::sees})
     */
    public RegistryService(BundleContext context, LoadRecords tracker, Supplier<List<LibraryGeneration>> lingering,
                           BiPredicate<Bundle, Bundle> sees) {
        this.context = context;
        this.tracker = tracker;
        this.explainer = new ResolutionExplainer(context, sees);
        this.lingering = lingering;
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
        return statusOf(bundle).map(s -> withLingering(s, lingeringOf(bundle.getBundleId())));
    }

    private Optional<NativeBundleStatus> statusOf(Bundle bundle) {
        String header = bundle.getHeaders("").get(NativeBundleConstants.HEADER_LIBRARY);
        if (header == null) {
            return Optional.empty();
        }
        String library = libraryName(header);
        String bsn = String.valueOf(bundle.getSymbolicName());
        Optional<NativeLibrary> loaded = tracker.loaded(bundle.getBundleId());
        if (loaded.isPresent()) {
            return Optional.of(new NativeBundleStatus(bundle.getBundleId(), bsn, library, State.ACTIVE,
                    Optional.empty(), "", loaded));
        }
        Optional<String> otherExtender = tracker.otherExtender(bundle.getBundleId());
        if (otherExtender.isPresent()) {
            return Optional.of(new NativeBundleStatus(bundle.getBundleId(), bsn, library, State.UNLOADED,
                    Optional.empty(), "the bundle is wired to another " + NativeBundleConstants.EXTENDER
                    + " extender, " + otherExtender.get() + ", which loads it instead of this loader",
                    Optional.empty()));
        }
        LoadRefusal refusal = tracker.refusal(bundle.getBundleId()).orElse(null);
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

    /** Earlier generations of the bundle that are unloaded but still referenced, so still mapped. */
    private String lingeringOf(long bundleId) {
        StringBuilder sb = new StringBuilder();
        int count = 0;
        for (LibraryGeneration g : lingering.get()) {
            if (g.bundleId() == bundleId) {
                sb.append(count++ == 0 ? "" : ", ").append("generation ").append(g.generation()).append(" (unloaded ")
                        .append(g.millisSinceUnload()).append(" ms ago)");
            }
        }
        if (count == 0) {
            return "";
        }
        return count + (count == 1 ? " earlier generation is" : " earlier generations are")
                + " still referenced by a call in flight or a leaked reference and stays mapped until released: " + sb;
    }

    private static NativeBundleStatus withLingering(NativeBundleStatus s, String lingering) {
        if (lingering.isEmpty()) {
            return s;
        }
        String detail = s.detail().isEmpty() ? lingering : s.detail() + "; " + lingering;
        return new NativeBundleStatus(s.bundleId(), s.symbolicName(), s.library(), s.state(), s.reason(), detail,
                s.loaded());
    }

    private static String libraryName(String header) {
        try {
            return LibraryHeader.parse(header).name();
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
