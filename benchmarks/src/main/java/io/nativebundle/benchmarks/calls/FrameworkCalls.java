package io.nativebundle.benchmarks.calls;

import java.util.function.IntBinaryOperator;
import java.util.function.ToIntFunction;

import io.nativebundle.benchmarks.osgi.MathInFramework;

/**
 * The three calls of one path through a running framework, as the {@code java.util.function}
 * objects the consumer bundle built. The JMH states of the service benchmarks extend it.
 */
public abstract class FrameworkCalls {

    public MathInFramework framework;
    public IntBinaryOperator add;
    public Runnable noop;
    public ToIntFunction<String> length;

    @SuppressWarnings("unchecked")
    void use(String path, Object add, Object noop, Object length) {
        this.add = (IntBinaryOperator) add;
        this.noop = (Runnable) noop;
        this.length = (ToIntFunction<String>) length;
        CallArgs.verify(path, this.add, this.noop, this.length);
    }

    void close() {
        if (framework != null) {
            framework.close();
            framework = null;
        }
    }
}
