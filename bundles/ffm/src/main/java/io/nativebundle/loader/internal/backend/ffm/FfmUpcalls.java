package io.nativebundle.loader.internal.backend.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import io.nativebundle.api.NativeCallback;
import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.NativeType;
import io.nativebundle.loader.internal.backend.CallbackOwners;
import io.nativebundle.loader.internal.backend.UpcallErrors;
import io.nativebundle.loader.internal.backend.UpcallStubs;

/**
 * The upcall stubs of one library generation on FFM ({@code Linker.upcallStub}), under the
 * backend-neutral rules of {@link UpcallStubs}, which the jnr backend's stubs follow too: one per
 * callback object, callback signature and function; refused after {@link #cut()}; an exception
 * never reaches C ({@link FfmUpcallStub}). The stubs live in the generation's arena, so they are
 * freed when it closes, after the drain: none outlives its generation. Threads C creates are
 * attached by FFM for the upcall and detached when they end.
 */
final class FfmUpcalls {

    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle RUN;

    static {
        try {
            RUN = MethodHandles.lookup().findVirtual(FfmUpcallStub.class, "run",
                    MethodType.methodType(Object.class, Object[].class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Arena arena;
    private final UpcallStubs<Long> stubs;

    /** @param arena the generation's arena, which owns the stubs */
    FfmUpcalls(String library, Arena arena) {
        this(library, arena, CallbackOwners::liveness);
    }

    FfmUpcalls(String library, Arena arena, Function<Class<?>, BooleanSupplier> owners) {
        this.arena = arena;
        this.stubs = new UpcallStubs<>(library, owners);
    }

    /**
     * The address of the stub that calls {@code callback} with {@code signature}, made on first use,
     * counting its errors in {@code errors} (the function's it is passed to).
     *
     * @throws IllegalStateException after the generation was cut or closed
     */
    long address(NativeCallback callback, NativeSignature signature, UpcallErrors errors) {
        return stubs.stub(callback, signature, errors, (cb, sig, ownerRunning, counters) -> {
            FunctionDescriptor descriptor = descriptor(sig);
            MethodHandle target = RUN.bindTo(new FfmUpcallStub(stubs, cb, sig, ownerRunning, counters))
                    .asCollector(Object[].class, sig.parameters().size())
                    .asType(descriptor.toMethodType());
            // the address only: a segment of the shared arena would be acquired around every downcall it is passed to
            return LINKER.upcallStub(target, descriptor, arena).address();
        });
    }

    /** How many stubs there are now. */
    int size() {
        return stubs.size();
    }

    /** Refuses every later upcall (they return zero): the generation's unload has started. */
    void cut() {
        stubs.cut();
    }

    /** Ends the stubs; the arena's close frees their code right after. */
    List<Long> close() {
        return stubs.close();
    }

    /** The errors of this generation's callbacks: exceptions caught and upcalls refused. */
    long errors() {
        return stubs.errors();
    }

    private static FunctionDescriptor descriptor(NativeSignature signature) {
        MemoryLayout[] parameters = signature.parameters().stream().map(FfmTypes::layout).toArray(MemoryLayout[]::new);
        return signature.returnType() == NativeType.VOID ? FunctionDescriptor.ofVoid(parameters)
                : FunctionDescriptor.of(FfmTypes.layout(signature.returnType()), parameters);
    }
}
