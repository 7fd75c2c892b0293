package io.nativebundle.loader.internal.backend.jnr;

import com.kenai.jffi.CallContext;
import com.kenai.jffi.CallContextCache;
import com.kenai.jffi.CallingConvention;
import com.kenai.jffi.Closure;
import com.kenai.jffi.ClosureManager;
import com.kenai.jffi.Type;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import io.nativebundle.api.NativeCallback;
import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.NativeType;
import io.nativebundle.loader.internal.backend.UpcallErrors;

/**
 * The upcall stubs of one library generation (jffi closures), owned by it: made on the first call
 * that passes a {@link NativeCallback} object for a callback signature, reused for the same object
 * passed to the same function (whose {@link UpcallErrors} the stub counts in),
 * refused after {@link #cut()} and freed by {@link #close()}, which the generation's close runs, so
 * no stub outlives its generation.
 *
 * <p>Holds the callbacks strongly (a stub must find its callback for as long as C may call it) and
 * never an invoker: the drain of the generation still sees every call.
 */
final class JnrUpcalls {

    private static final System.Logger LOG = System.getLogger(JnrUpcalls.class.getName());

    private final String library;
    /** Whether the code of a callback's class may still run: the bundle that defined it is not stopped. */
    private final Function<Class<?>, BooleanSupplier> owners;
    private final Map<NativeCallback, Map<StubKey, Closure.Handle>> stubs = new IdentityHashMap<>();
    private final AtomicLong errors = new AtomicLong();
    private volatile boolean cut;
    private boolean closed;
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
        this.owners = owners;
    }

    /** A stub's callback signature and the counters of the function it was passed to (by identity). */
    private record StubKey(NativeSignature signature, UpcallErrors errors) {
    }

    /**
     * The address of the stub that calls {@code callback} with {@code signature}, made on first use,
     * counting its errors in {@code errors} (the function's it is passed to).
     *
     * @throws IllegalStateException after the generation was cut or closed
     */
    synchronized long address(NativeCallback callback, NativeSignature signature, UpcallErrors errors) {
        if (cut || closed) {
            throw new IllegalStateException("the upcall stubs of " + library + " are " + (closed ? "freed" : "cut"));
        }
        Map<StubKey, Closure.Handle> byKey = stubs.computeIfAbsent(callback, c -> new HashMap<>(2));
        StubKey key = new StubKey(signature, errors);
        Closure.Handle handle = byKey.get(key);
        if (handle == null) {
            UpcallStub stub = new UpcallStub(this, callback, signature, owners.apply(callback.getClass()), errors);
            handle = ClosureManager.getInstance().newClosure(stub, context(signature));
            // freed by close(), not by the collector, since C may hold the address while Java holds nothing
            handle.setAutoRelease(false);
            byKey.put(key, handle);
        }
        return handle.getAddress();
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
    synchronized int size() {
        return stubs.values().stream().mapToInt(Map::size).sum();
    }

    /** Refuses every later upcall (they return zero): the generation's unload has started. */
    void cut() {
        cut = true;
    }

    boolean isCut() {
        return cut;
    }

    /** Frees every stub; after this C must not call them. */
    synchronized List<String> close() {
        cut = true;
        closed = true;
        List<String> problems = new ArrayList<>();
        for (Map<StubKey, Closure.Handle> byKey : stubs.values()) {
            for (Closure.Handle handle : byKey.values()) {
                try {
                    handle.dispose();
                } catch (RuntimeException e) {
                    problems.add("freeing an upcall stub of " + library + ": " + e);
                }
            }
        }
        stubs.clear();
        return problems;
    }

    /** The errors of this generation's callbacks: exceptions caught and upcalls refused. */
    long errors() {
        return errors.get();
    }

    /** A callback threw: rethrown by the enclosing call on this thread, logged when there is none. */
    void failed(NativeSignature signature, Throwable t) {
        errors.incrementAndGet();
        if (!CallbackErrors.record(t)) {
            LOG.log(System.Logger.Level.ERROR, "a callback " + signature + " of " + library + " threw on thread '"
                    + Thread.currentThread().getName() + "', which has no enclosing call to rethrow it to; C got zero", t);
        }
    }

    /** An upcall was refused: the stub returned zero. */
    void refused(NativeSignature signature, String why) {
        long n = errors.incrementAndGet();
        if (n == 1 || Long.bitCount(n) == 1) {
            // the first, then at powers of two: a stale pointer called in a loop must not flood the log
            LOG.log(System.Logger.Level.WARNING, "a callback " + signature + " of " + library + " was called after "
                    + why + "; it returned zero to C (" + n + " callback errors so far)");
        }
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
