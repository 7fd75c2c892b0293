package io.nativebundle.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import io.nativebundle.api.NativeBundleConstants;

public class NativeServicesTest {

    /** Just enough of a reference: properties and the framework's ranking order. */
    private record Ref(Map<String, Object> properties) implements ServiceReference<Object> {
        @Override
        public Object getProperty(String key) {
            return properties.get(key);
        }

        @Override
        public String[] getPropertyKeys() {
            return properties.keySet().toArray(new String[0]);
        }

        @Override
        public Bundle getBundle() {
            return null;
        }

        @Override
        public Bundle[] getUsingBundles() {
            return null;
        }

        @Override
        public boolean isAssignableTo(Bundle bundle, String className) {
            return true;
        }

        @Override
        public int compareTo(Object other) {
            // higher ranking sorts higher, as the framework orders references
            return Integer.compare(ranking(this), ranking((Ref) other));
        }

        @Override
        public Dictionary<String, Object> getProperties() {
            return new Hashtable<>(properties);
        }

        @Override
        public <A> A adapt(Class<A> type) {
            return null;
        }

        private static int ranking(Ref r) {
            return (Integer) r.properties.getOrDefault(Constants.SERVICE_RANKING, 0);
        }
    }

    @Test
    public void theNewestGenerationWins() {
        Ref old = new Ref(Map.of(NativeBundleConstants.GENERATION, 3L));
        Ref newer = new Ref(Map.of(NativeBundleConstants.GENERATION, 7L));
        Ref none = new Ref(Map.of());
        assertEquals(newer, NativeServices.newest(List.<ServiceReference<Object>>of(old, newer, none)).orElseThrow());
        assertTrue(NativeServices.newest(List.<ServiceReference<Object>>of()).isEmpty());
    }

    @Test
    public void betweenEqualGenerationsTheFrameworkOrderDecides() {
        Ref low = new Ref(Map.of(NativeBundleConstants.GENERATION, 3L, Constants.SERVICE_RANKING, 0));
        Ref high = new Ref(Map.of(NativeBundleConstants.GENERATION, 3L, Constants.SERVICE_RANKING, 10));
        assertEquals(high, NativeServices.newest(List.<ServiceReference<Object>>of(low, high)).orElseThrow());
    }

    @Test
    public void filtersByLibraryOrNamespaceAndEscapesValues() throws Exception {
        assertEquals("(&(nativebundle.library=math)(nativebundle.symbol=add))", NativeServices.filter("math", "add"));
        assertEquals("(&(nativebundle.namespace=acme/math/v1)(nativebundle.symbol=add))",
                NativeServices.filter("acme/math/v1", "add"));
        assertEquals("a\\*b\\(c\\)\\\\", NativeServices.escape("a*b(c)\\"));
        // the escaped filter parses and matches the literal value only
        Dictionary<String, Object> props = new Hashtable<>(Map.of(NativeBundleConstants.LIBRARY, "m*(x)",
                NativeBundleConstants.SYMBOL, "add"));
        assertTrue(FrameworkUtil.createFilter(NativeServices.filter("m*(x)", "add")).match(props));
    }
}
