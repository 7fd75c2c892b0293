package io.nativebundle.api;

/**
 * Java code that C calls back: the argument a caller of {@link NativeFunction#call} or
 * {@link NativeFunction#invoke} passes for a {@link NativeType#CALLBACK} parameter, e.g. the
 * comparator of {@code qsort = (pointer base, size_t n, size_t size, comparator cmp)void} with
 * {@code [callbacks] comparator = (pointer, pointer)int}:
 *
 * <pre>{@code
 * NativeCallback byInt = args -> Integer.compare(memory.getInt((Long) args[0]), memory.getInt((Long) args[1]));
 * qsort.call(base, 100_000L, 4L, byInt);
 * }</pre>
 *
 * <p>The signature is the parameter's {@link NativeParameter#callbackSignature()}. {@code arguments}
 * has one value per parameter of it, in the carriers of {@link NativeFunction#invoke}
 * ({@code pointer} a {@code Long}, the unsigned types by their {@link NativeType} carrier). The
 * result is a {@code Number} of the return type's range (a {@code Boolean} for {@code boolean},
 * ignored for {@code void}); a result of another type or out of range is an error of the callback.
 *
 * <p>The rules of an upcall:
 * <ul>
 *   <li>The runtime makes one upcall stub per callback object and library generation, and frees the
 *       generation's stubs when the generation closes (after the library's unload has drained its
 *       calls): C must not keep the function pointer past that. Pass the same object again to reuse
 *       its stub; every distinct object makes a stub that lives as long as the generation.</li>
 *   <li>A stub called after the bundle that defined the callback's class stopped, or after its
 *       library generation was cut by an unload, does not run the callback: it returns zero to C and
 *       counts an error.</li>
 *   <li>An exception the callback throws never unwinds through C. It is caught and counted, C gets
 *       zero, and when C returns, the call of the enclosing function on the same thread throws it
 *       (the first one, with later ones suppressed). On a thread with no enclosing call (a thread
 *       C started) it is logged.</li>
 *   <li>C may call back on threads it started; they are attached to the JVM for the callback.</li>
 * </ul>
 *
 * @since 2.2.0
 */
@FunctionalInterface
public interface NativeCallback {

    /**
     * Runs when C calls the function pointer.
     *
     * @param arguments one value per parameter of the callback's signature
     * @return the value C gets, {@code null} for {@code void}
     * @throws Exception to the Java caller of the enclosing call, never into C
     */
    Object invoke(Object[] arguments) throws Exception;
}
