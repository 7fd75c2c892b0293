package io.nativebundle.loader.internal.backend.host;

/**
 * A {@code pointer} of a library that runs out of process is an address in its host process,
 * which means nothing in the JVM: it is handed out as an opaque handle that only goes back to the
 * host process that returned it. The handle is the address with the host's incarnation in bits
 * 48 to 62 (user-space addresses on x86-64 and aarch64 Linux fit in 48 bits), so a handle from a
 * host that has since crashed is refused instead of being dereferenced by the new one.
 *
 * <p>{@code 0} stays {@code 0} (NULL). A value with any of the top 16 bits set that is not a
 * handle (e.g. {@code -1}) passes unchanged both ways, and so does a small integer the caller made
 * up, which the library may use as a number.
 */
final class PointerHandles {

    private static final int SHIFT = 48;
    private static final long ADDRESS = (1L << SHIFT) - 1;
    private static final int TAGS = 0x7fff;

    private PointerHandles() {
    }

    /** The tag of incarnation {@code epoch}: 1 to 0x7fff, never 0. */
    static long tag(int epoch) {
        return ((epoch - 1L) % TAGS) + 1;
    }

    /** The handle of an address the host returned. */
    static long handle(long address, int epoch) {
        if (address == 0 || (address >>> SHIFT) != 0) {
            return address;
        }
        return address | (tag(epoch) << SHIFT);
    }

    /**
     * The address behind {@code handle} for the host of incarnation {@code epoch}.
     *
     * @throws IllegalArgumentException when it is the handle of another incarnation's host
     */
    static long address(long handle, int epoch, String library, String symbol) {
        long top = handle >>> SHIFT;
        if (top == 0 || top > TAGS) {
            return handle;
        }
        if (top == tag(epoch)) {
            return handle & ADDRESS;
        }
        throw new IllegalArgumentException("pointer 0x" + Long.toHexString(handle) + " passed to " + symbol + " of library '"
                + library + "' was returned by an earlier host process of the library, which has ended since; a pointer"
                + " of a library that runs out of process is valid only with the host process that returned it");
    }
}
