package io.nativebundle.api;

import java.util.function.Function;
import java.util.function.IntBinaryOperator;
import java.util.function.IntSupplier;
import java.util.function.IntUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.ToIntFunction;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One exported function of a native library, looked up by name: the JVM counterpart of Go's
 * {@code plugin.Lookup}. The loader registers one such service per function declared in
 * {@code NativeBundle-Symbols}, with the {@code nativebundle.symbol} property.
 *
 * <pre>{@code
 * @Reference(target = "(&(nativebundle.library=math)(nativebundle.symbol=add))")
 * NativeFunction add;
 * ...
 * Object five = add.invoke(2, 3);                      // checked, boxed
 * int six = add.asIntBinaryOperator().applyAsInt(3, 3); // typed, no boxing
 * }</pre>
 *
 * <p>Every call holds a lease on the library generation. After the bundle stops, is updated or
 * uninstalled, calls throw {@link NativeLibraryUnloadedException} and never reach native code.
 */
@ProviderType
public interface NativeFunction {

    /** The symbol name. */
    String name();

    /** The declared signature. */
    NativeSignature signature();

    /** The library the function belongs to. */
    NativeLibrary library();

    /**
     * Calls the function with arguments checked against the signature: {@code int}, {@code long},
     * {@code float}, {@code double}, {@code pointer} (a {@code long}), {@code string} (a
     * {@code String}), {@code buffer} (a {@code byte[]} or direct {@code ByteBuffer}).
     *
     * @return the result boxed, a {@code String} for {@code string}, {@code null} for {@code void}
     * @throws IllegalArgumentException for a wrong argument count or type, naming the expected signature
     * @throws NativeLibraryUnloadedException when the library generation is unloaded
     */
    Object invoke(Object... args);

    /** A typed view of an {@code (int,int)int} function, without boxing. */
    IntBinaryOperator asIntBinaryOperator();

    /** A typed view of an {@code (int)int} function. */
    IntUnaryOperator asIntUnaryOperator();

    /** A typed view of an {@code ()int} function. */
    IntSupplier asIntSupplier();

    /** A typed view of a {@code (long,long)long} function. */
    LongBinaryOperator asLongBinaryOperator();

    /** A typed view of a {@code ()void} function. */
    Runnable asRunnable();

    /** A typed view of a {@code (string)int} function. */
    ToIntFunction<String> asStringToIntFunction();

    /** A typed view of a {@code (string)string} function. */
    Function<String, String> asStringFunction();
}
