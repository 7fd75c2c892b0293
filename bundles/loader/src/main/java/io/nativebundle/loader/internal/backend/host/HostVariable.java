package io.nativebundle.loader.internal.backend.host;

import java.util.Optional;

import io.nativebundle.api.NativeType;
import io.nativebundle.loader.internal.backend.VariableAccessor;

/**
 * An exported variable of a library that runs out of process, read and written by a host thread
 * at its address in the host; a {@code pointer} variable holds a handle ({@link PointerHandles}).
 */
final class HostVariable implements VariableAccessor {

    private final HostChannel channel;
    private final int index;
    private final String symbol;
    private final NativeType type;

    HostVariable(HostChannel channel, int index, String symbol, NativeType type) {
        this.channel = channel;
        this.index = index;
        this.symbol = symbol;
        this.type = type;
    }

    @Override
    public long getLong() {
        Slot slot = channel.begin(symbol);
        try {
            slot.begin(0);
            channel.exchange(slot, Wire.OP_GET, index, symbol, Optional.empty());
            long value = slot.cell(0);
            return type == NativeType.POINTER ? PointerHandles.handle(value, slot.process().epoch()) : value;
        } finally {
            channel.end(slot);
        }
    }

    @Override
    public void setLong(long value) {
        Slot slot = channel.begin(symbol);
        try {
            slot.begin(1);
            slot.cell(0, type == NativeType.POINTER
                    ? PointerHandles.address(value, slot.process().epoch(), channel.identity().library(), symbol) : value);
            channel.exchange(slot, Wire.OP_SET, index, symbol, Optional.empty());
        } finally {
            channel.end(slot);
        }
    }

    @Override
    public double getDouble() {
        Slot slot = channel.begin(symbol);
        try {
            slot.begin(0);
            channel.exchange(slot, Wire.OP_GET, index, symbol, Optional.empty());
            return type == NativeType.FLOAT ? slot.floatCell(0) : slot.doubleCell(0);
        } finally {
            channel.end(slot);
        }
    }

    @Override
    public void setDouble(double value) {
        Slot slot = channel.begin(symbol);
        try {
            slot.begin(1);
            if (type == NativeType.FLOAT) {
                slot.floatCell(0, (float) value);
            } else {
                slot.doubleCell(0, value);
            }
            channel.exchange(slot, Wire.OP_SET, index, symbol, Optional.empty());
        } finally {
            channel.end(slot);
        }
    }

    @Override
    public String toString() {
        return symbol + ":" + type.token() + " out of process";
    }
}
