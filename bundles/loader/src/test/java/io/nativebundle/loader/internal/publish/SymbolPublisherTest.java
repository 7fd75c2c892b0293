package io.nativebundle.loader.internal.publish;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeFunction;
import io.nativebundle.api.NativeLibrary;
import io.nativebundle.api.NativeLibraryUnloadedException;
import io.nativebundle.api.NativeSymbol;
import io.nativebundle.api.NativeVariable;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.backend.jnr.JnrBackend;
import io.nativebundle.loader.internal.call.TestLibrary;
import io.nativebundle.loader.internal.metrics.MetricsRegistry;
import io.nativebundle.loader.internal.open.LibraryGeneration;

/** The publisher registers a service per declared symbol, refuses missing ones, and undoes everything. */
public class SymbolPublisherTest {

    private final FakeContext framework = new FakeContext();
    private final MetricsRegistry metrics = new MetricsRegistry(key -> null, null);
    private final SymbolPublisher publisher = new SymbolPublisher(framework.context(), metrics, (tenant, service, description) -> service);

    private static NativeSymbol function(String name, String signature) {
        return new NativeSymbol(name, NativeSymbol.Kind.FUNCTION, signature);
    }

    private static Map<String, Object> properties(NativeLibrary library) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put(NativeBundleConstants.LIBRARY, library.name());
        p.put(NativeBundleConstants.VERSION, library.version());
        p.put(NativeBundleConstants.NAMESPACE, library.namespace());
        return p;
    }

    @Test
    public void everyDeclaredSymbolBecomesAServiceWithTheLibraryPropertiesAndItsName() throws Exception {
        NativeLibrary library = TestLibrary.description(List.of(function("add", "(int,int)int"),
                function("greet", "(string)string"), new NativeSymbol("counter", NativeSymbol.Kind.VARIABLE, "int")));
        TestLibrary.TestLease lease = new TestLibrary.TestLease();
        LibraryGeneration generation = generation();
        Publication services = new Publication();
        publisher.publish(library, properties(library), generation, lease, services);
        assertFalse("the generation adopts the invokers the services call through", generation.released());

        assertEquals(3, framework.registered.size());
        List<String> types = new ArrayList<>();
        for (FakeContext.Registered r : framework.registered) {
            types.add(r.type + " " + r.properties.get(NativeBundleConstants.SYMBOL));
            assertEquals("sym", r.properties.get(NativeBundleConstants.LIBRARY));
            assertEquals("default/sym/v1", r.properties.get(NativeBundleConstants.NAMESPACE));
        }
        assertEquals(List.of(NativeFunction.class.getName() + " add", NativeFunction.class.getName() + " greet",
                NativeVariable.class.getName() + " counter"), types);

        NativeFunction add = (NativeFunction) framework.registered.get(0).service;
        assertEquals(9, add.invoke(4, 5));
        assertEquals("add", add.name());
        assertEquals(library, add.library());
        NativeVariable counter = (NativeVariable) framework.registered.get(2).service;
        counter.setInt(100);
        assertEquals(100, TestLibrary.function("counter_value", "()int").invoke());
        assertEquals(List.of("add", "greet"), metrics.stats("sym").stream().map(s -> s.symbol()).toList());
        assertEquals(1, metrics.stats("sym").get(0).calls());

        lease.open.set(false);
        assertThrows(NativeLibraryUnloadedException.class, () -> add.invoke(1, 2));

        services.unregister();
        services.cut();
        assertTrue(framework.registered.stream().allMatch(r -> r.unregistered));
        assertEquals(List.of(), metrics.stats("sym"));
        assertThrows(NativeLibraryUnloadedException.class, counter::getInt);
        services.unregister(); // idempotent
    }

    @Test
    public void theGenerationEntryPointPublishesAgainstTheGeneration() throws Exception {
        NativeLibrary library = TestLibrary.description(List.of(function("answer", "()int")));
        Publication services = new Publication();
        publisher.publish(library, properties(library), generation(), services);
        assertEquals(42, services.functions().get(0).asIntSupplier().getAsInt());
        services.unregister();
        services.cut();
        assertThrows(NativeLibraryUnloadedException.class, () -> services.functions().get(0).invoke());
    }

    @Test
    public void aMissingSymbolRefusesTheLibraryNamingTheFileAndWhatItHas() {
        NativeLibrary library = TestLibrary.description(List.of(function("add", "(int,int)int"),
                function("subtract", "(int,int)int"), function("negate", "(int)int")));
        LoadRefusal refusal = assertThrows(LoadRefusal.class,
                () -> publisher.publish(library, properties(library), generation(), new Publication()));
        assertEquals("SYMBOL_MISSING: NativeBundle-Symbols of library 'sym' declares subtract but " + TestLibrary.FILE
                + " does not export it (dlsym found no address); of the declared symbols it exports add, negate",
                refusal.toString());
        assertEquals("nothing is registered", 0, framework.registered.size());
        assertEquals(List.of(), metrics.libraries());
    }

    @Test
    public void aBadSignatureOrVariableTypeIsAMalformedHeader() {
        NativeLibrary badSignature = TestLibrary.description(List.of(function("add", "(int,int")));
        assertTrue(assertThrows(LoadRefusal.class, () -> publisher.publish(badSignature, Map.of(), generation(), new Publication())).toString()
                .startsWith("MALFORMED_HEADER: NativeBundle-Symbols of library 'sym': function 'add' declared as '(int,int': "));
        NativeLibrary badType = TestLibrary.description(List.of(new NativeSymbol("counter", NativeSymbol.Kind.VARIABLE,
                "string")));
        assertEquals("MALFORMED_HEADER: NativeBundle-Symbols of library 'sym': variable 'counter' declared as 'string':"
                        + " a variable is one of byte, short, int, long, float, double, pointer, not string",
                assertThrows(LoadRefusal.class, () -> publisher.publish(badType, Map.of(), generation(), new Publication())).toString());
    }

    @Test
    public void aFailedRegistrationLeavesThePublicationToUnregisterTheOthers() {
        framework.failAt = 1;
        NativeLibrary library = TestLibrary.description(List.of(function("add", "(int,int)int"),
                function("negate", "(int)int")));
        Publication publication = new Publication();
        assertThrows(IllegalStateException.class,
                () -> publisher.publish(library, properties(library), generation(), publication));
        // what the load's undo does with it
        publication.unregister();
        publication.cut();
        assertEquals(1, framework.registered.size());
        assertTrue(framework.registered.get(0).unregistered);
        assertThrows(NativeLibraryUnloadedException.class,
                () -> ((NativeFunction) framework.registered.get(0).service).invoke(1, 2));
        assertEquals(List.of(), metrics.libraries());
    }

    /** A generation of the test library, opened by the jnr backend. */
    private static LibraryGeneration generation() {
        LibraryGeneration generation = new LibraryGeneration("sym", 7L);
        generation.opened(JnrBackend.NAME, TestLibrary.LIBRARY);
        return generation;
    }
}
