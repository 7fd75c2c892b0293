package io.nativebundle.loader.internal.backend.jnr;

import com.kenai.jffi.MemoryIO;

import io.nativebundle.api.NativeType;
import io.nativebundle.loader.internal.backend.VariableAccessor;

/** An exported variable read and written at its address with jffi's {@link MemoryIO}, as wide as its type. */
final class JnrVariable implements VariableAccessor {

    private static final MemoryIO IO = MemoryIO.getInstance();

    private final long address;
    private final NativeType type;

    JnrVariable(long address, NativeType type) {
        this.address = address;
        this.type = type;
    }

    @Override
    public long getLong() {
        return switch (type) {
            case BYTE -> IO.getByte(address);
            case SHORT -> IO.getShort(address);
            case INT -> IO.getInt(address);
            case LONG -> IO.getLong(address);
            default -> IO.getAddress(address);
        };
    }

    @Override
    public void setLong(long value) {
        switch (type) {
            case BYTE -> IO.putByte(address, (byte) value);
            case SHORT -> IO.putShort(address, (short) value);
            case INT -> IO.putInt(address, (int) value);
            case LONG -> IO.putLong(address, value);
            default -> IO.putAddress(address, value);
        }
    }

    @Override
    public double getDouble() {
        return type == NativeType.FLOAT ? IO.getFloat(address) : IO.getDouble(address);
    }

    @Override
    public void setDouble(double value) {
        if (type == NativeType.FLOAT) {
            IO.putFloat(address, (float) value);
        } else {
            IO.putDouble(address, value);
        }
    }
}
