package io.nativebundle.loader.internal.remote;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;

import io.nativebundle.contract.MalformedHeaderException;

public class RemoteImportsTest {

    private static final String MATH = "math;interface=org.example.MathLib;endpoint=tcp://127.0.0.1:9100";

    @Test
    public void anImportBecomesTheEndpointDescriptionOfConfigDiscovery() throws Exception {
        RemoteImports.Import i = RemoteImports.parse(MATH + ";tenant=acme;timeout=5s;framework=f-1").imports().get(0);
        assertEquals("acme", i.tenant());
        assertEquals(Duration.ofSeconds(5), i.timeout());
        Map<String, Object> d = i.description();
        assertArrayEquals(new String[] {"org.example.MathLib"}, (String[]) d.get("objectClass"));
        assertEquals("tcp://127.0.0.1:9100", d.get("endpoint.id"));
        assertEquals("aries.tcp", d.get("service.imported.configs"));
        assertEquals("5000", d.get("osgi.basic.timeout"));
        assertEquals("f-1", d.get("endpoint.framework.uuid"));
        assertEquals("math", d.get("nativebundle.library"));
        assertEquals("math", d.get(RemoteImports.MARK));
        // the tenant is this framework's decision: it is not announced as an endpoint property
        assertEquals(null, d.get("nativebundle.tenant"));
    }

    @Test
    public void theDefaultsAreTheDefaultTenantAndThirtySeconds() throws Exception {
        RemoteImports imports = RemoteImports.parse(MATH);
        RemoteImports.Import i = imports.of("math", Optional.empty()).orElseThrow();
        assertEquals("default", i.tenant());
        assertEquals(RemoteImports.DEFAULT_TIMEOUT, i.timeout());
        assertEquals(Optional.empty(), i.framework());
        assertEquals(Optional.empty(), imports.of("zlib", Optional.empty()));
        assertEquals(List.of(), RemoteImports.parse(null).imports());
    }

    @Test
    public void aFunctionIsImportedBySymbolFromItsOwnEndpointAsANativeFunction() throws Exception {
        RemoteImports imports = RemoteImports.parse(MATH + ",c;symbol=div;endpoint=tcp://127.0.0.1:9200;tenant=acme,"
                + "c;symbol=frexp;interface=io.nativebundle.api.NativeFunction;endpoint=tcp://127.0.0.1:9201");
        RemoteImports.Import div = imports.of("c", Optional.of("div")).orElseThrow();
        assertEquals("acme", div.tenant());
        Map<String, Object> d = div.description();
        assertArrayEquals(new String[] {"io.nativebundle.api.NativeFunction"}, (String[]) d.get("objectClass"));
        assertEquals("div", d.get("nativebundle.symbol"));
        assertEquals("c", d.get("nativebundle.library"));
        assertEquals("tcp://127.0.0.1:9200", d.get("endpoint.id"));
        RemoteImports.Import frexp = imports.of("c", Optional.of("frexp")).orElseThrow();
        assertEquals("default", frexp.tenant());
        assertEquals(Optional.of("frexp"), frexp.symbol());
        // an endpoint another discovery announces for the library belongs to its first import
        assertEquals(div, imports.of("c", Optional.of("ldiv")).orElseThrow());
        assertEquals(null, imports.of("math", Optional.empty()).orElseThrow().description().get("nativebundle.symbol"));
        // what the loader listens for, so that Aries' topology manager imports each without a consumer
        assertEquals("(&(objectClass=io.nativebundle.api.NativeFunction)(nativebundle.library=c)"
                + "(nativebundle.symbol=div))", ImportInterest.filterText(div));
        assertEquals("(&(objectClass=org.example.MathLib)(nativebundle.library=math))",
                ImportInterest.filterText(imports.of("math", Optional.empty()).orElseThrow()));
    }

    @Test
    public void badImportsAreRefusedNamingThePropertyTheClauseAndWhatWasExpected() {
        assertEquals("io.nativebundle.remote.import: clause 'math': no interface; expected e.g."
                + " interface=org.example.MathLib", message("math;endpoint=tcp://127.0.0.1:9100"));
        assertEquals("io.nativebundle.remote.import: clause 'math': no endpoint; expected e.g."
                + " endpoint=tcp://127.0.0.1:9100", message("math;interface=org.example.MathLib"));
        assertEquals("io.nativebundle.remote.import: clause 'math': endpoint 'http://127.0.0.1:9100' is not"
                + " tcp://<host>:<port>, the address of an export of Aries RSA's TCP provider",
                message("math;interface=org.example.MathLib;endpoint=http://127.0.0.1:9100"));
        assertEquals("io.nativebundle.remote.import: clause 'math': interface 'not..a.Name' is not a fully qualified"
                + " Java class name", message("math;interface=not..a.Name;endpoint=tcp://h:1"));
        assertEquals("io.nativebundle.remote.import: clause 'math': library 'math' is imported twice",
                message(MATH + "," + MATH));
        assertEquals("io.nativebundle.remote.import: clause 'c': function div of library 'c' is imported twice",
                message("c;symbol=div;endpoint=tcp://h:1,c;symbol=div;endpoint=tcp://h:2"));
        assertEquals("io.nativebundle.remote.import: clause 'c': symbol=div imports a"
                + " io.nativebundle.api.NativeFunction, but interface is org.example.MathLib",
                message("c;symbol=div;interface=org.example.MathLib;endpoint=tcp://h:1"));
        assertEquals("io.nativebundle.remote.import: clause 'c': symbol '1div' is not a C function name",
                message("c;symbol=1div;endpoint=tcp://h:1"));
    }

    private static String message(String text) {
        return assertThrows(MalformedHeaderException.class, () -> RemoteImports.parse(text)).getMessage();
    }
}
