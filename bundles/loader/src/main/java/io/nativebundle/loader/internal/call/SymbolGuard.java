package io.nativebundle.loader.internal.call;

import java.lang.ref.Reference;

import io.nativebundle.api.NativeLibrary;

/**
 * What every symbol service does around a native access: refuse it after unload, without
 * touching native code, and keep the library mapped while it runs.
 *
 * <p>The live target, the backend's invoker or accessor, sits in one volatile field that
 * {@link #cut()} clears. A call reads it once into a local, takes the generation's
 * {@link Lease}, calls, releases, and fences the local, so a call in flight when the library is
 * cut still finishes against mapped code, and a call that starts after the cut throws
 * {@code NativeLibraryUnloadedException}. After the cut the guard no longer references the
 * target, so a consumer that keeps a stale service object does not keep the library loaded, and
 * once the calls in flight returned the target is garbage: that is what the unload waits for.
 *
 * <pre>{@code
 * FunctionInvoker f = enter();            // throws when cut or closed
 * try { return f.toInt(); }
 * finally { exit(f); }
 * }</pre>
 *
 * @param <T> the backend's object the native access goes through
 */
public abstract class SymbolGuard<T> {

    private final String name;
    private final NativeLibrary library;
    private final Lease lease;
    private volatile T target;

    SymbolGuard(String name, NativeLibrary library, T target, Lease lease) {
        this.name = name;
        this.library = library;
        this.target = target;
        this.lease = lease;
    }

    public final String name() {
        return name;
    }

    public final NativeLibrary library() {
        return library;
    }

    /** Starts an access: the live target with a lease taken; pair with {@link #exit}. */
    final T enter() {
        T t = target;
        if (t == null || !lease.acquire()) {
            throw lease.unloaded();
        }
        return t;
    }

    /** Ends an access started by {@link #enter()}. */
    final void exit(T t) {
        lease.release();
        Reference.reachabilityFence(t);
    }

    /** Refuses every later access; accesses in flight finish. Idempotent. */
    public final void cut() {
        target = null;
    }

    public final boolean isCut() {
        return target == null;
    }
}
