package io.nativebundle.loader.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.util.tracker.BundleTracker;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeBundleStatus;
import io.nativebundle.api.NativeFunction;
import io.nativebundle.api.NativeLibrary;
import io.nativebundle.api.NativeVariable;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.contract.Sha256;
import io.nativebundle.loader.internal.backend.RecordingBackend;
import io.nativebundle.loader.internal.load.FakeFramework;
import io.nativebundle.loader.internal.load.LoadPipeline;
import io.nativebundle.loader.internal.load.LoadPipelineTest;
import io.nativebundle.loader.internal.manifest.NativeCodeSelector;
import io.nativebundle.loader.internal.metrics.MetricsRegistry;
import io.nativebundle.loader.internal.open.GenerationOpener;
import io.nativebundle.loader.internal.publish.ServicePublisher;
import io.nativebundle.loader.internal.publish.SymbolPublisher;
import io.nativebundle.loader.internal.stage.NativeCache;
import io.nativebundle.loader.internal.status.LifecycleEvents;
import io.nativebundle.loader.internal.status.RegistryService;
import io.nativebundle.loader.internal.tenant.Tenants;
import io.nativebundle.loader.internal.trust.LockCheck;
import io.nativebundle.loader.internal.trust.TrustCheck;
import io.nativebundle.loader.internal.unload.Unloader;
import io.nativebundle.loader.internal.verify.Fixtures;

/**
 * The extender under a real {@link BundleTracker}, with the bundle events a framework delivers on
 * more than one thread, and the real pipeline on the recording backend: what a consumer finds in
 * the registry while services appear, and a bundle refreshed on one thread while another is
 * still loading it.
 */
public class NativeBundleTrackerTest {

    private static final Path LIBSYM = Path.of(System.getProperty("nativebundle.test.libsym",
            "target/test-natives/libsym.so")).toAbsolutePath();
    private static final String ENTRY = "native/linux/" + Fixtures.HOST + "/libsym.so";
    private static final long WAIT_SECONDS = 10;

    private final FakeFramework framework = new FakeFramework();
    private final RecordingBackend backend = new RecordingBackend()
            .function("add", a -> (Integer) a[0] + (Integer) a[1])
            .function("greet", a -> "Hello, " + a[0] + "!")
            .variable("counter");
    private NativeCache cache;
    private Unloader unloader;
    private NativeBundleTracker customizer;
    private RegistryService registry;
    private BundleTracker<NativeBundleTracker.Entry> tracker;

    @Before
    public void startTheLoader() throws IOException {
        Path root = Files.createDirectories(Path.of("target", "tracker-tests", UUID.randomUUID().toString())
                .toAbsolutePath());
        cache = NativeCache.open(root);
        unloader = new Unloader(5_000, LifecycleEvents.logOnly(), cache::delete);
        MetricsRegistry metrics = new MetricsRegistry(key -> null, null);
        Tenants tenants = Tenants.start(framework.loaderContext());
        framework.registered.clear();
        LoadPipeline pipeline = new LoadPipeline(new NativeCodeSelector(Map.of("osgi.native.osname", List.of("Linux"),
                "osgi.native.processor", List.of(Fixtures.HOST))), tenants, Fixtures::host, cache,
                new GenerationOpener(backend), new SymbolPublisher(framework.loaderContext(), metrics, tenants.gate()),
                new ServicePublisher(framework.loaderContext(), tenants.gate()), unloader,
                new TrustCheck(tenants::trust), new LockCheck(Optional::empty));
        customizer = new NativeBundleTracker(pipeline, unloader, LifecycleEvents.logOnly(),
                new ExtenderWiring(framework.loaderContext().getBundle()));
        registry = new RegistryService(framework.loaderContext(), customizer, unloader::lingering, tenants::sees);
        tracker = new BundleTracker<>(framework.loaderContext(), Bundle.ACTIVE, customizer);
        tracker.open();
    }

    @After
    public void stopTheLoader() {
        tracker.close();
        unloader.close();
        cache.close();
    }

    @Test
    public void whoeverSeesAServiceFindsItsLibraryInTheRegistry() throws Exception {
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        AtomicLong starting = new AtomicLong();
        framework.onRegister = r -> {
            if (r.type.equals(NativeFunction.class.getName()) || r.type.equals(NativeVariable.class.getName())
                    || r.type.equals(NativeLibrary.class.getName()) || r.type.equals(LoadPipelineTest.Sym.class.getName())) {
                NativeBundleStatus status = registry.status(starting.get()).orElseThrow();
                if (status.state() != NativeBundleStatus.State.ACTIVE || status.loaded().isEmpty()) {
                    problems.add(r.type + " " + r.properties.get(NativeBundleConstants.SYMBOL) + " is registered while"
                            + " the registry says " + status.state() + " " + status.detail());
                }
            }
        };
        FakeFramework.FakeBundle sym = install("test.sym");
        starting.set(sym.bundle.getBundleId());
        framework.fire(sym, Bundle.ACTIVE, BundleEvent.STARTED);

        assertEquals(List.of(), problems);
        assertEquals(2, framework.live(NativeFunction.class.getName()).size());
        assertEquals(1, framework.live(NativeVariable.class.getName()).size());
        assertEquals(NativeBundleStatus.State.ACTIVE, registry.status(sym.bundle.getBundleId()).orElseThrow().state());

        // publishing fails halfway: the services go, and then the registry's entry, so the order holds on the way back
        framework.failRegistrationOf = LoadPipelineTest.Sym.class.getName();
        FakeFramework.FakeBundle broken = install("test.broken");
        starting.set(broken.bundle.getBundleId());
        framework.fire(broken, Bundle.ACTIVE, BundleEvent.STARTED);
        NativeBundleStatus refused = registry.status(broken.bundle.getBundleId()).orElseThrow();
        assertEquals(NativeBundleStatus.State.REFUSED, refused.state());
        assertEquals(RefusalReason.LOAD_FAILED, refused.reason().orElseThrow());
        assertEquals(List.of(), problems);
        assertEquals("only the first bundle's library is listed", 1, registry.statuses().stream()
                .filter(s -> s.loaded().isPresent()).count());
    }

    @Test
    public void aLoadThatFailsBecauseARefreshReplacedTheRevisionIsNotARefusal() throws Exception {
        FakeFramework.FakeBundle sym = install("test.sym");
        Race race = new Race(sym);
        sym.onLoadClass = b -> {
            boolean first = race.first();
            BundleRevision at = sym.revision();
            race.holdFirst();
            if (first && sym.revision() != at) {
                // what Felix does when a load reads the wiring of a revision a refresh has disposed
                throw new NullPointerException("the wiring of " + at + " is gone");
            }
        };
        backend.onOpen = race::holdRefresher;

        race.run();

        assertLoadedOnceFor(sym);
    }

    @Test
    public void aLoadThatFailsWhileARefreshStopsAndStartsTheSameRevisionIsNotARefusal() throws Exception {
        FakeFramework.FakeBundle sym = install("test.sym");
        Race race = new Race(sym, true);
        sym.onLoadClass = b -> {
            boolean first = race.first();
            race.holdFirst();
            if (first) {
                // the refresh unresolved and resolved the bundle under the load: the wiring it read is gone,
                // though the bundle is ACTIVE again with the same revision when the load fails
                throw new NullPointerException("the wiring of " + sym.revision() + " is gone");
            }
        };
        backend.onOpen = race::holdRefresher;

        race.run();

        assertLoadedOnceFor(sym);
    }

    @Test
    public void aLoadThatSucceededForARevisionARefreshReplacedIsLoadedAgain() throws Exception {
        FakeFramework.FakeBundle sym = install("test.sym");
        Race race = new Race(sym);
        backend.onOpen = () -> {
            race.holdFirst();
            race.holdRefresher();
        };

        race.run();

        assertEquals("the library of the replaced revision was closed: " + backend.events(), 1,
                backend.events().stream().filter(e -> e.startsWith("close")).count());
        assertLoadedOnceFor(sym);
    }

    /**
     * A start on a thread of its own ("starter") whose load is held at one point while this thread
     * refreshes the bundle, as Felix's refresh thread does: stop it, replace its revision, start it
     * again. A load on the refreshing thread is held until the first start returned, as a slow
     * open would hold it; the tracker must not depend on which of the two finishes first.
     */
    private final class Race {
        private final FakeFramework.FakeBundle bundle;
        private final CountDownLatch held = new CountDownLatch(1);
        private final CountDownLatch restarted = new CountDownLatch(1);
        private final CountDownLatch firstStartReturned = new CountDownLatch(1);
        private final Thread starter;

        /** Whether the refresh ends with the revision the bundle had: Felix may keep it when nothing was updated. */
        private final boolean sameRevision;

        Race(FakeFramework.FakeBundle bundle) {
            this(bundle, false);
        }

        Race(FakeFramework.FakeBundle bundle, boolean sameRevision) {
            this.bundle = bundle;
            this.sameRevision = sameRevision;
            this.starter = new Thread(() -> {
                framework.fire(bundle, Bundle.ACTIVE, BundleEvent.STARTED);
                firstStartReturned.countDown();
            }, "starter");
        }

        /** Whether this is the starter's load, not yet held. */
        boolean first() {
            return Thread.currentThread() == starter && held.getCount() > 0;
        }

        /** Holds the starter's first load here until the refresh has started the bundle again. */
        void holdFirst() {
            if (first()) {
                held.countDown();
                await(restarted);
            }
        }

        /** Holds a load on the refreshing thread until the first start returned. */
        void holdRefresher() {
            if (Thread.currentThread() != starter) {
                restarted.countDown();
                await(firstStartReturned);
            }
        }

        void run() throws InterruptedException {
            starter.start();
            await(held);
            framework.fire(bundle, Bundle.STOPPING, BundleEvent.STOPPING);
            framework.fire(bundle, Bundle.RESOLVED, BundleEvent.STOPPED);
            if (!sameRevision) {
                bundle.newRevision();
            }
            framework.fire(bundle, Bundle.INSTALLED, BundleEvent.UNRESOLVED);
            framework.fire(bundle, Bundle.RESOLVED, BundleEvent.RESOLVED);
            framework.fire(bundle, Bundle.STARTING, BundleEvent.STARTING);
            framework.fire(bundle, Bundle.ACTIVE, BundleEvent.STARTED);
            restarted.countDown();
            starter.join(TimeUnit.SECONDS.toMillis(2 * WAIT_SECONDS));
        }
    }

    /** ACTIVE, listed as loaded, not refused, one library published; stopping it unloads it. */
    private void assertLoadedOnceFor(FakeFramework.FakeBundle sym) {
        long id = sym.bundle.getBundleId();
        NativeBundleStatus status = registry.status(id).orElseThrow();
        assertEquals(status.detail(), NativeBundleStatus.State.ACTIVE, status.state());
        assertTrue(status.loaded().isPresent());
        assertEquals(1, framework.live(NativeLibrary.class.getName()).size());
        assertEquals(1, framework.live(LoadPipelineTest.Sym.class.getName()).size());
        assertEquals(5, ((LoadPipelineTest.Sym) framework.live(LoadPipelineTest.Sym.class.getName()).get(0)
                .serviceFor(framework.loader))
                .add(2, 3));

        framework.fire(sym, Bundle.STOPPING, BundleEvent.STOPPING);
        assertEquals(List.of(), framework.live(NativeLibrary.class.getName()));
        assertEquals(NativeBundleStatus.State.UNLOADED, registry.status(id).orElseThrow().state());
        long opened = backend.events().stream().filter(e -> e.startsWith("open")).count();
        long closed = backend.events().stream().filter(e -> e.startsWith("close")).count();
        assertEquals(backend.events().toString(), opened, closed);
    }

    private FakeFramework.FakeBundle install(String symbolicName) throws IOException {
        Hashtable<String, String> h = new Hashtable<>();
        h.put("Bundle-NativeCode", ENTRY + ";osname=Linux;processor=" + Fixtures.HOST);
        h.put(NativeBundleConstants.HEADER_LIBRARY, "sym;version=1.0.0;interface=" + LoadPipelineTest.Sym.class.getName());
        h.put(NativeBundleConstants.HEADER_DIGEST, ENTRY + ";sha256=" + Sha256.of(LIBSYM));
        h.put(NativeBundleConstants.HEADER_SYMBOLS, "add;signature=\"(int,int)int\", greet;signature=\"(string)string\","
                + " counter;kind=variable;type=int");
        h.put(NativeBundleConstants.HEADER_WRAPPED, "libsym.nativebundle");
        FakeFramework.FakeBundle bundle = framework.install(symbolicName, "test:" + symbolicName, h,
                Map.of(ENTRY, LIBSYM.toUri().toURL()));
        bundle.state = Bundle.RESOLVED;
        return bundle;
    }

    /**
     * Waits for a latch the other thread counts down; a bounded wait, because the old tracker
     * blocked the other thread elsewhere, and the test must then fail on its assertions, not hang.
     */
    private static void await(CountDownLatch latch) {
        try {
            latch.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
