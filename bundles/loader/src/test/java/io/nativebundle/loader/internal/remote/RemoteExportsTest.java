package io.nativebundle.loader.internal.remote;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.Test;

import io.nativebundle.api.CheckResult;
import io.nativebundle.api.NativeSymbol;
import io.nativebundle.contract.LibraryHeader;

public class RemoteExportsTest {

    /** Every type crosses. */
    public interface Scalars {
        int add(int a, int b);

        String greet(String name);
    }

    /** One method takes memory the callee writes into. */
    public interface WithBuffer {
        int add(int a, int b);

        int fill(byte[] out, int size);
    }

    /** One method takes an address. */
    public interface WithPointer {
        long sum(jnr.ffi.Pointer values, int count);
    }

    private static final List<NativeSymbol> SYMBOLS = List.of(
            new NativeSymbol("add", NativeSymbol.Kind.FUNCTION, "(int,int)int"),
            new NativeSymbol("fill", NativeSymbol.Kind.FUNCTION, "(pointer,int)int"),
            new NativeSymbol("counter", NativeSymbol.Kind.VARIABLE, "int"));

    private final RemoteExports off = RemoteExports.of(name -> null);

    @Test
    public void exportsAreOffByDefault() throws Exception {
        assertEquals(ExportPlan.NONE, off.plan(LibraryHeader.parse("math;version=1.2.0"), "default", Scalars.class,
                SYMBOLS));
    }

    @Test
    public void theBundlesExportGetsTheRemoteServicesPropertiesOnLoopback() throws Exception {
        ExportPlan plan = off.plan(LibraryHeader.parse("math;version=1.2.0;export=remote"), "default", Scalars.class,
                SYMBOLS);
        Map<String, Object> typed = plan.typed();
        assertEquals(Scalars.class.getName(), typed.get("service.exported.interfaces"));
        assertEquals("aries.tcp", typed.get("service.exported.configs"));
        assertEquals("osgi.basic", typed.get("service.exported.intents"));
        assertEquals("127.0.0.1", typed.get("aries.rsa.hostname"));
        assertEquals("exported", typed.get("nativebundle.remote"));
        assertFalse("any free port unless the operator names one", typed.containsKey("aries.rsa.port"));
        assertEquals("io.nativebundle.api.NativeFunction", plan.function("add").get("service.exported.interfaces"));
        assertEquals(Map.of(), plan.function("fill"));
        assertEquals(Map.of(), plan.function("counter"));
    }

    @Test
    public void theOperatorExportsByLibraryOrTenantWithPortTimeoutAndHost() throws Exception {
        RemoteExports operator = RemoteExports.of(Map.of("io.nativebundle.remote.export", "*;tenant=acme;port=9100;"
                + "timeout=2s", "io.nativebundle.remote.host", "10.0.0.5")::get);
        ExportPlan plan = operator.plan(LibraryHeader.parse("math;version=1.2.0"), "acme", Scalars.class, SYMBOLS);
        assertEquals("9100", plan.typed().get("aries.rsa.port"));
        assertEquals("2000", plan.typed().get("osgi.basic.timeout"));
        assertEquals("10.0.0.5", plan.typed().get("aries.rsa.hostname"));
        assertEquals("a NativeFunction export listens on a port of its own", null,
                plan.function("add").get("aries.rsa.port"));
        assertEquals(ExportPlan.NONE, operator.plan(LibraryHeader.parse("math;version=1.2.0"), "default",
                Scalars.class, SYMBOLS));
    }

    @Test
    public void whatCannotCrossIsNotExportedAndTheChecksSayWhy() throws Exception {
        ExportPlan plan = off.plan(LibraryHeader.parse("math;version=1.2.0;export=remote"), "default",
                WithBuffer.class, SYMBOLS);
        assertEquals(Map.of(), plan.typed());
        List<String> failed = plan.checks().stream().filter(c -> !c.passed()).map(CheckResult::detail)
                .collect(Collectors.toList());
        assertEquals(List.of(
                "typed service " + WithBuffer.class.getName() + " is not exported: method fill(byte[],int): parameter"
                        + " 1 is buffer: the callee may write into a buffer, and its writes would reach a copy the"
                        + " caller never sees",
                "NativeFunction fill is not exported: signature (pointer,int)int: parameter 1 is pointer: a pointer is"
                        + " an address in the exporting process and means nothing in another",
                "variable counter is not exported: a variable is memory at an address of this process"), failed);
        CheckResult first = plan.checks().get(0);
        assertTrue(first.passed());
        assertEquals("remote-export", first.check());
        assertEquals("exported because its bundle says export=remote (aries.tcp on 127.0.0.1): NativeFunction add",
                first.detail());
        assertTrue(plan.checks().stream().allMatch(c -> c.reason().isEmpty()));
    }

    @Test
    public void theCAbiShapesOfValuesAreExportedOnConsecutiveFunctionPortsAndAddressesAndCallbacksAreNot()
            throws Exception {
        List<NativeSymbol> libc = List.of(
                new NativeSymbol("ldiv", NativeSymbol.Kind.FUNCTION, "(long,long)ldiv_t{quot:long,rem:long}"),
                new NativeSymbol("div", NativeSymbol.Kind.FUNCTION, "(int,int)div_t{quot:int,rem:int}"),
                new NativeSymbol("frexp", NativeSymbol.Kind.FUNCTION, "(double x,out int exp)double"),
                new NativeSymbol("reverse", NativeSymbol.Kind.FUNCTION, "(inout int[] v,ulong n)void"),
                new NativeSymbol("strtoul", NativeSymbol.Kind.FUNCTION, "(string s,pointer end,int base)ulong errno"),
                new NativeSymbol("qsort", NativeSymbol.Kind.FUNCTION,
                        "(long[] base,ulong n,ulong size,comparator(pointer,pointer)int cmp)void"));
        RemoteExports operator = RemoteExports.of(Map.of("io.nativebundle.remote.export",
                "c;function-port=9200")::get);
        ExportPlan plan = operator.plan(LibraryHeader.parse("c;version=2.31.0"), "default", null, libc);
        assertEquals("9200", plan.function("div").get("aries.rsa.port"));
        assertEquals("9201", plan.function("frexp").get("aries.rsa.port"));
        assertEquals("9202", plan.function("ldiv").get("aries.rsa.port"));
        assertEquals("9203", plan.function("reverse").get("aries.rsa.port"));
        assertEquals(Map.of(), plan.function("strtoul"));
        assertEquals(Map.of(), plan.function("qsort"));
        assertEquals("exported because the operator's io.nativebundle.remote.export names it (aries.tcp on 127.0.0.1,"
                + " NativeFunction from port 9200 in name order): NativeFunction div, frexp, ldiv, reverse",
                plan.checks().get(0).detail());
        assertEquals(List.of(
                "NativeFunction strtoul is not exported: signature (string s,pointer end,int base)ulong errno:"
                        + " parameter 2 (end) is pointer: a pointer is an address in the exporting process and means"
                        + " nothing in another",
                "NativeFunction qsort is not exported: signature (long[] base,ulong n,ulong size,"
                        + "comparator(pointer,pointer)int cmp)void: parameter 4 (cmp) is callback: a callback is Java"
                        + " code in the calling process, which the other side cannot call"),
                plan.checks().stream().filter(c -> !c.passed()).map(CheckResult::detail).toList());
        ExportPlan crowded = RemoteExports.of(Map.of("io.nativebundle.remote.export", "c;function-port=65534")::get)
                .plan(LibraryHeader.parse("c;version=2.31.0"), "default", null, libc);
        assertEquals(null, crowded.function("div").get("aries.rsa.port"));
        assertTrue(crowded.checks().stream().anyMatch(c -> !c.passed() && c.detail().equals("function-port 65534"
                + " leaves no port for each of the 4 NativeFunction exports; they listen on any free ports")));
    }

    @Test
    public void aPointerParameterOfTheTypedInterfaceIsNamed() {
        assertEquals("method sum(jnr.ffi.Pointer,int): parameter 1 is pointer: a pointer is an address in the"
                + " exporting process and means nothing in another",
                RemoteExports.typedRefusal(WithPointer.class).orElseThrow());
        assertTrue(RemoteExports.typedRefusal(Scalars.class).isEmpty());
    }

    @Test
    public void aMalformedOperatorPropertyIsReportedOnEveryLibraryAndTheBundlesOwnExportStillHolds() throws Exception {
        RemoteExports broken = RemoteExports.of(Map.of("io.nativebundle.remote.export", "math;port=x")::get);
        ExportPlan plan = broken.plan(LibraryHeader.parse("math;version=1.2.0;export=remote"), "default",
                Scalars.class, SYMBOLS);
        assertFalse(plan.typed().isEmpty());
        assertTrue(plan.checks().stream().anyMatch(c -> !c.passed() && c.detail().startsWith(
                "the operator's exports are not read: io.nativebundle.remote.export: clause 'math': port 'x'")));
    }
}
