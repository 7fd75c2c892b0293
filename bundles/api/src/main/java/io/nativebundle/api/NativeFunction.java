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
     * {@code String}), {@code buffer} (a {@code byte[]} or direct {@code ByteBuffer}); for the
     * types added in 2.2.0 see {@link #call}, which takes the same arguments.
     *
     * @return the result boxed, a {@code String} for {@code string}, {@code null} for {@code void},
     *         a {@link NativeStruct} for a struct, the unsigned types by their carrier
     *         ({@link NativeType}); the values of out-parameters and errno only through {@link #call}
     * @throws IllegalArgumentException for a wrong argument count or type, naming the expected signature
     * @throws NativeLibraryUnloadedException when the library generation is unloaded
     */
    Object invoke(Object... args);

    /**
     * Calls the function and returns the result with the values of its {@code out} and
     * {@code inout} parameters and, when the signature says {@code errno}, errno as the call left
     * it on this thread. {@code args} has one value per parameter the caller passes (every
     * parameter except the {@code out} ones), in order: the carriers of {@link #invoke}, a
     * {@link NativeStruct} of the parameter's layout for a struct, and for the unsigned types
     * {@code ubyte} a number from 0 to 255, {@code ushort} to 65535, {@code uint} to 4294967295
     * and {@code ulong} any {@code long} (its 64 bits). A value out of range is refused, never
     * truncated.
     *
     * <p>{@link #invoke} takes the same arguments and returns {@link NativeCallResult#value()}
     * only; for a signature of the first vocabulary both behave as before.
     *
     * @throws IllegalArgumentException for a wrong argument count or type, or a value out of range
     * @throws NativeLibraryUnloadedException when the library generation is unloaded
     * @since 2.2.0
     */
    NativeCallResult call(Object... args);

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
