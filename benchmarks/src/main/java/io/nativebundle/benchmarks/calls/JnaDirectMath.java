package io.nativebundle.benchmarks.calls;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

import io.nativebundle.benchmarks.BenchPaths;

/** JNA direct mapping ({@code Native.register}) of libmath.so. */
public final class JnaDirectMath {

    private static boolean registered;

    private JnaDirectMath() {
    }

    public static native int add(int a, int b);

    public static native void noop();

    public static native int length(String text);

    static synchronized void register() {
        if (!registered) {
            Native.register(JnaDirectMath.class, NativeLibrary.getInstance(BenchPaths.mathLibrary().toString()));
            registered = true;
        }
    }
}
