package ${package};

import io.nativebundle.api.ByValue;
import jnr.ffi.Runtime;
import jnr.ffi.Struct;
import jnr.ffi.annotations.Out;

/**
 * The typed interface of the native library ${artifactId}: each method is a C function of
 * src/main/c with the same name and types. The runtime registers a service under this interface
 * once the library is verified and loaded; the bnd plugin checks at build time that every method
 * is exported by the library of every platform.
 */
public interface Calculator {

    /** {@code int add(int a, int b)} in C. */
    int add(int a, int b);

    /**
     * {@code division divide(int a, int b)} in C: a struct returned by value ({@link ByValue}), a
     * new {@link Division} per call. C's {@code a / b} and {@code a % b}, truncated toward zero;
     * {@code {0, 0}} where C's {@code a / b} is not defined ({@code b == 0}, {@code MIN_VALUE / -1}).
     */
    @ByValue
    Division divide(int a, int b);

    /**
     * {@code int divide_into(int a, int b, division *result)} in C: the struct by pointer, which C
     * only writes ({@link Out}: nothing is copied in, what C's memory holds after the call is
     * copied out).
     *
     * @return 0, or -1 where C's {@code a / b} is not defined, when C writes nothing and
     *         {@code result}'s values mean nothing
     */
    int divide_into(int a, int b, @Out Division result);

    /**
     * C's {@code typedef struct { int quot; int rem; } division;}: the same fields in the same
     * order, so the same layout. The bnd plugin writes it into the bundle's headers, which is how
     * {@code native:call} prints it: {@code {quot=3, rem=2}}.
     */
    final class Division extends Struct {
        public final Signed32 quot = new Signed32();
        public final Signed32 rem = new Signed32();

        public Division(Runtime runtime) {
            super(runtime);
        }
    }
}
