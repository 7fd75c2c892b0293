package io.nativebundle.api;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What one call of {@link NativeFunction#call} produced: the result, the value of every
 * {@code out} and {@code inout} parameter, and errno when the signature captures it.
 *
 * <pre>{@code
 * // frexp = (double x, out int exp)double
 * NativeCallResult r = frexp.call(8.0);
 * r.value();                     // 0.5
 * r.outValues().get("exp");      // 4
 * r.errno();                     // OptionalInt.empty(): frexp does not capture errno
 * }</pre>
 *
 * <p>Serializable since 2.3.0: a call through an imported {@link NativeFunction} returns it from
 * the exporting framework, the values of {@code out} and {@code inout} parameters (arrays
 * included) with it. The result and the out values must then be serializable themselves, as the
 * carriers of every type that crosses are ({@code io.nativebundle.contract.RemoteTypes}). A
 * stream that breaks its invariants (no out values, an errno text without an errno) is refused
 * with an {@link InvalidObjectException}.
 *
 * @since 2.2.0
 */
public final class NativeCallResult implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Object value;
    private final Map<String, Object> outValues;
    private final OptionalInt errno;
    private final Optional<String> errnoMessage;

    /**
     * @param value     the result as {@link NativeFunction#invoke} returns it
     * @param outValues the out values by {@link NativeParameter#label()}, in parameter order
     * @param errno     errno right after the call, when the signature captures it
     */
    public NativeCallResult(Object value, Map<String, Object> outValues, OptionalInt errno) {
        this(value, outValues, errno, Optional.empty());
    }

    /**
     * @param errnoMessage the C library's text for a non-zero errno ({@code strerror}), if known
     */
    public NativeCallResult(Object value, Map<String, Object> outValues, OptionalInt errno,
                            Optional<String> errnoMessage) {
        this.value = value;
        this.outValues = unmodifiableCopy(outValues);
        this.errno = Objects.requireNonNull(errno, "errno");
        this.errnoMessage = Objects.requireNonNull(errnoMessage, "errnoMessage");
    }

    /** The types of map kept as they are given: they cannot change, and hold at most one value. */
    private static final Class<?> EMPTY = Collections.emptyMap().getClass();
    private static final Class<?> SINGLE = Collections.singletonMap("", "").getClass();

    /**
     * A copy of the out values no one can change. Most calls have none or one (a struct filled
     * through a pointer), which need no {@code LinkedHashMap} of their own: the call path of a
     * backend that passes an empty or single map gives nothing to copy.
     */
    private static Map<String, Object> unmodifiableCopy(Map<String, Object> outValues) {
        if (outValues.getClass() == EMPTY || outValues.getClass() == SINGLE) {
            return outValues;
        }
        switch (outValues.size()) {
            case 0:
                return Collections.emptyMap();
            case 1:
                Map.Entry<String, Object> only = outValues.entrySet().iterator().next();
                return Collections.singletonMap(only.getKey(), only.getValue());
            default:
                return Collections.unmodifiableMap(new LinkedHashMap<>(outValues));
        }
    }

    /** The result: boxed by the return type, a {@link NativeStruct} for a struct, {@code null} for {@code void}. */
    public Object value() {
        return value;
    }

    /**
     * The values the callee wrote through {@code out} and {@code inout} parameters, by
     * {@link NativeParameter#label()} ({@code exp}, or {@code arg2} for an unnamed one), in
     * parameter order; empty when there are none.
     */
    public Map<String, Object> outValues() {
        return outValues;
    }

    /** errno as the call left it on the calling thread; empty unless the signature says {@code errno}. */
    public OptionalInt errno() {
        return errno;
    }

    /**
     * The C library's text for {@link #errno()} when it is not 0, as {@code strerror} gives it
     * ({@code Numerical result out of range}); empty otherwise.
     */
    public Optional<String> errnoMessage() {
        return errnoMessage;
    }

    private Object writeReplace() {
        return new Form(value, new LinkedHashMap<>(outValues), errno.isPresent() ? errno.getAsInt() : null,
                errnoMessage.orElse(null));
    }

    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw SerialForms.formOnly(NativeCallResult.class);
    }

    /** The serial form: the optional parts as nullable values, which serialization carries. */
    private static final class Form implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Object value;
        private final LinkedHashMap<String, Object> outValues;
        private final Integer errno;
        private final String errnoMessage;

        Form(Object value, LinkedHashMap<String, Object> outValues, Integer errno, String errnoMessage) {
            this.value = value;
            this.outValues = outValues;
            this.errno = errno;
            this.errnoMessage = errnoMessage;
        }

        private Object readResolve() throws InvalidObjectException {
            if (outValues == null) {
                throw SerialForms.malformed(NativeCallResult.class, "a map of out values, empty when there are none",
                        "null");
            }
            for (String label : outValues.keySet()) {
                if (label == null || label.isEmpty()) {
                    throw SerialForms.malformed(NativeCallResult.class, "a parameter's label for each out value",
                            label == null ? "null" : "''");
                }
            }
            if (errnoMessage != null && errno == null) {
                throw SerialForms.malformed(NativeCallResult.class, "an errno text only with an errno",
                        "'" + errnoMessage + "' without one");
            }
            return new NativeCallResult(value, outValues, errno == null ? OptionalInt.empty() : OptionalInt.of(errno),
                    Optional.ofNullable(errnoMessage));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NativeCallResult r && Objects.deepEquals(value, r.value) && errno.equals(r.errno)
                && sameOutValues(r.outValues);
    }

    /** Out values compared by content: an array out value is a new array in every result. */
    private boolean sameOutValues(Map<String, Object> other) {
        if (!outValues.keySet().equals(other.keySet())) {
            return false;
        }
        return outValues.entrySet().stream().allMatch(e -> Objects.deepEquals(e.getValue(), other.get(e.getKey())));
    }

    @Override
    public int hashCode() {
        int h = errno.hashCode();
        for (Map.Entry<String, Object> e : outValues.entrySet()) {
            h = 31 * h + e.getKey().hashCode() ^ java.util.Arrays.deepHashCode(new Object[] {e.getValue()});
        }
        return h * 31 + java.util.Arrays.deepHashCode(new Object[] {value});
    }

    @Override
    public String toString() {
        return "NativeCallResult[value=" + value + ", out=" + outValues + ", errno=" + errno + "]";
    }
}
