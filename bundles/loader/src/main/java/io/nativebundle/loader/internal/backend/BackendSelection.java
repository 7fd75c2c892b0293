package io.nativebundle.loader.internal.backend;

import java.lang.reflect.InvocationTargetException;
import java.util.Optional;
import java.util.function.Function;

import io.nativebundle.api.NativeBundleConstants;

/**
 * Chooses the in-process backend from {@code io.nativebundle.backend}
 * ({@link NativeBundleConstants#BACKEND_PROPERTY}) and the JVM: unset, FFM on a JVM of 22 or
 * later where the FFM fragment is attached to the loader, jnr otherwise; {@code jnr} or
 * {@code ffm} force one where it can run. A value that cannot be honoured keeps jnr and comes with
 * a problem naming what was expected and what was found, for the log: the loader runs either way.
 *
 * <p>The FFM backend is compiled for Java 22 and lives in a fragment of the loader bundle
 * ({@code io.nativebundle.ffm}), so the loader finds it by name in its own class loader, where
 * the fragment's classes are: on Java 17 the fragment does not resolve and the class is absent.
 */
public final class BackendSelection {

    /** The FFM backend's class, in the fragment; its constructor takes the jnr backend. */
    static final String FFM_CLASS = "io.nativebundle.loader.internal.backend.ffm.FfmBackend";
    /** The first Java release whose {@code java.lang.foreign} is final. */
    static final int FFM_RELEASE = 22;
    static final String JNR = "jnr";
    static final String FFM = "ffm";

    /** The backend chosen, and why the configured one was not, if it was not. */
    public record Choice(NativeBackend backend, Optional<String> problem) {
    }

    private BackendSelection() {
    }

    /** The choice for this JVM and the configured value (null or blank: automatic). */
    public static Choice choose(String configured, NativeBackend jnr) {
        return choose(configured, Runtime.version().feature(), BackendSelection::loadFfm, jnr);
    }

    /**
     * @param release the JVM's feature release, e.g. 17 or 25
     * @param ffm     the FFM backend around {@code jnr}, or empty when its fragment is not attached
     */
    static Choice choose(String configured, int release, Function<NativeBackend, Optional<NativeBackend>> ffm,
            NativeBackend jnr) {
        String value = configured == null ? "" : configured.trim();
        if (value.isEmpty() && release < FFM_RELEASE) {
            return new Choice(jnr, Optional.empty());
        }
        if (value.isEmpty()) {
            try {
                return new Choice(ffm.apply(jnr).orElse(jnr), Optional.empty());
            } catch (IllegalStateException e) {
                return new Choice(jnr, Optional.of(e.getMessage() + "; running on jnr"));
            }
        }
        if (value.equals(JNR)) {
            return new Choice(jnr, Optional.empty());
        }
        String property = NativeBundleConstants.BACKEND_PROPERTY;
        if (!value.equals(FFM)) {
            return new Choice(jnr, Optional.of(property + " must be 'jnr' or 'ffm' (or unset: ffm on Java "
                    + FFM_RELEASE + "+, else jnr), found '" + value + "'; running on jnr"));
        }
        if (release < FFM_RELEASE) {
            return new Choice(jnr, Optional.of(property + "=ffm needs Java " + FFM_RELEASE
                    + " or later, found Java " + release + "; running on jnr"));
        }
        Optional<NativeBackend> backend;
        try {
            backend = ffm.apply(jnr);
        } catch (IllegalStateException e) {
            return new Choice(jnr, Optional.of(e.getMessage() + "; running on jnr"));
        }
        return backend.map(b -> new Choice(b, Optional.<String>empty()))
                .orElseGet(() -> new Choice(jnr, Optional.of(property + "=ffm needs the bundle io.nativebundle.ffm"
                        + " (a fragment of the loader) installed before the loader resolves, found none"
                        + " attached; running on jnr")));
    }

    /** The FFM backend if its fragment is attached; an {@code IllegalStateException} if it is and fails to start. */
    private static Optional<NativeBackend> loadFfm(NativeBackend jnr) {
        Class<?> type;
        try {
            type = Class.forName(FFM_CLASS, true, BackendSelection.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        } catch (LinkageError e) {
            throw new IllegalStateException("the FFM backend in " + FFM_CLASS + " could not be loaded: " + e, e);
        }
        try {
            return Optional.of((NativeBackend) type.getConstructor(NativeBackend.class).newInstance(jnr));
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the FFM backend could not start: " + e.getCause(), e.getCause());
        } catch (LinkageError e) {
            throw new IllegalStateException("the FFM backend could not start: " + e, e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the FFM backend in " + FFM_CLASS + " has no public constructor taking"
                    + " the jnr backend: " + e, e);
        }
    }
}
