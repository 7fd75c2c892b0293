package io.nativebundle.loader.internal.backend.host;

import java.nio.MappedByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One slot of the shared file: a host thread on the other side, and while a caller holds it
 * ({@link SlotPool}), that caller's request and response. The caller writes the parameters as
 * cells and bytes into the data area ({@code wire.h}), {@link HostChannel#exchange} sends and
 * waits, and the caller reads the result from the same area.
 *
 * <p>Not thread-safe: one caller at a time holds a slot.
 */
final class Slot {

    private final SharedRegion region;
    private final MappedByteBuffer buffer;
    private final int index;
    private final int base;
    private final int data;
    private final int capacity;
    /** The last sequence number sent; only the holder reads and writes it, the pool publishes it. */
    private int sequence;
    /** The host process of the holder's call, from {@link HostChannel#begin}. */
    private HostProcess process;
    /** The function of the call in flight, for the report when the host dies; null when idle. */
    private volatile String inFlight;
    /** Where the variable bytes of the request go next. */
    private int cursor;

    Slot(SharedRegion region, int index) {
        this.region = region;
        this.buffer = region.buffer();
        this.index = index;
        this.base = region.slotBase(index);
        this.data = region.dataBase(index);
        this.capacity = region.dataBytes();
        this.sequence = region.getVolatile(base + Wire.S_REQ_SEQ);
    }

    int index() {
        return index;
    }

    int base() {
        return base;
    }

    SharedRegion region() {
        return region;
    }

    HostProcess process() {
        return process;
    }

    void process(HostProcess p) {
        process = p;
    }

    String inFlight() {
        return inFlight;
    }

    void inFlight(String symbol) {
        inFlight = symbol;
    }

    int nextSequence() {
        return ++sequence;
    }

    /** Starts a request with {@code cells} 8-byte cells; the variable bytes follow them. */
    void begin(int cells) {
        cursor = 8 * cells;
        ensure(cursor);
    }

    /** The bytes of the request so far. */
    int requestBytes() {
        return cursor;
    }

    void cell(int i, long value) {
        buffer.putLong(data + 8 * i, value);
    }

    void floatCell(int i, float value) {
        buffer.putLong(data + 8 * i, 0L);
        buffer.putFloat(data + 8 * i, value);
    }

    void doubleCell(int i, double value) {
        buffer.putDouble(data + 8 * i, value);
    }

    long cell(int i) {
        return buffer.getLong(data + 8 * i);
    }

    float floatCell(int i) {
        return buffer.getFloat(data + 8 * i);
    }

    double doubleCell(int i) {
        return buffer.getDouble(data + 8 * i);
    }

    /**
     * Appends {@code length} bytes (and a NUL when {@code terminate}) to the request.
     *
     * @return the cell that points at them: offset in the low, length in the high 32 bits
     */
    long append(byte[] bytes, int offset, int length, boolean terminate) {
        int at = align(cursor);
        int end = at + length + (terminate ? 1 : 0);
        ensure(end);
        buffer.put(data + at, bytes, offset, length);
        if (terminate) {
            buffer.put(data + at + length, (byte) 0);
        }
        cursor = end;
        return ((long) length << 32) | (at & 0xffff_ffffL);
    }

    /** Appends a string as NUL-terminated UTF-8; the cell for {@code null} is {@link Wire#NO_DATA}. */
    long appendString(String text) {
        if (text == null) {
            return Wire.NO_DATA & 0xffff_ffffL;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return append(utf8, 0, utf8.length, true);
    }

    /** Copies bytes of the data area, e.g. a buffer the function wrote, into {@code target}. */
    void read(long cell, byte[] target, int offset, int length) {
        buffer.get(data + (int) cell, target, offset, length);
    }

    /** The string a cell of the response points at, or null. */
    String string(long cell) {
        int at = (int) cell;
        if (at == Wire.NO_DATA) {
            return null;
        }
        int length = (int) (cell >>> 32);
        byte[] bytes = new byte[length];
        buffer.get(data + at, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The response of {@code length} bytes as text: the host's error message. */
    String message(int length) {
        byte[] bytes = new byte[Math.min(length, capacity)];
        buffer.get(data, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private void ensure(int bytes) {
        if (bytes > capacity) {
            throw new IllegalArgumentException("the arguments of this call take " + bytes + " bytes; a call of a library"
                    + " that runs out of process carries at most " + capacity + " (io.nativebundle.host.call.bytes)");
        }
    }

    private static int align(int n) {
        return (n + 7) & ~7;
    }
}
