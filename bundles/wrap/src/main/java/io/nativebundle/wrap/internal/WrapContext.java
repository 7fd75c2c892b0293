package io.nativebundle.wrap.internal;

import java.util.Optional;

import org.osgi.framework.Version;

/**
 * Where a wrap happens: for a drop-in, the tenant folder the descriptor sits in
 * ({@code plugins/<tenant>/}); and the ABI a host library's bundle requires.
 *
 * @param folderTenant the tenant of the folder, e.g. {@code acme}; empty outside a tenant folder
 * @param folderName   how the folder is named in messages, e.g. {@code plugins/acme/}
 * @param abi          the runtime's ABI version
 */
public record WrapContext(Optional<String> folderTenant, String folderName, Version abi) {

    /** A wrap outside any plugins folder, e.g. {@code native:wrap}. */
    public static WrapContext standalone() {
        return new WrapContext(Optional.empty(), "", RuntimeAbi.current());
    }
}
