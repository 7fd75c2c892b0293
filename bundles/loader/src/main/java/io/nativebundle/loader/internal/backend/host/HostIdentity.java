package io.nativebundle.loader.internal.backend.host;

/**
 * Whose host process it is, for messages and events: the library generation and its bundle.
 *
 * @param version the library version as text
 */
public record HostIdentity(String library, String version, long generation, long bundleId, String symbolicName) {

    /** {@code library 'crash' generation 12}. */
    public String describe() {
        return "library '" + library + "' generation " + generation;
    }
}
