package io.nativebundle.loader.internal.backend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import io.nativebundle.api.NativeCallback;
import io.nativebundle.api.NativeSignature;

/**
 * The rules of a library generation's upcall stubs, whatever makes them (jffi closures on jnr,
 * {@code Linker.upcallStub} on FFM; {@code H} is the backend's handle of one stub):
 *
 * <ul>
 * <li>one stub per callback object, callback signature and function it is passed to (whose
 *     {@link UpcallErrors} it counts in), made on the first call that passes it and kept until the
 *     generation closes ({@link #stub});</li>
 * <li>after {@link #cut()} no stub is made, and every upcall is refused: C gets zero, it is counted
 *     and logged, the callback is never entered ({@link #admit}); the same once the bundle that
 *     defined the callback's class stopped;</li>
 * <li>what a callback throws is counted, and rethrown by the enclosing call on the same thread
 *     ({@link CallbackErrors}), or logged when there is none ({@link #failed});</li>
 * <li>{@link #close()} hands every stub to the backend to free, so none outlives the generation.</li>
 * </ul>
 *
 * <p>Holds the callbacks strongly: a stub must find its callback for as long as C may call it.
 */
public final class UpcallStubs<H> {

    private static final System.Logger LOG = System.getLogger(UpcallStubs.class.getName());

    private final String library;
    /** Whether the code of a callback's class may still run: the bundle that defined it is not stopped. */
    private final Function<Class<?>, BooleanSupplier> owners;
    private final Map<NativeCallback, Map<StubKey, H>> stubs = new IdentityHashMap<>();
    private final AtomicLong errors = new AtomicLong();
    private volatile boolean cut;
    private boolean closed;

    /** Makes the backend's stub of one callback object; runs under this table's lock. */
    @FunctionalInterface
    public interface Factory<H> {
        /**
         * @param ownerRunning whether the bundle that supplied the callback still runs, for {@link #admit}
         */
        H make(NativeCallback callback, NativeSignature signature, BooleanSupplier ownerRunning, UpcallErrors errors);
    }

    /** A stub's callback signature and the counters of the function it was passed to (by identity). */
    private record StubKey(NativeSignature signature, UpcallErrors errors) {
    }

    /**
     * @param library what the log names the generation by
     * @param owners  the liveness of the bundle that defined a callback's class ({@link CallbackOwners#liveness})
     */
    public UpcallStubs(String library, Function<Class<?>, BooleanSupplier> owners) {
        this.library = library;
        this.owners = owners;
    }

    /**
     * The stub that calls {@code callback} with {@code signature}, counting its errors in
     * {@code errors} (the function's it is passed to), made by {@code factory} on first use.
     *
     * @throws IllegalStateException after the generation was cut or closed
     */
    public synchronized H stub(NativeCallback callback, NativeSignature signature, UpcallErrors errors,
                               Factory<H> factory) {
        if (cut || closed) {
            throw new IllegalStateException("the upcall stubs of " + library + " are " + (closed ? "freed" : "cut"));
        }
        Map<StubKey, H> byKey = stubs.computeIfAbsent(callback, c -> new HashMap<>(2));
        StubKey key = new StubKey(signature, errors);
        H stub = byKey.get(key);
        if (stub == null) {
            stub = factory.make(callback, signature, owners.apply(callback.getClass()), errors);
            byKey.put(key, stub);
        }
        return stub;
    }

    /** How many stubs there are now. */
    public synchronized int size() {
        return stubs.values().stream().mapToInt(Map::size).sum();
    }

    /** Refuses every later upcall (they return zero): the generation's unload has started. */
    public void cut() {
        cut = true;
    }

    public boolean isCut() {
        return cut;
    }

    /** Ends the table: every stub, for the backend to free; after this C must not call them. */
    public synchronized List<H> close() {
        cut = true;
        closed = true;
        List<H> all = new ArrayList<>();
        stubs.values().forEach(byKey -> all.addAll(byKey.values()));
        stubs.clear();
        return all;
    }

    /**
     * Whether an upcall of {@code callback} may run now; when not (the generation is cut, or the
     * callback's bundle stopped), counts and logs it, and the stub returns zero without entering
     * the callback.
     */
    public boolean admit(NativeCallback callback, NativeSignature signature, BooleanSupplier ownerRunning,
                         UpcallErrors counters) {
        if (cut) {
            counters.refused();
            refused(signature, "its library generation was unloaded");
            return false;
        }
        if (!ownerRunning.getAsBoolean()) {
            counters.stale();
            refused(signature, "the bundle that supplied it (" + callback.getClass().getName() + ") stopped");
            return false;
        }
        return true;
    }

    /** A callback threw (or returned what its type cannot hold): counted, rethrown by the enclosing call on this thread, logged when there is none. */
    public void failed(NativeSignature signature, Throwable t, UpcallErrors counters) {
        counters.exception();
        errors.incrementAndGet();
        if (!CallbackErrors.record(t)) {
            LOG.log(System.Logger.Level.ERROR, "a callback " + signature + " of " + library + " threw on thread '"
                    + Thread.currentThread().getName() + "', which has no enclosing call to rethrow it to; C got zero", t);
        }
    }

    /** The errors of this generation's callbacks: exceptions caught and upcalls refused. */
    public long errors() {
        return errors.get();
    }

    private void refused(NativeSignature signature, String why) {
        long n = errors.incrementAndGet();
        if (n == 1 || Long.bitCount(n) == 1) {
            // the first, then at powers of two: a stale pointer called in a loop must not flood the log
            LOG.log(System.Logger.Level.WARNING, "a callback " + signature + " of " + library + " was called after "
                    + why + "; it returned zero to C (" + n + " callback errors so far)");
        }
    }
}
