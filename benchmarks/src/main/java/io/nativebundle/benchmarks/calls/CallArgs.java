package io.nativebundle.benchmarks.calls;

import java.util.function.IntBinaryOperator;
import java.util.function.ToIntFunction;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The arguments of every call, in non-final fields so that the JIT cannot fold them, and the
 * check that a path computes the right thing before it is measured.
 */
@State(Scope.Thread)
public class CallArgs {

    /** ASCII, so modified UTF-8 (JNI) and UTF-8 (jnr-ffi, JNA) give the same 19 bytes. */
    public static final String TEXT = "hello, nativebundle";

    public int a = 2;
    public int b = 3;
    public String text = TEXT;

    /** Fails the setup when a path does not add or count correctly. */
    static void verify(String path, IntBinaryOperator add, Runnable noop, ToIntFunction<String> length) {
        int sum = add.applyAsInt(2, 3);
        int bytes = length.applyAsInt(TEXT);
        noop.run();
        if (sum != 5 || bytes != TEXT.length()) {
            throw new IllegalStateException(path + " computes add(2,3)=" + sum + " and length(\"" + TEXT + "\")="
                    + bytes + "; expected 5 and " + TEXT.length());
        }
    }
}
