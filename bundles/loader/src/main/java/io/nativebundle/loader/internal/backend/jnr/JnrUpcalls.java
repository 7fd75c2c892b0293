package io.nativebundle.loader.internal.backend.jnr;

import com.kenai.jffi.CallContext;
import com.kenai.jffi.CallContextCache;
import com.kenai.jffi.CallingConvention;
import com.kenai.jffi.Closure;
import com.kenai.jffi.ClosureManager;
import com.kenai.jffi.Type;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import io.nativebundle.api.NativeCallback;
import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.NativeType;
import io.nativebundle.loader.internal.backend.CallbackOwners;
import io.nativebundle.loader.internal.backend.UpcallErrors;
import io.nativebundle.loader.internal.backend.UpcallStubs;

/**
 * The upcall stubs of one library generation as jffi closures, under the backend-neutral rules of
 * {@link UpcallStubs} (one per callback object, signature and function; refused after
 * {@link #cut()}; freed by {@link #close()}, which the generation's close runs, so no stub
 * outlives its generation).
 *
 * <p>Holds the callbacks strongly (a stub must find its callback for as long as C may call it) and
 * never an invoker: the drain of the generation still sees every call.
 */
final class JnrUpcalls {

    private final String library;
    private final UpcallStubs<Closure.Handle> stubs;
    /** The symbols' counters of the typed methods, set when the typed service is published. */
    private volatile Function<Method, UpcallErrors> typedErrors = method -> null;
    /** Counters of typed methods that have no symbol's counters (yet). */
    private final Map<Method, UpcallErrors> ownTypedErrors = new ConcurrentHashMap<>();
    private final UpcallErrors unnamedTypedErrors = new UpcallErrors();

    JnrUpcalls(String library) {
        this(library, CallbackOwners::liveness);
    }

    JnrUpcalls(String library, Function<Class<?>, BooleanSupplier> owners) {
        this.library = library;
        this.stubs = new UpcallStubs<>(library, owners);
    }

    /**
     * The address of the stub that calls {@code callback} with {@code signature}, made on first use,
     * counting its errors in {@code errors} (the function's it is passed to).
     *
     * @throws IllegalStateException after the generation was cut or closed
     */
    long address(NativeCallback callback, NativeSignature signature, UpcallErrors errors) {
        return stubs.stub(callback, signature, errors, (cb, sig, ownerRunning, counters) -> {
            Closure.Handle handle = ClosureManager.getInstance().newClosure(
                    new UpcallStub(stubs, cb, sig, ownerRunning, counters), context(sig));
            // freed by close(), not by the collector, since C may hold the address while Java holds nothing
            handle.setAutoRelease(false);
            return handle;
        }).getAddress();
    }

    /** Where the callbacks of each typed method count their errors ({@code BackendLibrary.typedCallbackErrors}). */
    void typedErrors(Function<Method, UpcallErrors> errors) {
        typedErrors = errors;
    }

    /** The counters the callbacks passed to typed method {@code method} count in. */
    UpcallErrors typedErrors(Method method) {
        if (method == null) {
            // jnr-ffi did not say which method the parameter belongs to: no symbol to count in
            return unnamedTypedErrors;
        }
        UpcallErrors errors = typedErrors.apply(method);
        return errors != null ? errors : ownTypedErrors.computeIfAbsent(method, m -> new UpcallErrors());
    }

    /** How many stubs there are now. */
    int size() {
        return stubs.size();
    }

    /** Refuses every later upcall (they return zero): the generation's unload has started. */
    void cut() {
        stubs.cut();
    }

    boolean isCut() {
        return stubs.isCut();
    }

    /** Frees every stub; after this C must not call them. */
    List<String> close() {
        List<String> problems = new ArrayList<>();
        for (Closure.Handle handle : stubs.close()) {
            try {
                handle.dispose();
            } catch (RuntimeException e) {
                problems.add("freeing an upcall stub of " + library + ": " + e);
            }
        }
        return problems;
    }

    /** The errors of this generation's callbacks: exceptions caught and upcalls refused. */
    long errors() {
        return stubs.errors();
    }

    private static CallContext context(NativeSignature signature) {
        Type[] parameters = new Type[signature.parameters().size()];
        for (int i = 0; i < parameters.length; i++) {
            parameters[i] = JffiTypes.of(signature.parameters().get(i));
        }
        NativeType result = signature.returnType();
        return CallContextCache.getInstance().getCallContext(JffiTypes.of(result), parameters,
                CallingConvention.DEFAULT, false);
    }
}
