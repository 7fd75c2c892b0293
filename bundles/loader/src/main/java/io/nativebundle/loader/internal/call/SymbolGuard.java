package io.nativebundle.loader.internal.call;

import java.lang.ref.Reference;

import io.nativebundle.api.NativeLibrary;

/**
 * What every symbol service does around a native access: refuse it after unload, without
 * touching native code, and keep the library mapped while it runs.
 *
 * <p>The live {@link SymbolAddress} sits in one volatile field that {@link #cut()} clears. A
 * call reads it once into a local, takes the generation's {@link Lease}, calls, releases, and
 * fences the local, so a call in flight when the library is cut still finishes against mapped
 * code, and a call that starts after the cut throws {@code NativeLibraryUnloadedException}.
 * After the cut the guard no longer references the jffi library, so a consumer that keeps a
 * stale service object does not keep the library loaded.
 *
 * <pre>{@code
 * SymbolAddress s = enter();            // throws when cut or closed
 * try { return INVOKER.invokeI0(context, s.address()); }
 * finally { exit(s); }
 * }</pre>
 */
public abstract class SymbolGuard {

    private final String name;
    private final NativeLibrary library;
    private final Lease lease;
    private volatile SymbolAddress target;

    SymbolGuard(String name, NativeLibrary library, SymbolAddress target, Lease lease) {
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

    /** Starts an access: the live address with a lease taken; pair with {@link #exit}. */
    final SymbolAddress enter() {
        SymbolAddress t = target;
        if (t == null || !lease.acquire()) {
            throw lease.unloaded();
        }
        return t;
    }

    /** Ends an access started by {@link #enter()}. */
    final void exit(SymbolAddress t) {
        lease.release();
        Reference.reachabilityFence(t);
    }

    /** Refuses every later access; accesses in flight finish. Idempotent. */
    public final void cut() {
        target = null;
    }

    final boolean isCut() {
        return target == null;
    }
}
