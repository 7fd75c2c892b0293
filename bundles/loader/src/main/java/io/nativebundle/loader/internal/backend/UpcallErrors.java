package io.nativebundle.loader.internal.backend;

import java.util.concurrent.atomic.LongAdder;

/**
 * The callback errors of one symbol: what went wrong in the upcall stubs made for calls of it
 * (the callbacks its callers passed), on whatever thread C called them. The backend counts,
 * {@code native:stats} and JMX read. Always counted, metrics on or off: an error is rare, and
 * the stub's path is not a fast path.
 */
public final class UpcallErrors {

    private final LongAdder exceptions = new LongAdder();
    private final LongAdder stale = new LongAdder();
    private final LongAdder refused = new LongAdder();

    /** A callback threw, or returned a value its return type cannot hold; C got zero. */
    public void exception() {
        exceptions.increment();
    }

    /** C called a stub after the bundle that supplied its callback stopped; refused, C got zero. */
    public void stale() {
        stale.increment();
    }

    /** C called a stub after the unload of its library generation started; refused, C got zero. */
    public void refused() {
        refused.increment();
    }

    /** Callbacks that threw or returned what their type cannot hold. */
    public long exceptions() {
        return exceptions.sum();
    }

    /** Upcalls refused because the callback's bundle had stopped. */
    public long staleCalls() {
        return stale.sum();
    }

    /** Upcalls refused because the generation was being unloaded. */
    public long refusedCalls() {
        return refused.sum();
    }
}
