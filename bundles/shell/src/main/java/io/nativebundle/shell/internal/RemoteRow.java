package io.nativebundle.shell.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.nativebundle.api.NativeBundleConstants;

/**
 * One remote service as {@code native:list} shows it, in its table's {@code Remote} section and in
 * its JSON alike.
 *
 * @param library    the library's name
 * @param remote     {@code exported} or {@code imported} ({@code nativebundle.remote})
 * @param service    the interface's simple name, and the symbol of a {@code NativeFunction}, e.g. {@code NativeFunction div}
 * @param endpoint   the endpoint id, {@code tcp://host:port}; empty for an export Remote Services has not exported (yet)
 * @param tenant     the service's tenant
 * @param generation the exporting generation ({@code nativebundle.generation}); empty for an import
 */
record RemoteRow(String library, String remote, String service, Optional<String> endpoint, String tenant,
                 Optional<Long> generation) {

    boolean exported() {
        return NativeBundleConstants.REMOTE_EXPORTED.equals(remote);
    }

    /** The JSON of the service; its library and whether it is exported or imported are its element's. */
    Map<String, Object> object() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("service", service);
        o.put("endpoint", endpoint);
        o.put("tenant", tenant);
        return o;
    }
}
