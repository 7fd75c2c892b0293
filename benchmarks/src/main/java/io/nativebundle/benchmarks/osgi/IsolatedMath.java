package io.nativebundle.benchmarks.osgi;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import io.nativebundle.benchmarks.BenchPaths;
import io.nativebundle.testsupport.BundleRewriter;

/**
 * The math bundle as it is, except for {@code isolation=process} at the end of its
 * {@code NativeBundle-Library}: what a plugin author gets by adding it in {@code bnd.bnd}.
 */
final class IsolatedMath {

    private IsolatedMath() {
    }

    static InputStream jar() {
        try {
            BundleRewriter math = BundleRewriter.of(BenchPaths.bundle("math"));
            return new ByteArrayInputStream(math.header("NativeBundle-Library",
                    math.header("NativeBundle-Library") + ";isolation=process").toBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
