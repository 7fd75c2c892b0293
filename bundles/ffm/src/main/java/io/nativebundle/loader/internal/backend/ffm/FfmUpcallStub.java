package io.nativebundle.loader.internal.backend.ffm;

import java.util.List;
import java.util.function.BooleanSupplier;

import io.nativebundle.api.NativeCallback;
import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.NativeType;
import io.nativebundle.loader.internal.backend.UpcallErrors;
import io.nativebundle.loader.internal.backend.UpcallResults;
import io.nativebundle.loader.internal.backend.UpcallStubs;

/**
 * What an FFM upcall stub runs: the arguments, in the Java types of their layouts, become the
 * carriers of {@code NativeFunction.invoke}, the callback runs, its result goes back in the Java
 * type of the return layout. Nothing escapes: an exception that left an upcall would terminate the
 * JVM on FFM, so a refused upcall (generation cut, owning bundle stopped) and a callback that throws
 * or returns what its type cannot hold both return zero and count an error ({@link UpcallStubs},
 * {@link UpcallResults}); a thrown one is rethrown to the enclosing call once C returned.
 */
final class FfmUpcallStub {

    private final UpcallStubs<?> stubs;
    private final NativeCallback callback;
    private final NativeSignature signature;
    private final List<NativeType> parameters;
    private final BooleanSupplier ownerRunning;
    /** The counters of the function this stub's callback was passed to. */
    private final UpcallErrors errors;
    /** Zero of the return type, in its layout's Java type: what C gets from a refused or failed upcall. */
    private final Object zero;

    FfmUpcallStub(UpcallStubs<?> stubs, NativeCallback callback, NativeSignature signature,
                  BooleanSupplier ownerRunning, UpcallErrors errors) {
        this.stubs = stubs;
        this.callback = callback;
        this.signature = signature;
        this.parameters = signature.parameters();
        this.ownerRunning = ownerRunning;
        this.errors = errors;
        this.zero = switch (signature.returnType()) {
            case VOID -> null;
            case FLOAT -> 0f;
            case DOUBLE -> 0d;
            case BOOLEAN -> 0;
            default -> FfmTypes.carrier(signature.returnType(), 0L);
        };
    }

    /** The stub's target, for every signature: {@code raw} are the arguments as FFM passes them. */
    Object run(Object[] raw) {
        try {
            if (!stubs.admit(callback, signature, ownerRunning, errors)) {
                return zero;
            }
            Object[] arguments = new Object[raw.length];
            for (int i = 0; i < raw.length; i++) {
                arguments[i] = FfmTypes.box(parameters.get(i), raw[i]);
            }
            return result(callback.invoke(arguments));
        } catch (Throwable t) {
            failed(t);
            return zero;
        }
    }

    private void failed(Throwable t) {
        try {
            stubs.failed(signature, t, errors);
        } catch (Throwable logging) {
            // recording or logging it failed in turn: still nothing may leave the upcall
        }
    }

    private Object result(Object value) {
        NativeType type = signature.returnType();
        return switch (type) {
            case VOID -> null;
            case FLOAT -> (float) UpcallResults.floating(signature, value);
            case DOUBLE -> UpcallResults.floating(signature, value);
            case BOOLEAN -> (int) UpcallResults.integral(signature, value);
            default -> FfmTypes.carrier(type, UpcallResults.integral(signature, value));
        };
    }
}
