package io.nativebundle.examples.greeter;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The typed interface of the example {@code greeter} library. {@code libgreeter.so} needs
 * {@code libfmt.so} from the same bundle; the loader opens both, the dependency first, without
 * {@code LD_LIBRARY_PATH}.
 *
 * <pre>{@code
 * @Reference
 * GreeterLib greeter;
 * ...
 * greeter.welcome("Ada");   // "[greeter] Hello, Ada!" - the "Hello, Ada!" comes from libfmt.so
 * }</pre>
 */
@ProviderType
public interface GreeterLib {

    /** Returns {@code "[greeter] Hello, <name>!"}, formatted by {@code libfmt.so}. */
    String welcome(String name);

    /** Returns the length in bytes of {@link #welcome(String)}. */
    int welcome_length(String name);
}
