package io.nativebundle.shell.internal;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;

import io.nativebundle.api.RefusalReason;

public class JsonTest {

    @Test
    public void escapesQuotesBackslashesAndControlCharacters() {
        assertEquals("\"a\\\"b\\\\c\"", Json.compact("a\"b\\c"));
        assertEquals("\"\\b\\f\\n\\r\\t\"", Json.compact("\b\f\n\r\t"));
        assertEquals("\"\\u0000\\u001f\u007f\"", Json.compact("\u0000\u001f\u007f"));
    }

    @Test
    public void keepsNonAsciiTextButEscapesLineSeparatorsAndLoneSurrogates() {
        assertEquals("\"Grüße 😀 /\"", Json.compact("Grüße 😀 /"));
        assertEquals("\"\\u2028\\u2029\"", Json.compact("\u2028\u2029"));
        assertEquals("\"\\ud800x\\udc00\"", Json.compact("\ud800x\udc00"));
    }

    @Test
    public void writesScalars() {
        assertEquals("null", Json.compact(null));
        assertEquals("true", Json.compact(true));
        assertEquals("12", Json.compact(12L));
        assertEquals("2.5", Json.compact(2.5));
        assertEquals("null", Json.compact(Double.NaN));
        assertEquals("null", Json.compact(Float.POSITIVE_INFINITY));
        assertEquals("\"DIGEST_MISMATCH\"", Json.compact(RefusalReason.DIGEST_MISMATCH));
        assertEquals("\"x\"", Json.compact(Optional.of("x")));
        assertEquals("null", Json.compact(Optional.empty()));
    }

    @Test
    public void writesObjectsInInsertionOrderAndNestedArrays() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("z", 1);
        o.put("a", List.of("x", 2));
        o.put("e", new ArrayList<>());
        o.put("m", new LinkedHashMap<>());
        o.put("arr", new Object[] {null, false});
        assertEquals("{\"z\":1,\"a\":[\"x\",2],\"e\":[],\"m\":{},\"arr\":[null,false]}", Json.compact(o));
    }

    @Test
    public void prettyOutputIndentsTwoSpacesPerLevel() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("library", "math");
        o.put("symbols", Arrays.asList("add", "greet"));
        o.put("none", List.of());
        assertEquals(String.join("\n",
                "{",
                "  \"library\": \"math\",",
                "  \"symbols\": [",
                "    \"add\",",
                "    \"greet\"",
                "  ],",
                "  \"none\": []",
                "}"), Json.pretty(o));
    }

    @Test
    public void mapKeysAreEscapedToo() {
        assertEquals("{\"a\\\"b\":null}", Json.compact(Collections.singletonMap("a\"b", null)));
    }
}
