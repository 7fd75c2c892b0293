package io.nativebundle.loader.internal.backend.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import io.nativebundle.api.NativeParameter;
import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.NativeType;

/**
 * errno on FFM: a downcall made with {@code Linker.Option.captureCallState("errno")} saves errno
 * right after the native function returns into a segment its caller passes first; this class
 * gives each thread one such segment, and the handle takes it by itself ({@link #capturing}), so
 * the handle has the signature's own type. The value is read from the segment, not from the
 * thread's errno, so whatever the JVM does between the call and the read cannot change it.
 */
final class FfmErrno {

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE = Linker.Option.captureCallState("errno");
    private static final ThreadLocal<Capture> THREADS = ThreadLocal.withInitial(Capture::new);
    private static final MethodHandle SEGMENT;
    private static final MethodHandle STRERROR = LINKER.defaultLookup().find("strerror")
            .map(s -> LINKER.downcallHandle(s, FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_INT)))
            .orElse(null);
    /** What a function that captures errno may otherwise take and return to be called here. */
    private static final Set<NativeType> BASIC = EnumSet.of(NativeType.BYTE, NativeType.SHORT, NativeType.INT,
            NativeType.LONG, NativeType.FLOAT, NativeType.DOUBLE, NativeType.BOOLEAN, NativeType.POINTER,
            NativeType.STRING, NativeType.BUFFER);

    static {
        try {
            SEGMENT = MethodHandles.lookup().findStatic(FfmErrno.class, "segment", MethodType.methodType(MemorySegment.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A thread's capture segment; the view in the global scope is what the downcalls get (no acquire per call). */
    private static final class Capture {
        private final MemorySegment owner = Arena.ofAuto().allocate(STATE);
        private final MemorySegment view = MemorySegment.ofAddress(owner.address()).reinterpret(STATE.byteSize());
    }

    private FfmErrno() {
    }

    /**
     * Whether FFM calls {@code signature} with errno itself: it captures errno and is otherwise
     * basic (scalars, strings and buffers by value, in, no array, callback or variadic part).
     */
    static boolean carries(NativeSignature signature) {
        if (!signature.capturesErrno() || signature.fixedParameterCount().isPresent()
                || signature.returnType() != NativeType.VOID && !BASIC.contains(signature.returnType())) {
            return false;
        }
        for (NativeParameter p : signature.parameterList()) {
            if (p.direction() != NativeParameter.Direction.IN || p.isArray() || p.callbackSignature().isPresent()
                    || !BASIC.contains(p.type())) {
                return false;
            }
        }
        return true;
    }

    /** The linker option of a downcall that saves errno. */
    static Linker.Option option() {
        return CAPTURE;
    }

    /** {@code downcall}, whose first parameter is the capture segment, taking the thread's own. */
    static MethodHandle capturing(MethodHandle downcall) {
        return capturing(downcall, 0);
    }

    /**
     * {@code downcall}, whose parameter {@code position} is the capture segment, taking the
     * thread's own: 1 for a function returning a struct, whose downcall takes its allocator first.
     */
    static MethodHandle capturing(MethodHandle downcall, int position) {
        return MethodHandles.foldArguments(downcall, position, SEGMENT);
    }

    /** errno as the calling thread's last capturing downcall left it. */
    static int last() {
        return (int) ERRNO.get(THREADS.get().view, 0L);
    }

    /** The C library's text of {@code errno}; empty for 0 or without {@code strerror}. */
    static Optional<String> message(int errno) {
        if (errno == 0 || STRERROR == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(FfmStrings.read((MemorySegment) STRERROR.invokeExact(errno)));
        } catch (Throwable t) {
            return Optional.empty();
        }
    }

    private static MemorySegment segment() {
        return THREADS.get().view;
    }
}
