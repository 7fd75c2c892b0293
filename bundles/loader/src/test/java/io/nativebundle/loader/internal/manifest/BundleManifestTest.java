package io.nativebundle.loader.internal.manifest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.List;

import org.junit.Test;
import org.osgi.framework.Version;

import io.nativebundle.api.NativeSymbol;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.contract.LibraryHeader;
import io.nativebundle.contract.MalformedHeaderException;
import io.nativebundle.loader.internal.LoadRefusal;

/**
 * The loader's side of reading the headers: the contract's rules (tested in {@code bundles/contract})
 * become the API's symbols, the framework's versions and {@code MALFORMED_HEADER} refusals.
 */
public class BundleManifestTest {

    @Test
    public void symbolsOfBothKindsBecomeTheApisSymbolsInOrder() throws Exception {
        List<NativeSymbol> symbols = BundleManifest.symbols(
                "add;signature=\"(int,int)int\", greet;signature=\"(String) STRING\", counter;kind=variable;type=INT");
        assertEquals(List.of(
                new NativeSymbol("add", NativeSymbol.Kind.FUNCTION, "(int,int)int"),
                new NativeSymbol("greet", NativeSymbol.Kind.FUNCTION, "(string)string"),
                new NativeSymbol("counter", NativeSymbol.Kind.VARIABLE, "int")), symbols);
        assertEquals(List.of(), BundleManifest.symbols(null));
    }

    @Test
    public void aBundledLibraryHasItsExactVersionASystemLibraryTheFloorOfItsRange() throws Exception {
        assertEquals(new Version(1, 2, 0), BundleManifest.version(LibraryHeader.parse("math;version=1.2")));
        assertEquals(new Version(1, 2, 0, "beta"), BundleManifest.version(LibraryHeader.parse("math;version=1.2.0.beta")));
        assertEquals(new Version(1, 2, 0), BundleManifest.version(
                LibraryHeader.parse("z;system=libz.so.1;version=\"[1.2,2)\"")));
    }

    @Test
    public void aHeaderThatBreaksTheContractIsAMalformedHeaderWithTheContractsMessage() {
        LoadRefusal refusal = assertThrows(LoadRefusal.class, () -> BundleManifest.library("test.bundle", "math"));
        assertEquals(RefusalReason.MALFORMED_HEADER, refusal.reason());
        assertEquals("NativeBundle-Library: library 'math' has no version; write math;version=1.0.0",
                refusal.getMessage());
        assertEquals("the contract's exception stays inside the loader", null, refusal.getCause());
        MalformedHeaderException symbols = assertThrows(MalformedHeaderException.class,
                () -> BundleManifest.symbols("add;signature=\"(int,integer)int\""));
        assertEquals("NativeBundle-Symbols: function 'add': signature '(int,integer)int', column 6: unknown parameter"
                + " type 'integer'; expected one of void, byte, short, int, long, float, double, boolean, pointer,"
                + " string, buffer, ubyte, ushort, uint, ulong, size_t, ssize_t", symbols.getMessage());
    }
}
