package io.nativebundle.loader.internal;

import static org.junit.Assert.assertEquals;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/** The loader extends a bundle as SCR does: unless its io.nativebundle extender wire leads to another provider. */
public class ExtenderWiringTest {

    private final Bundle loader = bundle("io.nativebundle.loader", null);
    private final Bundle other = bundle("org.example.otherloader", null);
    private final ExtenderWiring wiring = new ExtenderWiring(loader);

    @Test
    public void aBundleWiredToThisLoaderIsExtended() {
        assertEquals(Optional.empty(), wiring.otherExtender(bundle("math", List.of(wire("io.nativebundle", loader)))));
    }

    @Test
    public void aBundleWiredToAnotherProviderIsLeftToIt() {
        Bundle math = bundle("math", List.of(wire("io.nativebundle", other)));
        assertEquals(Optional.of(other), wiring.otherExtender(math));
    }

    @Test
    public void aBundleWithoutTheRequirementIsExtendedAsScrDoes() {
        assertEquals(Optional.empty(), wiring.otherExtender(bundle("handmade", List.of())));
    }

    @Test
    public void wiresToOtherExtendersDoNotCount() {
        Bundle scr = bundle("org.apache.felix.scr", null);
        Bundle math = bundle("math", List.of(wire("osgi.component", scr), wire("io.nativebundle", loader)));
        assertEquals(Optional.empty(), wiring.otherExtender(math));
        Bundle component = bundle("component", List.of(wire("osgi.component", scr)));
        assertEquals(Optional.empty(), wiring.otherExtender(component));
    }

    @Test
    public void anUnresolvedBundleHasNoWireToAnotherExtender() {
        assertEquals(Optional.empty(), wiring.otherExtender(bundle("unresolved", null)));
    }

    /** A bundle whose wiring has {@code wires} in osgi.extender; no wiring when null. */
    private static Bundle bundle(String name, List<BundleWire> wires) {
        List<Object> self = new ArrayList<>();
        BundleRevision revision = proxy(BundleRevision.class, (method, args) -> switch (method) {
            case "getBundle" -> self.get(0);
            case "toString" -> name + " revision";
            default -> unsupported(method);
        });
        BundleWiring bundleWiring = wires == null ? null : proxy(BundleWiring.class, (method, args) -> {
            if (method.equals("getRequiredWires") && ExtenderWiring.NAMESPACE.equals(args[0])) {
                return wires;
            }
            return unsupported(method);
        });
        Bundle bundle = proxy(Bundle.class, (method, args) -> switch (method) {
            case "adapt" -> args[0] == BundleRevision.class ? revision : args[0] == BundleWiring.class ? bundleWiring
                    : null;
            case "toString" -> name;
            default -> unsupported(method);
        });
        self.add(bundle);
        return bundle;
    }

    private static BundleWire wire(String extender, Bundle provider) {
        BundleCapability capability = proxy(BundleCapability.class, (method, args) -> switch (method) {
            case "getAttributes" -> Map.of(ExtenderWiring.NAMESPACE, extender);
            default -> unsupported(method);
        });
        return proxy(BundleWire.class, (method, args) -> switch (method) {
            case "getCapability" -> capability;
            case "getProvider" -> provider.adapt(BundleRevision.class);
            default -> unsupported(method);
        });
    }

    private interface Answer {
        Object answer(String method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(ExtenderWiringTest.class.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> switch (method.getName()) {
                    case "equals" -> p == args[0];
                    case "hashCode" -> System.identityHashCode(p);
                    default -> answer.answer(method.getName(), args);
                }));
    }

    private static Object unsupported(String method) {
        throw new UnsupportedOperationException(method);
    }
}
