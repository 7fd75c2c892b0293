package io.nativebundle.loader.internal.backend.host;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.NativeType;
import io.nativebundle.loader.internal.backend.FunctionInvoker;

/**
 * A function of a library that runs out of process: each call takes a slot, writes its
 * parameters into the shared file, lets a host thread call the function with libffi and reads
 * the result back. Strings and buffers are copied in; a buffer is copied back out after the call,
 * as the in-process backend does with a {@code byte[]}. The typed paths write and read the cells
 * directly and allocate nothing but a returned {@code String}.
 */
final class HostFunction implements FunctionInvoker {

    private final HostChannel channel;
    private final int index;
    private final String symbol;
    private final NativeSignature signature;
    private final Optional<Duration> timeout;

    HostFunction(HostChannel channel, int index, String symbol, NativeSignature signature, Optional<Duration> timeout) {
        this.channel = channel;
        this.index = index;
        this.symbol = symbol;
        this.signature = signature;
        this.timeout = timeout;
    }

    @Override
    public Object invoke(Object[] arguments) {
        Slot slot = channel.begin(symbol);
        try {
            List<NativeType> parameters = signature.parameters();
            int epoch = slot.process().epoch();
            slot.begin(parameters.size());
            long[] cells = new long[parameters.size()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = put(slot, i, parameters.get(i), arguments[i], epoch);
            }
            channel.exchange(slot, Wire.OP_CALL, index, symbol, timeout);
            Object result = result(slot, signature.returnType(), epoch);
            for (int i = 0; i < cells.length; i++) {
                if (parameters.get(i) == NativeType.BUFFER && arguments[i] != null) {
                    copyBack(slot, cells[i], arguments[i]);
                }
            }
            return result;
        } finally {
            channel.end(slot);
        }
    }

    /** Writes parameter {@code i}; returns its cell. */
    private long put(Slot slot, int i, NativeType type, Object argument, int epoch) {
        long cell;
        switch (type) {
            case FLOAT -> {
                slot.floatCell(i, ((Number) argument).floatValue());
                return 0;
            }
            case DOUBLE -> {
                slot.doubleCell(i, ((Number) argument).doubleValue());
                return 0;
            }
            case BOOLEAN -> cell = (Boolean) argument ? 1 : 0;
            case POINTER -> cell = PointerHandles.address(((Number) argument).longValue(), epoch,
                    channel.identity().library(), symbol);
            case STRING -> cell = slot.appendString(argument == null ? null : argument.toString());
            case BUFFER -> cell = buffer(slot, argument);
            default -> cell = ((Number) argument).longValue();
        }
        slot.cell(i, cell);
        return cell;
    }

    private static long buffer(Slot slot, Object argument) {
        if (argument == null) {
            return Wire.NO_DATA & 0xffff_ffffL;
        }
        if (argument instanceof byte[] bytes) {
            return slot.append(bytes, 0, bytes.length, false);
        }
        ByteBuffer buffer = (ByteBuffer) argument;
        if (buffer.hasArray()) {
            return slot.append(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining(), false);
        }
        byte[] copy = new byte[buffer.remaining()];
        buffer.get(buffer.position(), copy);
        return slot.append(copy, 0, copy.length, false);
    }

    /** After the call: what the function wrote into a buffer goes back into the caller's array or buffer. */
    private static void copyBack(Slot slot, long cell, Object argument) {
        int length = (int) (cell >>> 32);
        if (argument instanceof byte[] bytes) {
            slot.read(cell, bytes, 0, length);
            return;
        }
        ByteBuffer buffer = (ByteBuffer) argument;
        if (buffer.isReadOnly()) {
            return;
        }
        byte[] copy = new byte[length];
        slot.read(cell, copy, 0, length);
        buffer.put(buffer.position(), copy);
    }

    private Object result(Slot slot, NativeType type, int epoch) {
        long cell = slot.cell(0);
        return switch (type) {
            case VOID -> null;
            case BYTE -> (byte) cell;
            case SHORT -> (short) cell;
            case INT -> (int) cell;
            case LONG -> cell;
            case FLOAT -> slot.floatCell(0);
            case DOUBLE -> slot.doubleCell(0);
            case BOOLEAN -> (int) cell != 0;
            case POINTER, BUFFER -> PointerHandles.handle(cell, epoch);
            case STRING -> slot.string(cell);
            // HostLibrary.function refuses every signature beyond the first vocabulary
            case UBYTE, USHORT, UINT, ULONG, STRUCT, CALLBACK -> throw new IllegalStateException("the host backend carries no "
                    + type.token() + " result");
        };
    }

    // --- the typed paths: no boxing, no arrays ---

    @Override
    public int intIntToInt(int a, int b) {
        Slot slot = channel.begin(symbol);
        try {
            slot.begin(2);
            slot.cell(0, a);
            slot.cell(1, b);
            channel.exchange(slot, Wire.OP_CALL, index, symbol, timeout);
            return (int) slot.cell(0);
        } finally {
            channel.end(slot);
        }
    }

    @Override
    public int intToInt(int a) {
        Slot slot = channel.begin(symbol);
        try {
            slot.begin(1);
            slot.cell(0, a);
            channel.exchange(slot, Wire.OP_CALL, index, symbol, timeout);
            return (int) slot.cell(0);
        } finally {
            channel.end(slot);
        }
    }

    @Override
    public int toInt() {
        Slot slot = channel.begin(symbol);
        try {
            slot.begin(0);
            channel.exchange(slot, Wire.OP_CALL, index, symbol, timeout);
            return (int) slot.cell(0);
        } finally {
            channel.end(slot);
        }
    }

    @Override
    public long longLongToLong(long a, long b) {
        Slot slot = channel.begin(symbol);
        try {
            slot.begin(2);
            slot.cell(0, a);
            slot.cell(1, b);
            channel.exchange(slot, Wire.OP_CALL, index, symbol, timeout);
            return slot.cell(0);
        } finally {
            channel.end(slot);
        }
    }

    @Override
    public void toVoid() {
        Slot slot = channel.begin(symbol);
        try {
            slot.begin(0);
            channel.exchange(slot, Wire.OP_CALL, index, symbol, timeout);
        } finally {
            channel.end(slot);
        }
    }

    @Override
    public int stringToInt(String text) {
        Slot slot = channel.begin(symbol);
        try {
            slot.begin(1);
            slot.cell(0, slot.appendString(text));
            channel.exchange(slot, Wire.OP_CALL, index, symbol, timeout);
            return (int) slot.cell(0);
        } finally {
            channel.end(slot);
        }
    }

    @Override
    public String stringToString(String text) {
        Slot slot = channel.begin(symbol);
        try {
            slot.begin(1);
            slot.cell(0, slot.appendString(text));
            channel.exchange(slot, Wire.OP_CALL, index, symbol, timeout);
            return slot.string(slot.cell(0));
        } finally {
            channel.end(slot);
        }
    }

    @Override
    public String toString() {
        return symbol + signature + " out of process";
    }
}
