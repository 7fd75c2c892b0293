package io.nativebundle.contract;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.Test;

public class CallbackSignatureTest {

    private static final CallbackType COMPARATOR = SignatureParser.callback("comparator", "(pointer, pointer)int");

    @Test
    public void aDeclaredCallbackIsWrittenOutInTheCanonicalForm() {
        Signature qsort = SignatureParser.parse("(pointer base, size_t n, size_t size, comparator cmp)void", Map.of(),
                Map.of("comparator", COMPARATOR));
        assertEquals("(pointer base,ulong n,ulong size,comparator(pointer,pointer)int cmp)void", qsort.toString());
        Parameter cmp = qsort.parameterList().get(3);
        assertEquals(TypeName.CALLBACK, cmp.type());
        assertEquals(COMPARATOR, cmp.callbackType().orElseThrow());
        assertEquals(Optional.of("ulong n"), qsort.firstNonBasic());
        assertEquals(Optional.of("comparator"), SignatureParser.parse("(pointer, comparator)void", Map.of(),
                Map.of("comparator", COMPARATOR)).firstNonBasic());
        assertFalse(qsort.isBasic());
    }

    @Test
    public void theWrittenOutFormReadsBackAsItself() {
        String header = "(pointer,ulong,ulong,comparator(pointer,pointer)int)void";
        Signature s = SignatureParser.parse(header);
        assertEquals(header, s.toString());
        assertEquals(SignatureParser.parse(s.toString()), s);
        assertEquals("(pointer,pointer)int", s.parameterList().get(3).callbackType().orElseThrow()
                .signature().toString());
        Signature voidCallback = SignatureParser.parse("(done(long)void)int");
        assertEquals("done(long)void", voidCallback.parameterList().get(0).callbackType().orElseThrow().toString());
    }

    @Test
    public void aCallbackIsOnlyAParameterByValue() {
        Map<String, CallbackType> callbacks = Map.of("comparator", COMPARATOR);
        assertMessage("is only a parameter type, not a return type",
                () -> SignatureParser.parse("()comparator", Map.of(), callbacks));
        assertMessage("a callback is passed by value (a pointer to its stub), not out",
                () -> SignatureParser.parse("(out comparator)int", Map.of(), callbacks));
        assertMessage("an array parameter is one of byte[], short[], int[], long[], float[], double[], pointer[],"
                + " ubyte[], ushort[], uint[], ulong[], boolean[] or a struct's, not comparator[]", () -> SignatureParser.parse("(comparator[])int", Map.of(), callbacks));
        assertMessage("is only a parameter type, not a field type",
                () -> SignatureParser.struct("s", "{ f: cb(int)int }", Map.of()));
    }

    @Test
    public void aCallbackTakesAndReturnsScalarsOnly() {
        assertMessage("callback cb cannot take string; a callback takes byte, short",
                () -> SignatureParser.callback("cb", "(string)int"));
        assertMessage("callback cb cannot return div_t", () -> SignatureParser.callback("cb", "()div_t{q:int}"));
        assertMessage("callback cb cannot take out int", () -> SignatureParser.callback("cb", "(out int)int"));
        assertMessage("callback cb cannot be variadic or capture errno",
                () -> SignatureParser.callback("cb", "(int)int errno"));
        assertMessage("callback inner cannot take outer(int)int",
                () -> SignatureParser.parse("(inner(outer(int)int)void)void"));
        assertMessage("callback name 'int' is not a C identifier or is a type of the grammar",
                () -> SignatureParser.callback("int", "(int)int"));
        assertThrows(IllegalArgumentException.class,
                () -> new CallbackType("cb", new Signature(List.of(TypeName.STRING), TypeName.INT)));
    }

    @Test
    public void aCallbackMayBeAVariadicArgumentAsAFunctionPointerIs() {
        Signature setopt = SignatureParser.parse("(pointer handle, int option, ..., write(pointer,ulong,ulong,pointer)ulong)int");
        assertEquals(2, setopt.fixedCount());
        assertEquals(TypeName.CALLBACK, setopt.parameterList().get(2).type());
        assertEquals(setopt, SignatureParser.parse(setopt.toString()));
    }

    @Test
    public void anUnknownCallbackNameListsTheDeclaredOnes() {
        assertMessage("unknown parameter type 'compare'; expected one of void, byte",
                () -> SignatureParser.parse("(compare)void", Map.of(), Map.of("comparator", COMPARATOR)));
        assertMessage("or a declared callback (comparator)",
                () -> SignatureParser.parse("(compare)void", Map.of(), Map.of("comparator", COMPARATOR)));
    }

    @Test
    public void callbacksDoNotCrossTheWire() {
        assertFalse(RemoteTypes.crosses(TypeName.CALLBACK));
        assertTrue(RemoteTypes.whyNot(TypeName.CALLBACK).orElseThrow()
                .contains("a callback is Java code in the calling process"));
    }

    private static void assertMessage(String expected, org.junit.function.ThrowingRunnable call) {
        Exception e = assertThrows(Exception.class, call);
        assertTrue("expected '" + expected + "' in: " + e.getMessage(), e.getMessage().contains(expected));
    }
}
