package io.nativebundle.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.Test;

/**
 * The exported value types: final classes (not records, so they can grow in a minor version) that
 * keep the value semantics, constructors and accessors they had as records.
 */
public class ValueTypesTest {

    private static final List<Class<?>> VALUES = List.of(CheckResult.class, NativeBundleStatus.class,
            NativeSignature.class, NativeSymbol.class, SymbolStats.class, VerificationReport.class);

    @Test
    public void theyAreFinalClassesNotRecords() {
        for (Class<?> type : VALUES) {
            assertFalse(type.getName(), type.isRecord());
            assertTrue(type.getName(), Modifier.isFinal(type.getModifiers()));
            assertEquals(type.getName(), Object.class, type.getSuperclass());
        }
    }

    @Test
    public void checkResultsAndReports() {
        CheckResult pass = CheckResult.pass("digest", "matches");
        CheckResult fail = CheckResult.fail("machine", RefusalReason.WRONG_MACHINE, "aarch64, not x86-64");
        assertEquals(new CheckResult("digest", true, Optional.empty(), "matches"), pass);
        assertEquals(pass.hashCode(), CheckResult.pass("digest", "matches").hashCode());
        assertEquals(Optional.of(RefusalReason.WRONG_MACHINE), fail.reason());
        assertFalse(fail.passed());
        assertEquals("CheckResult[check=digest, passed=true, reason=Optional.empty, detail=matches]", pass.toString());
        assertThrows(NullPointerException.class, () -> new CheckResult(null, true, Optional.empty(), ""));

        List<CheckResult> checks = new ArrayList<>(List.of(pass));
        VerificationReport ok = new VerificationReport("math.jar", checks);
        checks.add(fail);
        assertEquals(List.of(pass), ok.checks());
        assertTrue(ok.passed());
        assertFalse(new VerificationReport("math.jar", checks).passed());
        assertEquals(new VerificationReport("math.jar", List.of(pass)), ok);
        assertEquals("VerificationReport[bundle=math.jar, checks=[" + pass + "]]", ok.toString());
        assertThrows(UnsupportedOperationException.class, () -> ok.checks().add(fail));
    }

    @Test
    public void statusSymbolsAndStats() {
        NativeBundleStatus refused = new NativeBundleStatus(7, "org.example.math", "math",
                NativeBundleStatus.State.REFUSED, Optional.of(RefusalReason.DIGEST_MISMATCH), "altered", Optional.empty());
        assertEquals(refused, new NativeBundleStatus(7, "org.example.math", "math", NativeBundleStatus.State.REFUSED,
                Optional.of(RefusalReason.DIGEST_MISMATCH), "altered", Optional.empty()));
        assertNotEquals(refused, new NativeBundleStatus(8, "org.example.math", "math",
                NativeBundleStatus.State.REFUSED, Optional.of(RefusalReason.DIGEST_MISMATCH), "altered", Optional.empty()));
        assertEquals(7, refused.bundleId());
        assertTrue(refused.toString().startsWith("NativeBundleStatus[bundleId=7, symbolicName=org.example.math,"));
        assertThrows(NullPointerException.class, () -> new NativeBundleStatus(7, "x", "math",
                NativeBundleStatus.State.ACTIVE, Optional.empty(), null, Optional.empty()));

        NativeSymbol add = new NativeSymbol("add", NativeSymbol.Kind.FUNCTION, "(int,int)int");
        assertEquals("add(int,int)int", add.toString());
        assertEquals("counter:int", new NativeSymbol("counter", NativeSymbol.Kind.VARIABLE, "int").toString());
        assertEquals(add, new NativeSymbol("add", NativeSymbol.Kind.FUNCTION, "(int,int)int"));
        assertEquals(add.hashCode(), new NativeSymbol("add", NativeSymbol.Kind.FUNCTION, "(int,int)int").hashCode());

        SymbolStats stats = new SymbolStats("math", "add", 3, 1, 12.5, 10, 40);
        assertEquals(stats, new SymbolStats("math", "add", 3, 1, 12.5, 10, 40));
        assertNotEquals(stats, new SymbolStats("math", "add", 3, 1, 12.6, 10, 40));
        assertEquals(new SymbolStats("m", "s", 0, 0, Double.NaN, 0, 0), new SymbolStats("m", "s", 0, 0, Double.NaN, 0, 0));
        assertEquals("SymbolStats[library=math, symbol=add, calls=3, errors=1, meanNanos=12.5, p50Nanos=10,"
                + " p99Nanos=40, callbackExceptions=0, staleCallbacks=0, refusedCallbacks=0]", stats.toString());
        SymbolStats callbacks = new SymbolStats("c", "qsort", 3, 1, 12.5, 10, 40, 1, 2, 4);
        assertEquals(stats, new SymbolStats("math", "add", 3, 1, 12.5, 10, 40, 0, 0, 0));
        assertEquals(callbacks, new SymbolStats("c", "qsort", 3, 1, 12.5, 10, 40, 1, 2, 4));
        assertEquals(callbacks.hashCode(), new SymbolStats("c", "qsort", 3, 1, 12.5, 10, 40, 1, 2, 4).hashCode());
        assertNotEquals(callbacks, new SymbolStats("c", "qsort", 3, 1, 12.5, 10, 40, 1, 2, 5));
        assertEquals(1, callbacks.callbackExceptions());
        assertEquals(2, callbacks.staleCallbacks());
        assertEquals(4, callbacks.refusedCallbacks());
        assertEquals(7, callbacks.callbackErrors());
    }
}
