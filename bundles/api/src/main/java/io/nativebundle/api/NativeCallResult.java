package io.nativebundle.api;

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
 * @since 2.2.0
 */
public final class NativeCallResult {

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
        this.outValues = Collections.unmodifiableMap(new LinkedHashMap<>(outValues));
        this.errno = Objects.requireNonNull(errno, "errno");
        this.errnoMessage = Objects.requireNonNull(errnoMessage, "errnoMessage");
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

    @Override
    public boolean equals(Object o) {
        return o instanceof NativeCallResult r && Objects.deepEquals(value, r.value) && outValues.equals(r.outValues)
                && errno.equals(r.errno);
    }

    @Override
    public int hashCode() {
        return Objects.hash(outValues, errno) * 31 + Objects.hashCode(value);
    }

    @Override
    public String toString() {
        return "NativeCallResult[value=" + value + ", out=" + outValues + ", errno=" + errno + "]";
    }
}
