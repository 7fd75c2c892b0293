package io.nativebundle.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Passes a {@code jnr.ffi.Struct} of a typed interface by value, as C does with a
 * {@code struct point} (not a {@code struct point *}): on a parameter, the struct's bytes are the
 * argument; on a method, the function returns such a struct, and the method a new instance of its
 * {@code Struct} class (made through its {@code (jnr.ffi.Runtime)} constructor) holding them.
 * Without it a {@code Struct} parameter is passed by pointer, and a {@code Struct} result is
 * refused at build (jnr-ffi passes structs by pointer only).
 *
 * <pre>{@code
 * public interface Geometry {
 *     final class Point extends Struct {
 *         public final Signed32 x = new Signed32();
 *         public final Signed32 y = new Signed32();
 *         public Point(jnr.ffi.Runtime runtime) { super(runtime); }
 *     }
 *
 *     // struct point point_add(struct point a, struct point b);
 *     @ByValue
 *     Point point_add(@ByValue Point a, @ByValue Point b);
 * }
 * }</pre>
 *
 * <p>The bnd plugin writes the struct's layout into {@code NativeBundle-Symbols}
 * ({@code point_add;signature="(Point{x:int,y:int},Point{x:int,y:int})Point{x:int,y:int}"}), so
 * the function is also a {@code NativeFunction}; the typed method is called through that same
 * declaration, with the guard of every typed method (metrics, unload, errno with
 * {@code @SaveError}). A library that runs out of process ({@code isolation=process}) refuses such
 * a method when it loads.
 *
 * @since 2.3.0
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.METHOD})
public @interface ByValue {
}
