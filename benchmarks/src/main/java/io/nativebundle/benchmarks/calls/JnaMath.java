package io.nativebundle.benchmarks.calls;

import com.sun.jna.Library;
import com.sun.jna.Native;

import io.nativebundle.benchmarks.BenchPaths;

/** JNA interface mapping ({@code Native.load}) of libmath.so. */
public interface JnaMath extends Library {

    int add(int a, int b);

    void noop();

    int length(String text);

    static JnaMath load() {
        return Native.load(BenchPaths.mathLibrary().toString(), JnaMath.class);
    }
}
