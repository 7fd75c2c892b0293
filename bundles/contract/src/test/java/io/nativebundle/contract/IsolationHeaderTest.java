package io.nativebundle.contract;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.Test;

/** isolation=process, the timeouts and the limits: one reading for the bnd plugin, the wrapper and the loader. */
public class IsolationHeaderTest {

    @Test
    public void readsIsolationTimeoutAndLimits() throws Exception {
        LibraryDeclaration d = LibraryHeader.parse("crash;version=1.0.0;isolation=process;timeout=2s;"
                + "max-address-space=256m;max-cpu-time=30s");
        IsolationSettings s = d.isolation();
        assertEquals(Isolation.PROCESS, s.isolation());
        assertEquals(Optional.of(Duration.ofSeconds(2)), s.timeout());
        assertEquals(OptionalLong.of(256L << 20), s.maxAddressSpace());
        assertEquals(Optional.of(Duration.ofSeconds(30)), s.maxCpuTime());
        assertEquals("crash;version=1.0.0;isolation=process;timeout=2s;max-address-space=256m;max-cpu-time=30s",
                d.toHeader());
        assertEquals(d, LibraryHeader.parse(d.toHeader()));
    }

    @Test
    public void theDefaultIsInProcessAndWritesNothing() throws Exception {
        LibraryDeclaration d = LibraryHeader.parse("math;version=1.2.0;isolation=IN-PROCESS");
        assertTrue(d.isolation().isDefault());
        assertEquals("math;version=1.2.0", d.toHeader());
        assertEquals(IsolationSettings.DEFAULT, LibraryHeader.parse("math;version=1.2.0").isolation());
    }

    @Test
    public void badValuesAreProblemsNamingWhatWasExpected() {
        LibraryHeader.Result r = LibraryHeader.check("crash;version=1.0.0;isolation=sandbox;timeout=2;"
                + "max-address-space=lots;max-cpu-time=1500ms");
        assertEquals(List.of(
                "NativeBundle-Library: isolation 'sandbox' of library 'crash' is neither process or in-process",
                "NativeBundle-Library: timeout '2' of library 'crash' is not a duration; expected a whole number of"
                        + " ms, s or m, e.g. 250ms or 2s",
                "NativeBundle-Library: max-address-space 'lots' of library 'crash' is not a size; expected a whole"
                        + " number of bytes, optionally with k, m or g, e.g. 512m",
                "NativeBundle-Library: max-cpu-time '1500ms' of library 'crash' is not whole seconds; the CPU time"
                        + " limit of a process counts seconds, e.g. 30s"), r.problems());
    }

    @Test
    public void aTimeoutInProcessIsAWarningNotAProblem() {
        LibraryHeader.Result r = LibraryHeader.check("math;version=1.2.0;timeout=2s");
        assertTrue(r.problems().isEmpty());
        assertEquals(List.of("NativeBundle-Library: timeout and limits of library 'math' apply only when it runs out"
                + " of process (isolation=process, or a tenant's policy); in process they have no effect"), r.warnings());
    }

    @Test
    public void aSymbolMayHaveItsOwnTimeout() throws Exception {
        List<DeclaredSymbol> symbols = SymbolsHeader.parse("spin;signature=\"()void\";timeout=250ms, add;signature=\"(int,int)int\"");
        assertEquals(Optional.of(Duration.ofMillis(250)), symbols.get(0).timeout());
        assertEquals(Optional.empty(), symbols.get(1).timeout());
        assertEquals("spin;signature=\"()void\";timeout=250ms, add;signature=\"(int,int)int\"",
                SymbolsHeader.format(symbols));
        MalformedHeaderException bad = assertThrows(MalformedHeaderException.class,
                () -> SymbolsHeader.parse("spin;signature=\"()void\";timeout=soon"));
        assertEquals("NativeBundle-Symbols: function 'spin': timeout 'soon' is not a duration; expected a whole number"
                + " of ms, s or m, e.g. 250ms or 2s", bad.getMessage());
        MalformedHeaderException variable = assertThrows(MalformedHeaderException.class,
                () -> SymbolsHeader.parse("counter;kind=variable;type=int;timeout=1s"));
        assertEquals("NativeBundle-Symbols: variable 'counter' has a timeout; only a function call can run too long",
                variable.getMessage());
    }

    @Test
    public void amountsHaveUnits() {
        assertEquals(Optional.of(Duration.ofMillis(250)), Amounts.duration("250ms"));
        assertEquals(Optional.of(Duration.ofMinutes(5)), Amounts.duration(" 5 m "));
        assertEquals(Optional.empty(), Amounts.duration("250"));
        assertEquals(Optional.empty(), Amounts.duration("0s"));
        assertEquals(OptionalLong.of(1L << 30), Amounts.bytes("1g"));
        assertEquals(OptionalLong.of(65536), Amounts.bytes("64k"));
        assertEquals(OptionalLong.of(1000), Amounts.bytes("1000"));
        assertEquals(OptionalLong.empty(), Amounts.bytes("99999999999999g"));
        assertEquals("2s", Amounts.format(Duration.ofSeconds(2)));
        assertEquals("1500ms", Amounts.format(Duration.ofMillis(1500)));
        assertEquals("256m", Amounts.formatBytes(256L << 20));
        assertEquals("1000", Amounts.formatBytes(1000));
    }

    @Test
    public void javaTypesMapAsTheBuildReadsThem() {
        assertEquals(Optional.of(TypeName.INT), JavaTypes.map("int", java.util.Set.of()));
        assertEquals(Optional.of(TypeName.POINTER), JavaTypes.map("long", java.util.Set.of("jnr.ffi.types.intptr_t")));
        assertEquals(Optional.of(TypeName.LONG), JavaTypes.map("long", java.util.Set.of("jnr.ffi.types.size_t")));
        assertEquals(Optional.of(TypeName.BUFFER), JavaTypes.map("byte[]", java.util.Set.of()));
        assertEquals(Optional.of(TypeName.POINTER), JavaTypes.parameter("jnr.ffi.byref.NativeLongByReference",
                java.util.Set.of()));
        assertEquals(Optional.empty(), JavaTypes.map("java.lang.Integer", java.util.Set.of()));
    }
}
