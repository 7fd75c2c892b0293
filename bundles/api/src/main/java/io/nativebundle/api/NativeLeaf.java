package io.nativebundle.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the native function behind a typed interface method a leaf: it is short, never blocks
 * and never calls back into Java. On the FFM backend (JDK 22+) a leaf is called without the
 * thread state transition of an ordinary downcall ({@code Linker.Option.critical}), which makes
 * a call of a few nanoseconds about twice as fast; other backends call it as any function.
 *
 * <p>Misuse is the caller's risk where it cannot be detected: while a leaf runs the JVM cannot
 * reach a safepoint on that thread, so a leaf that blocks (I/O, a lock, a long loop) stalls every
 * garbage collection and every other thread that waits for one. A leaf method with a callback
 * parameter is refused when the library loads ({@code LOAD_FAILED}, naming the method).
 *
 * <pre>{@code
 * public interface MathLib {
 *     @NativeLeaf
 *     int add(int a, int b);
 * }
 * }</pre>
 *
 * @since 2.3.0
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NativeLeaf {
}
