package io.nativebundle.loader.internal.backend;

/**
 * Reads and writes one exported variable of a {@link BackendLibrary}. The loader calls only the
 * pair of the variable's declared type ({@code getInt}/{@code setInt} for an {@code int}, the
 * address pair for a {@code pointer}), inside the guard that keeps the generation open; range
 * and type checks of the values are the loader's.
 */
public interface VariableAccessor {

    byte getByte();

    void setByte(byte value);

    short getShort();

    void setShort(short value);

    int getInt();

    void setInt(int value);

    long getLong();

    void setLong(long value);

    float getFloat();

    void setFloat(float value);

    double getDouble();

    void setDouble(double value);

    /** A {@code pointer} variable: the address it holds. */
    long getAddress();

    void setAddress(long value);
}
