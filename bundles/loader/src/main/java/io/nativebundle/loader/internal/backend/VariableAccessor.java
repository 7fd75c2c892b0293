package io.nativebundle.loader.internal.backend;

/**
 * Reads and writes one exported variable of a {@link BackendLibrary}, of the type it was made for
 * ({@link BackendLibrary#variable}): the backend reads and writes that many bytes. The loader
 * calls it inside the guard that keeps the generation open, and checks the values first: a value
 * written always fits the type.
 */
public interface VariableAccessor {

    /** An integral or {@code pointer} variable's value, sign-extended to 64 bits. */
    long getLong();

    /** Writes an integral or {@code pointer} variable, narrowed to its type. */
    void setLong(long value);

    /** A {@code float} or {@code double} variable's value. */
    double getDouble();

    /** Writes a {@code float} or {@code double} variable; for a {@code float} the value is one already. */
    void setDouble(double value);
}
