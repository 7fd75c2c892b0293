package io.nativebundle.examples.math;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The typed interface of the example {@code math} library. The loader binds it to
 * {@code libmath.so} with jnr-ffi and registers it as a service.
 *
 * <pre>{@code
 * @Reference
 * MathLib math;
 * ...
 * int five = math.add(2, 3);
 * }</pre>
 */
@ProviderType
public interface MathLib {

    /** Returns {@code a + b}. */
    int add(int a, int b);

    /** Returns {@code a * b}. */
    int multiply(int a, int b);

    /** Returns {@code "Hello, <name>!"}. */
    String greet(String name);

    /** Returns the length of {@code text} in bytes. */
    int length(String text);

    /** Returns the value of the exported variable {@code counter}, as C sees it. */
    int counter_value();

    /** Adds one to {@code counter}. */
    void increment();

    /** Does nothing; used to measure the bare cost of a call. */
    void noop();
}
