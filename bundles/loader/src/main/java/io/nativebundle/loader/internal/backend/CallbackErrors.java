package io.nativebundle.loader.internal.backend;

import io.nativebundle.api.NativeCallResult;

/**
 * The exceptions callbacks threw during a call with callback parameters, on the calling thread, so
 * that the call can rethrow them once C has returned (an exception must never unwind through C's
 * frames). Calls nest (a callback may call a function with callbacks itself): each has its own scope.
 * Backend-neutral: the jnr and the FFM backend's calls and upcall stubs share it.
 */
public final class CallbackErrors {

    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    private CallbackErrors() {
    }

    /** One call's exceptions: the first, with the later ones suppressed by it. */
    public static final class Scope {
        private final Scope outer;
        private Throwable first;

        private Scope(Scope outer) {
            this.outer = outer;
        }

        /** Ends the scope; returns what to rethrow, or null. */
        public Throwable exit() {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
            return first;
        }
    }

    /** A call down to C, with struct results and out values as bytes when {@code structBytes}. */
    @FunctionalInterface
    public interface Downcall {
        NativeCallResult callDown(Object[] arguments, boolean structBytes);
    }

    /**
     * Makes {@code down}'s call; when it {@code callsBack}, inside a scope of its own, rethrowing
     * what a callback threw once C has returned. A function keeps its {@code down} in a field, so
     * the call allocates nothing for it.
     */
    public static NativeCallResult around(boolean callsBack, Downcall down, Object[] arguments, boolean structBytes) {
        if (!callsBack) {
            return down.callDown(arguments, structBytes);
        }
        Scope scope = enter();
        NativeCallResult result;
        try {
            result = down.callDown(arguments, structBytes);
        } finally {
            Throwable thrown = scope.exit();
            if (thrown != null) {
                throw rethrow(thrown);
            }
        }
        return result;
    }

    /** Opens a scope for a call about to be made on this thread. */
    public static Scope enter() {
        Scope scope = new Scope(CURRENT.get());
        CURRENT.set(scope);
        return scope;
    }

    /**
     * Ends this thread's innermost scope, for a caller that cannot keep the {@link Scope} object
     * between opening and closing it (a jnr-ffi converter, shared by every thread).
     *
     * @return what to rethrow, or null; null too when no scope is open
     */
    public static Throwable exit() {
        Scope scope = CURRENT.get();
        return scope == null ? null : scope.exit();
    }

    /** Keeps {@code t} for the enclosing call on this thread; false when there is none. */
    public static boolean record(Throwable t) {
        Scope scope = CURRENT.get();
        if (scope == null) {
            return false;
        }
        if (scope.first == null) {
            scope.first = t;
        } else if (scope.first != t) {
            scope.first.addSuppressed(t);
        }
        return true;
    }

    /** Throws {@code t} as it is, checked or not: the caller of the enclosing call gets the callback's own exception. */
    @SuppressWarnings("unchecked")
    public static <T extends Throwable> RuntimeException rethrow(Throwable t) throws T {
        throw (T) t;
    }
}
