package io.nativebundle.benchmarks.osgi;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import io.nativebundle.benchmarks.BenchPaths;
import io.nativebundle.testsupport.BundleRewriter;

/**
 * The math bundle as it is, except that its {@code NativeBundle-Symbols} declares {@code add},
 * {@code noop} and {@code length} leaves ({@code leaf=true}): what an author gets by writing
 * {@code @NativeLeaf} on those methods of {@code MathLib}, or {@code leaf=true} in
 * {@code -nativebundle-symbols}. On FFM the typed methods become critical downcalls; jnr calls
 * them as before.
 */
final class LeafMath {

    /** The functions declared leaves. */
    static final String[] LEAVES = {"add", "noop", "length"};

    private LeafMath() {
    }

    static InputStream jar() {
        try {
            BundleRewriter math = BundleRewriter.of(BenchPaths.bundle("math"));
            String symbols = math.header("NativeBundle-Symbols");
            for (String leaf : LEAVES) {
                String declared = leaf + ";signature=";
                int at = symbols.indexOf(declared);
                int end = at < 0 ? -1 : symbols.indexOf('"', symbols.indexOf('"', at) + 1);
                if (end < 0) {
                    throw new IllegalStateException("the math bundle declares no function " + leaf + " in " + symbols);
                }
                symbols = symbols.substring(0, end + 1) + ";leaf=true" + symbols.substring(end + 1);
            }
            return new ByteArrayInputStream(math.header("NativeBundle-Symbols", symbols).toBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
