package io.nativebundle.loader.internal.load;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntBinaryOperator;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceFactory;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeFunction;
import io.nativebundle.api.NativeLibrary;
import io.nativebundle.api.NativeLibraryUnloadedException;
import io.nativebundle.api.NativeVariable;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.api.SymbolStats;
import io.nativebundle.contract.Sha256;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.backend.RecordingBackend;
import io.nativebundle.loader.internal.manifest.NativeCodeSelector;
import io.nativebundle.loader.internal.metrics.MetricsRegistry;
import io.nativebundle.loader.internal.open.GenerationOpener;
import io.nativebundle.loader.internal.open.LibraryGeneration;
import io.nativebundle.loader.internal.publish.ServicePublisher;
import io.nativebundle.loader.internal.publish.SymbolPublisher;
import io.nativebundle.loader.internal.stage.NativeCache;
import io.nativebundle.loader.internal.status.LifecycleEvents;
import io.nativebundle.loader.internal.tenant.Tenants;
import io.nativebundle.loader.internal.trust.LockCheck;
import io.nativebundle.loader.internal.trust.TrustCheck;
import io.nativebundle.loader.internal.unload.Unloader;
import io.nativebundle.loader.internal.verify.Fixtures;

/**
 * The whole load pipeline outside OSGi, on the recording backend instead of native code: real
 * headers, a real cache, the real checks on a real ELF file ({@code libsym.so}, which is read,
 * never opened), the real guards, publishers, tenant quotas and unloader.
 */
public class LoadPipelineTest {

    /** The typed interface the test bundle declares. */
    public interface Sym {
        int add(int a, int b);

        String greet(String name);
    }

    private static final Path LIBSYM = Path.of(System.getProperty("nativebundle.test.libsym",
            "target/test-natives/libsym.so")).toAbsolutePath();
    private static final String ENTRY = "native/linux/" + Fixtures.HOST + "/libsym.so";

    private final FakeFramework framework = new FakeFramework();
    private final RecordingBackend backend = new RecordingBackend()
            .function("add", a -> (Integer) a[0] + (Integer) a[1])
            .function("greet", a -> "Hello, " + a[0] + "!")
            .variable("counter");
    private Path root;
    private NativeCache cache;
    private Unloader unloader;
    private MetricsRegistry metrics;
    private LoadPipeline pipeline;

    @Before
    public void startTheLoader() throws IOException {
        root = Files.createDirectories(Path.of("target", "pipeline-tests", UUID.randomUUID().toString()).toAbsolutePath());
        framework.properties.put("io.nativebundle.tenant.acme.max-libraries", "1");
        cache = NativeCache.open(root);
        unloader = new Unloader(5_000, LifecycleEvents.logOnly(), cache::delete);
        metrics = new MetricsRegistry(key -> null, null);
        Tenants tenants = Tenants.start(framework.loaderContext());
        framework.registered.clear(); // the tenant isolation hooks; the tests look at what the loads register
        pipeline = new LoadPipeline(new NativeCodeSelector(Map.of("osgi.native.osname", List.of("Linux"),
                "osgi.native.processor", List.of(Fixtures.HOST))), tenants,
                Fixtures::host, cache, new GenerationOpener(backend),
                new SymbolPublisher(framework.loaderContext(), metrics, tenants.gate()),
                new ServicePublisher(framework.loaderContext(), tenants.gate()),
                unloader, new TrustCheck(tenants::trust), new LockCheck(java.util.Optional::empty));
    }

    @After
    public void stopTheLoader() {
        unloader.close();
        cache.close();
    }

    @Test
    public void aBundleGoesThroughEveryStepIntoServicesThatCallTheBackend() throws Exception {
        TrackedLibrary tracked = pipeline.load(symBundle("test.sym", null));

        NativeLibrary library = tracked.library();
        Path copy = library.file();
        assertTrue("staged in the loader's cache: " + copy, copy.startsWith(root) && Files.exists(copy));
        assertEquals(Sha256.of(LIBSYM), library.sha256());
        assertEquals(List.of("digest", "elf", "machine", "libc", "glibc", "symbols", "build-note", "dependencies"),
                library.checks().stream().map(c -> c.check()).toList());
        assertEquals(List.of("open libsym.so []", "bind Sym", "function add (int,int)int",
                "function greet (string)string", "variable counter int"), backend.events());

        assertEquals(List.of("add", "greet"), names(NativeFunction.class));
        assertEquals(List.of("counter"), names(NativeVariable.class));
        for (FakeFramework.Registered r : framework.registered) {
            assertEquals(r.type, RecordingBackend.NAME, r.properties.get(NativeBundleConstants.BACKEND));
            assertEquals(r.type, "default", r.properties.get(NativeBundleConstants.TENANT));
        }
        FakeFramework.Registered typed = framework.live(Sym.class.getName()).get(0);
        assertEquals("the typed service belongs to the native bundle", tracked.bundle(), typed.registrant);
        assertEquals(1, framework.live(NativeLibrary.class.getName()).size());

        Sym sym = (Sym) typed.serviceFor(framework.loader);
        assertEquals(5, sym.add(2, 3));
        assertEquals("Hello, osgi!", sym.greet("osgi"));
        NativeFunction add = function("add");
        assertEquals(9, add.invoke(4, 5));
        IntBinaryOperator fast = add.asIntBinaryOperator();
        assertEquals(11, fast.applyAsInt(5, 6));
        assertThrows(IllegalArgumentException.class, () -> add.invoke("x", 1));
        NativeVariable counter = (NativeVariable) framework.live(NativeVariable.class.getName()).get(0).serviceFor(framework.loader);
        counter.setInt(41);
        assertEquals(41, counter.getInt());
        // the typed service and the NativeFunction share the symbol's metrics; a refused call counts as an error
        SymbolStats addStats = metrics.stats("sym").stream().filter(s -> s.symbol().equals("add")).findFirst().orElseThrow();
        assertEquals(4, addStats.calls());
        assertEquals(1, addStats.errors());
    }

    @Test
    public void aNativeServiceOfOneTenantGivesNullToABundleOfAnotherAndItsObjectToItsOwn() throws Exception {
        pipeline.load(symBundle("test.acme", "acme"));
        Bundle acme = framework.bundle("test.acme.consumer", "test:acme.consumer", tenantHeader("acme"), Map.of());
        Bundle globex = framework.bundle("test.globex.consumer", "test:globex.consumer", tenantHeader("globex"), Map.of());
        for (FakeFramework.Registered r : framework.registered) {
            assertEquals(r.type, "acme", r.properties.get(NativeBundleConstants.TENANT));
            assertTrue(r.type + " is registered as a service factory", r.service instanceof ServiceFactory);
            assertNotNull(r.type + " for acme", r.serviceFor(acme));
            assertNotNull(r.type + " for the runtime", r.serviceFor(framework.loader));
            assertNull(r.type + " for globex", r.serviceFor(globex));
        }
        assertEquals(5, ((Sym) framework.live(Sym.class.getName()).get(0).serviceFor(acme)).add(2, 3));
    }

    @Test
    public void anUnloadClosesTheBackendOnceAfterwardsNothingReachesIt() throws Exception {
        TrackedLibrary tracked = pipeline.load(symBundle("test.sym", null));
        Sym sym = (Sym) framework.live(Sym.class.getName()).get(0).serviceFor(framework.loader);
        NativeFunction add = function("add");
        assertEquals(5, sym.add(2, 3));

        tracked.unpublish();
        assertTrue("closed within the timeout", unloader.unload(tracked.generation(), "test"));

        assertEquals(LibraryGeneration.State.CLOSED, tracked.generation().state());
        assertEquals("close libsym.so", last(backend.events()));
        assertEquals(1, backend.events().stream().filter(e -> e.startsWith("close")).count());
        assertFalse("the generation's folder is deleted", Files.exists(tracked.library().file().getParent()));
        assertTrue(framework.registered.stream().allMatch(r -> r.unregistered));
        assertThrows(NativeLibraryUnloadedException.class, () -> sym.add(1, 1));
        assertThrows(NativeLibraryUnloadedException.class, () -> add.invoke(1, 1));
        assertEquals(0, backend.callsAfterClose());
    }

    @Test
    public void aRefusalWhileOpeningUndoesTheStagingAndGivesTheQuotaBack() throws Exception {
        backend.refuseBind("the fake refuses to bind Sym");
        LoadRefusal refusal = assertThrows(LoadRefusal.class, () -> pipeline.load(symBundle("test.first", "acme")));
        assertEquals(RefusalReason.LOAD_FAILED, refusal.reason());
        assertEquals("the fake refuses to bind Sym", refusal.getMessage());
        assertEquals("what was opened is closed", List.of("open libsym.so []", "bind Sym", "cut libsym.so", "close libsym.so"),
                backend.events());
        assertEquals("nothing is registered", List.of(), framework.registered);
        assertEquals("no generation folder is left", List.of(), generationFolders());

        // acme may load one library: the refused one gave its reservation back
        backend.refuseBind(null);
        pipeline.load(symBundle("test.second", "acme"));
        assertEquals(1, framework.live(NativeLibrary.class.getName()).size());
        LoadRefusal overQuota = assertThrows(LoadRefusal.class, () -> pipeline.load(symBundle("test.third", "acme")));
        assertEquals(RefusalReason.TENANT_REFUSED, overQuota.reason());
    }

    @Test
    public void aRefusalWhilePublishingUnregistersWhatWasRegisteredAndClosesAfterTheDrain() throws Exception {
        framework.failRegistrationOf = Sym.class.getName();
        LoadRefusal refusal = assertThrows(LoadRefusal.class, () -> pipeline.load(symBundle("test.sym", null)));
        assertEquals(RefusalReason.LOAD_FAILED, refusal.reason());
        assertTrue(refusal.getMessage(), refusal.getMessage().startsWith("could not publish library 'sym': "
                + "java.lang.IllegalStateException: registering " + Sym.class.getName() + " fails in this test"));

        assertEquals(List.of("add", "greet", "counter"), framework.registered.stream()
                .map(r -> String.valueOf(r.properties.get(NativeBundleConstants.SYMBOL))).toList());
        assertTrue("every symbol service is unregistered again", framework.registered.stream().allMatch(r -> r.unregistered));
        assertEquals("close libsym.so", last(backend.events()));
        assertEquals(List.of(), generationFolders());
        assertEquals(List.of(), metrics.libraries());
    }

    @Test
    public void aRefusalBeforeOpeningNeverReachesTheBackend() throws Exception {
        Hashtable<String, String> headers = symHeaders(null);
        headers.put(NativeBundleConstants.HEADER_DIGEST, ENTRY + ";sha256=" + "0".repeat(64));
        Bundle tampered = framework.bundle("test.tampered", "test:tampered", headers, Map.of(ENTRY, LIBSYM.toUri().toURL()));

        LoadRefusal refusal = assertThrows(LoadRefusal.class, () -> pipeline.load(tampered));

        assertEquals(RefusalReason.DIGEST_MISMATCH, refusal.reason());
        assertEquals(List.of(), backend.events());
        assertEquals(List.of(), generationFolders());
    }

    /**
     * What the loader took on with the contract's rules: each of these headers used to pass the
     * header step (a missing version was 0.0.0, a bad interface name an INTERFACE_MISMATCH, a bad
     * signature or variable type a refusal while publishing, NativeBundle-Prebuilt was read for its
     * presence only); now each is a MALFORMED_HEADER before the tenant's quota is touched or a file
     * is copied.
     */
    @Test
    public void aHeaderTheContractRefusesIsMalformedBeforeAnythingIsReserved() throws Exception {
        String library = NativeBundleConstants.HEADER_LIBRARY;
        String symbols = NativeBundleConstants.HEADER_SYMBOLS;
        String[][] cases = {
            {library, "sym;interface=" + Sym.class.getName(), "library 'sym' has no version"},
            {library, "sym;version=1.0.0;interface=not..a.Name",
                "interface 'not..a.Name' of library 'sym' is not a fully qualified Java class name"},
            {library, "sym;version=1.0.0;version-symbol=sym_version",
                "version-symbol= applies to a system library only; library 'sym' has no system="},
            {library, "sym;version=1.0.0;sha256=" + "a".repeat(64), "sha256= applies to a system library only"},
            {library, "sym;other;version=1.0.0", "expected one library name but found 2: sym;other"},
            {library, "z;system=libz.so.1;version=1.2;sha256=\"" + "a".repeat(64) + ",\"",
                "sha256 '' of library 'z' is not a SHA-256"},
            {symbols, "1add;signature=\"(int,int)int\"", "'1add' is not a C symbol name"},
            {symbols, "add;signature=\"(int,integer)int\"", "function 'add': signature '(int,integer)int', column 6:"
                + " unknown parameter type 'integer'"},
            {symbols, "counter;kind=variable;type=string", "variable 'counter': type 'string', column 1: a variable"
                + " cannot be of type string"},
            {NativeBundleConstants.HEADER_PREBUILT, "cargo", "cargo needs the ABI its libraries target as a version"},
        };
        int n = 0;
        for (String[] c : cases) {
            Hashtable<String, String> headers = symHeaders("acme");
            headers.put(c[0], c[1]);
            Bundle bundle = framework.bundle("test.bad" + n++, "test:bad", headers, Map.of(ENTRY, LIBSYM.toUri().toURL()));
            LoadRefusal refusal = assertThrows(c[1], LoadRefusal.class, () -> pipeline.load(bundle));
            assertEquals(c[1], RefusalReason.MALFORMED_HEADER, refusal.reason());
            assertTrue(refusal.getMessage(), refusal.getMessage().startsWith(c[0] + ": ")
                    && refusal.getMessage().contains(c[2]));
        }
        assertEquals(List.of(), backend.events());
        assertEquals(List.of(), generationFolders());
        assertEquals(List.of(), framework.registered);
        // acme may load one library, and none of the refusals took its place
        pipeline.load(symBundle("test.good", "acme"));
        assertEquals(1, framework.live(NativeLibrary.class.getName()).size());
    }

    private Bundle symBundle(String symbolicName, String tenant) throws IOException {
        return framework.bundle(symbolicName, "test:" + symbolicName, symHeaders(tenant),
                Map.of(ENTRY, LIBSYM.toUri().toURL()));
    }

    /** A bundle with libsym.so, as the wrapper makes one: no build note is required. */
    private static Hashtable<String, String> symHeaders(String tenant) throws IOException {
        Hashtable<String, String> h = new Hashtable<>();
        h.put("Bundle-NativeCode", ENTRY + ";osname=Linux;processor=" + Fixtures.HOST);
        h.put(NativeBundleConstants.HEADER_LIBRARY, "sym;version=1.0.0;interface=" + Sym.class.getName());
        h.put(NativeBundleConstants.HEADER_DIGEST, ENTRY + ";sha256=" + Sha256.of(LIBSYM));
        h.put(NativeBundleConstants.HEADER_SYMBOLS, "add;signature=\"(int,int)int\", greet;signature=\"(string)string\","
                + " counter;kind=variable;type=int");
        h.put(NativeBundleConstants.HEADER_WRAPPED, "libsym.nativebundle");
        if (tenant != null) {
            h.put(NativeBundleConstants.HEADER_TENANT, tenant);
        }
        return h;
    }

    private static Hashtable<String, String> tenantHeader(String tenant) {
        Hashtable<String, String> h = new Hashtable<>();
        h.put(NativeBundleConstants.HEADER_TENANT, tenant);
        return h;
    }

    private List<String> names(Class<?> type) {
        return framework.live(type.getName()).stream()
                .map(r -> String.valueOf(r.properties.get(NativeBundleConstants.SYMBOL))).toList();
    }

    private NativeFunction function(String symbol) {
        return framework.live(NativeFunction.class.getName()).stream()
                .filter(r -> symbol.equals(r.properties.get(NativeBundleConstants.SYMBOL)))
                .map(r -> (NativeFunction) r.serviceFor(framework.loader)).findFirst().orElseThrow();
    }

    private List<Path> generationFolders() throws IOException {
        try (var files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().startsWith("g")).toList();
        }
    }

    private static String last(List<String> events) {
        return events.get(events.size() - 1);
    }
}
