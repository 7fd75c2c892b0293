package io.nativebundle.loader.internal.call;

import io.nativebundle.api.NativeLibraryUnloadedException;
import io.nativebundle.loader.internal.open.LibraryGeneration;

/**
 * What a symbol guard asks of its library generation around every native call. A call runs
 * {@code if (acquire()) try { call } finally { release() } else throw unloaded()}.
 *
 * <p>This is the seam to the lifecycle: {@link #of(LibraryGeneration)} adapts a generation whose
 * only state is open or closed; a generation that counts leases in flight implements
 * {@code acquire}/{@code release} with its counter, and the guards need no change.
 */
public interface Lease {

    /** Takes a lease for one call; {@code false} when the generation no longer admits calls. */
    boolean acquire();

    /** Returns the lease of a call that {@link #acquire() acquired} one. */
    void release();

    /** The exception a refused call throws. */
    NativeLibraryUnloadedException unloaded();

    /** A lease that admits calls while {@code generation} is open. */
    static Lease of(LibraryGeneration generation) {
        return new Lease() {
            @Override
            public boolean acquire() {
                return generation.isOpen();
            }

            @Override
            public void release() {
            }

            @Override
            public NativeLibraryUnloadedException unloaded() {
                return generation.unloaded();
            }

            @Override
            public String toString() {
                return "Lease[" + generation.library() + " generation " + generation.generation() + "]";
            }
        };
    }
}
