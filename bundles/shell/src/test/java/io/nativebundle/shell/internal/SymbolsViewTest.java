package io.nativebundle.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

import io.nativebundle.api.NativeLibrary;

public class SymbolsViewTest {

    private final NativeLibrary math = Fakes.math(12, "default");

    @Test
    public void tableListsKindAndSignature() {
        assertEquals(String.join("\n",
                "SYMBOL   KIND      SIGNATURE",
                "add      function  (int,int)int",
                "greet    function  (string)string",
                "counter  variable  int"), SymbolsView.table(math));
    }

    @Test
    public void jsonBreaksFunctionSignaturesDown() {
        String json = Json.compact(SymbolsView.symbols(math));
        assertEquals("[{\"name\":\"add\",\"kind\":\"function\",\"signature\":\"(int,int)int\","
                + "\"parameters\":[\"int\",\"int\"],\"returns\":\"int\"},"
                + "{\"name\":\"greet\",\"kind\":\"function\",\"signature\":\"(string)string\","
                + "\"parameters\":[\"string\"],\"returns\":\"string\"},"
                + "{\"name\":\"counter\",\"kind\":\"variable\",\"signature\":\"int\",\"type\":\"int\"}]", json);
        assertTrue(SymbolsView.json(math).contains("\"namespace\": \"default/math/v1\""));
    }

    @Test
    public void inlineListIsForErrorMessages() {
        assertEquals("add(int,int)int, greet(string)string, counter:int", SymbolsView.inline(math));
    }
}
