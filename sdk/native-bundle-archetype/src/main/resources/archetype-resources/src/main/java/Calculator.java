package ${package};

/**
 * The typed interface of the native library ${artifactId}: each method is a C function of
 * src/main/c with the same name and types. The runtime registers a service under this interface
 * once the library is verified and loaded; the bnd plugin checks at build time that every method
 * is exported by the library of every platform.
 */
public interface Calculator {

    /** {@code int add(int a, int b)} in C. */
    int add(int a, int b);
}
