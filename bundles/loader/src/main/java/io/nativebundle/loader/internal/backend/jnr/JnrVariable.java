package io.nativebundle.loader.internal.backend.jnr;

import com.kenai.jffi.MemoryIO;

import io.nativebundle.loader.internal.backend.VariableAccessor;

/** An exported variable read and written at its address with jffi's {@link MemoryIO}. */
final class JnrVariable implements VariableAccessor {

    private static final MemoryIO IO = MemoryIO.getInstance();

    private final long address;

    JnrVariable(long address) {
        this.address = address;
    }

    @Override
    public byte getByte() {
        return IO.getByte(address);
    }

    @Override
    public void setByte(byte value) {
        IO.putByte(address, value);
    }

    @Override
    public short getShort() {
        return IO.getShort(address);
    }

    @Override
    public void setShort(short value) {
        IO.putShort(address, value);
    }

    @Override
    public int getInt() {
        return IO.getInt(address);
    }

    @Override
    public void setInt(int value) {
        IO.putInt(address, value);
    }

    @Override
    public long getLong() {
        return IO.getLong(address);
    }

    @Override
    public void setLong(long value) {
        IO.putLong(address, value);
    }

    @Override
    public float getFloat() {
        return IO.getFloat(address);
    }

    @Override
    public void setFloat(float value) {
        IO.putFloat(address, value);
    }

    @Override
    public double getDouble() {
        return IO.getDouble(address);
    }

    @Override
    public void setDouble(double value) {
        IO.putDouble(address, value);
    }

    @Override
    public long getAddress() {
        return IO.getAddress(address);
    }

    @Override
    public void setAddress(long value) {
        IO.putAddress(address, value);
    }
}
