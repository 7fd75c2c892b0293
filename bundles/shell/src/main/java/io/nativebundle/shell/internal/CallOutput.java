package io.nativebundle.shell.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.nativebundle.api.NativeCallResult;
import io.nativebundle.api.NativeParameter;
import io.nativebundle.api.NativeSignature;

/**
 * What {@code native:call} prints for a call with out-parameters or errno: the result on one line
 * (none for {@code void}), each out value as {@code label=value} in parameter order
 * ({@code exp=4}; an unnamed one {@code arg2}), then {@code errno=34 (Numerical result out of range)}
 * when errno is captured and not 0.
 */
final class CallOutput {

    private CallOutput() {
    }

    static String format(NativeSignature signature, NativeCallResult result) {
        List<String> lines = new ArrayList<>();
        String value = ValueFormatter.format(signature.returnType(), result.value());
        if (value != null) {
            lines.add(value);
        }
        Map<String, Object> outs = result.outValues();
        for (NativeParameter p : signature.parameterList()) {
            if (p.returnsValue()) {
                Object out = outs.get(p.label());
                lines.add(p.label() + "=" + (p.isArray() ? elements(p, out) : ValueFormatter.format(p.type(), out)));
            }
        }
        result.errno().ifPresent(errno -> {
            if (errno != 0) {
                lines.add("errno=" + errno + result.errnoMessage().map(m -> " (" + m + ")").orElse(""));
            }
        });
        return lines.isEmpty() ? null : String.join("\n", lines);
    }

    /** {@code [9, 9, 3, 4]}, each element as a value of the element type; {@code null} for none. */
    private static String elements(NativeParameter p, Object array) {
        if (array == null) {
            return "null";
        }
        java.util.StringJoiner out = new java.util.StringJoiner(", ", "[", "]");
        for (int i = 0; i < java.lang.reflect.Array.getLength(array); i++) {
            out.add(ValueFormatter.format(p.type(), java.lang.reflect.Array.get(array, i)));
        }
        return out.toString();
    }
}
