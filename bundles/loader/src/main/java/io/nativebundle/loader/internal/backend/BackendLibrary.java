package io.nativebundle.loader.internal.backend;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.Supplier;

import io.nativebundle.api.NativeHostStatus;
import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.NativeType;
import io.nativebundle.loader.internal.LoadRefusal;

/**
 * One generation of a library as a {@link NativeBackend} opened it. It owns the generation's
 * native handles until {@link #close}. {@code bind}, {@code exports}, {@code function} and
 * {@code variable} run on the loading thread before the generation is published;
 * {@link #close} runs once, on the thread that unloads it, after every object this library
 * handed out is garbage.
 */
public interface BackendLibrary {

    /**
     * The typed binding of a Java interface: an object of {@code type} whose abstract methods call
     * the library's functions of the same name, resolved now. The loader wraps it in a guard and
     * never hands it out itself.
     *
     * @throws LoadRefusal {@code LOAD_FAILED} when a method cannot be bound, naming the interface
     */
    <T> T bind(Class<T> type) throws LoadRefusal;

    /**
     * As {@link #bind(Class)}, with the methods that are leaves ({@code @NativeLeaf} or declared
     * {@code leaf=true} in the manifest; the loader refused a leaf with a callback already). A
     * backend that has no cheaper call for a leaf binds them as any other method: the default,
     * which jnr and the host backend keep.
     *
     * @throws LoadRefusal {@code LOAD_FAILED} when a method cannot be bound, naming the interface
     */
    default <T> T bind(Class<T> type, LeafMethods leaves) throws LoadRefusal {
        return bind(type);
    }

    /** Whether the library exports {@code symbol}; the loader asks before {@link #function} or {@link #variable}. */
    boolean exports(String symbol);

    /**
     * The exported function {@code symbol}, to be called with {@code signature}.
     *
     * @throws LoadRefusal {@code LOAD_FAILED} when this backend cannot call a function of that signature
     */
    FunctionInvoker function(String symbol, NativeSignature signature) throws LoadRefusal;

    /**
     * As {@link #function(String, NativeSignature)}, counting the errors of the callbacks passed
     * to it in {@code callbackErrors}. The default is for a backend that carries no callbacks
     * (it refuses every signature with one), so there is nothing to count.
     *
     * @throws LoadRefusal {@code LOAD_FAILED} when this backend cannot call a function of that signature
     */
    default FunctionInvoker function(String symbol, NativeSignature signature, UpcallErrors callbackErrors)
            throws LoadRefusal {
        return function(symbol, signature);
    }

    /**
     * As {@link #function(String, NativeSignature, UpcallErrors)}, for a function its manifest
     * declares a leaf when {@code leaf} (short, never blocks, never calls back; the contract refused
     * a leaf with a callback parameter already). A backend that has no cheaper call for a leaf calls
     * it as any other function: the default, which jnr and the host backend keep.
     */
    default FunctionInvoker function(String symbol, NativeSignature signature, UpcallErrors callbackErrors,
                                     boolean leaf) throws LoadRefusal {
        return function(symbol, signature, callbackErrors);
    }

    /**
     * The exported variable {@code symbol} of {@code type}, one of the types
     * {@code NativeVariable} allows.
     *
     * @throws LoadRefusal {@code LOAD_FAILED} when this backend cannot reach the variable
     */
    VariableAccessor variable(String symbol, NativeType type) throws LoadRefusal;

    /**
     * Closes the generation: after this no call reaches its native code, and its files may be
     * deleted. Called once, after the drain.
     *
     * @return what went wrong, one entry per problem naming the file, for the log; empty when all is well
     */
    List<String> close();

    /**
     * The generation's unload has started (its guards are cut): refuse what native code could
     * still reach of it on its own, such as upcall stubs it kept, before {@link #close()} frees them.
     * Runs once, on the unloading thread; calls may still be in flight.
     */
    default void cut() {
    }

    /**
     * The live state of the host process, for a library that runs in one; empty in process. The
     * supplier must not reference what the library hands out, since the description of the
     * library keeps it.
     */
    default Optional<Supplier<NativeHostStatus>> hostStatus() {
        return Optional.empty();
    }

    /**
     * errno as the typed method that just returned on this thread saved it ({@code @SaveError} on
     * a method of the {@link #bind bound} interface); empty for a backend whose typed bindings
     * save none (the out-of-process backend refuses such a library at bind).
     */
    default OptionalInt savedErrno() {
        return OptionalInt.empty();
    }

    /**
     * Called on the calling thread right after a method of the {@link #bind bound} interface with
     * callback parameters returned: throws what a callback threw during it, as the callback threw
     * it. Nothing for a backend whose typed bindings take no callbacks (the out-of-process backend
     * refuses them at bind).
     */
    default void callbacksReturned() {
    }

    /**
     * Where the callbacks passed to each method of the {@link #bind bound} interface count their
     * errors: the counters of the symbol the method calls, which exist only once the loader
     * publishes the typed service (after {@code bind}). Until then, and for a method {@code errors}
     * answers {@code null} for, the backend counts in counters of its own. Nothing for a backend
     * whose typed bindings take no callbacks.
     */
    default void typedCallbackErrors(Function<Method, UpcallErrors> errors) {
    }

    /**
     * Whether {@code binding}, which {@link #bind} returned, passes its {@code String} parameters
     * through the thread's {@link StringParameters}, so that the guard must give back what a call
     * that threw before releasing them held ({@link StringParameters#abandon}). Asked once per
     * guard.
     */
    default boolean holdsStringArguments(Object binding) {
        return false;
    }
}
