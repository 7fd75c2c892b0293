package io.nativebundle.benchmarks.calls;

import java.nio.file.Files;
import java.nio.file.Path;

import io.nativebundle.benchmarks.BenchPaths;
import io.nativebundle.benchmarks.UnavailableException;

/** The hand-written JNI binding of the math functions (src/main/c/jnimath.c). */
public final class JniMath {

    private static boolean loaded;

    private JniMath() {
    }

    public static native int add(int a, int b);

    public static native void noop();

    public static native int length(String text);

    /** Loads {@code libjnimath.so}; it exists on linux/x86-64 only. */
    public static synchronized void load() throws UnavailableException {
        if (loaded) {
            return;
        }
        Path library = BenchPaths.jniLibrary();
        if (!Files.isRegularFile(library)) {
            throw new UnavailableException("the JNI stub " + library + " was not built (linux/x86-64 only; this is "
                    + System.getProperty("os.arch") + ")");
        }
        System.load(library.toString());
        loaded = true;
    }
}
