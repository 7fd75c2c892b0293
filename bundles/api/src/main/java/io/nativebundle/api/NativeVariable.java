package io.nativebundle.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * An exported data symbol of a native library, read and written through its address: the
 * counterpart of an exported {@code var} in a Go plugin. Declared in {@code NativeBundle-Symbols}
 * as {@code counter;kind=variable;type=int} and registered with the {@code nativebundle.symbol}
 * property.
 *
 * <pre>{@code
 * counter.setInt(41);
 * int seenByC = counter.getInt();
 * }</pre>
 *
 * <p>Accesses are guarded like function calls: after unload they throw
 * {@link NativeLibraryUnloadedException}. Accessors of another type than the declared one throw
 * {@link IllegalStateException} naming the declared type.
 */
@ProviderType
public interface NativeVariable {

    /** The symbol name. */
    String name();

    /** The declared type: {@code byte}, {@code short}, {@code int}, {@code long}, {@code float}, {@code double} or {@code pointer}. */
    NativeType type();

    /** The library the variable belongs to. */
    NativeLibrary library();

    /** The value, boxed according to the declared type. */
    Object get();

    /** Sets the value; {@code value} must be a number that fits the declared type. */
    void set(Object value);

    int getInt();

    void setInt(int value);

    long getLong();

    void setLong(long value);

    double getDouble();

    void setDouble(double value);
}
