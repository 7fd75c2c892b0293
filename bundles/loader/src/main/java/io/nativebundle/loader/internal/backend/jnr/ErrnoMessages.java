package io.nativebundle.loader.internal.backend.jnr;

import java.util.Optional;

import com.kenai.jffi.CallContext;
import com.kenai.jffi.CallContextCache;
import com.kenai.jffi.CallingConvention;
import com.kenai.jffi.Invoker;
import com.kenai.jffi.Library;
import com.kenai.jffi.Type;

/**
 * The C library's text for an errno value, from the process's own {@code strerror}, so the text is
 * this host's ({@code Numerical result out of range} on glibc). glibc's {@code strerror} returns a
 * constant string for every known value and a thread-local one otherwise, so it may be called from
 * any thread.
 */
final class ErrnoMessages {

    private static final long STRERROR = Library.getDefault().getSymbolAddress("strerror");
    private static final CallContext CONTEXT = CallContextCache.getInstance().getCallContext(Type.POINTER,
            new Type[] {Type.SINT32}, CallingConvention.DEFAULT, false);

    private ErrnoMessages() {
    }

    /** The text of {@code errno}; empty when the process has no {@code strerror}. */
    static Optional<String> of(int errno) {
        if (STRERROR == 0L) {
            return Optional.empty();
        }
        return Optional.ofNullable(NativeStrings.read(Invoker.getInstance().invokeN1(CONTEXT, STRERROR, errno)));
    }
}
