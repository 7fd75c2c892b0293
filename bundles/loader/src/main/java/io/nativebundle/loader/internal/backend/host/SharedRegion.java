package io.nativebundle.loader.internal.backend.host;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The file shared with the host processes of one generation, mapped once: its header, which the
 * JVM prepares before each start and the host reports through, and its slots ({@link Slot}). It
 * lives in the runtime's own cache folder ({@code <runtime>/host/shm/}, readable by this user
 * only; not in the generation's folder, where the unloader looks for libraries the dynamic linker
 * keeps mapped) and outlives the host processes of the generation: each restart prepares the
 * header again and keeps the slots' sequence numbers. The generation's close deletes it; the JVM's
 * mapping goes with the buffer, at the next collection.
 *
 * <p>Words the other side reads are written with release or volatile semantics through a
 * {@link VarHandle} on the mapped buffer; the futex words are reached by address.
 */
final class SharedRegion {

    private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());

    private final Path file;
    private final MappedByteBuffer buffer;
    private final int slots;
    private final int slotBytes;
    private final long address;
    private final Futex futex;

    private SharedRegion(Path file, MappedByteBuffer buffer, int slots, int slotBytes, Futex futex) {
        this.file = file;
        this.buffer = buffer;
        this.slots = slots;
        this.slotBytes = slotBytes;
        this.futex = futex;
        this.address = futex.address(buffer);
    }

    /**
     * Creates {@code file}, readable and writable by this user only, with {@code slots} slots (the
     * control slot included) of {@code dataBytes} of data each.
     */
    static SharedRegion create(Path file, int slots, int dataBytes, Futex futex) throws IOException {
        int slotBytes = roundUp(Wire.SLOT_HEADER_BYTES + dataBytes, 4096);
        long size = Wire.HEADER_BYTES + (long) slots * slotBytes;
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        MappedByteBuffer buffer;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            // sparse: pages cost memory only once a call touches them
            channel.truncate(0);
            channel.write(java.nio.ByteBuffer.wrap(new byte[1]), size - 1);
            buffer = channel.map(FileChannel.MapMode.READ_WRITE, 0, size);
        }
        buffer.order(ByteOrder.nativeOrder());
        return new SharedRegion(file, buffer, slots, slotBytes, futex);
    }

    Path file() {
        return file;
    }

    int slots() {
        return slots;
    }

    /** The bytes of one slot's data area. */
    int dataBytes() {
        return slotBytes - Wire.SLOT_HEADER_BYTES;
    }

    Futex futex() {
        return futex;
    }

    /**
     * Prepares the header for a host of incarnation {@code epoch}: its limits and files, the
     * fault record cleared, the state {@code STARTING}.
     */
    void prepare(int epoch, long maxAddressSpace, long maxCpuSeconds, long stackBytes, long spinNanos, List<Path> files) {
        byte[] names = fileList(files);
        buffer.putInt(Wire.H_MAGIC, Wire.MAGIC);
        buffer.putInt(Wire.H_VERSION, Wire.VERSION);
        buffer.putInt(Wire.H_SLOTS, slots);
        buffer.putInt(Wire.H_SLOT_BYTES, slotBytes);
        buffer.putInt(Wire.H_EPOCH, epoch);
        buffer.putLong(Wire.H_PID, 0L);
        buffer.putLong(Wire.H_LIMIT_AS, maxAddressSpace);
        buffer.putLong(Wire.H_LIMIT_CPU, maxCpuSeconds);
        buffer.putLong(Wire.H_STACK_BYTES, stackBytes);
        buffer.putInt(Wire.H_SPIN_NANOS, (int) Math.min(spinNanos, Integer.MAX_VALUE));
        buffer.putInt(Wire.H_FILE_COUNT, files.size());
        buffer.putInt(Wire.H_FAULT_SIGNAL, 0);
        buffer.putInt(Wire.H_FAULT_CODE, 0);
        buffer.putLong(Wire.H_FAULT_ADDRESS, 0L);
        buffer.putInt(Wire.H_FAULT_SLOT, -1);
        buffer.putInt(Wire.H_FAULT_FLAGS, 0);
        buffer.put(Wire.H_FILES, names);
        buffer.put(Wire.H_MESSAGE, new byte[Wire.H_MESSAGE_BYTES]);
        INT.setVolatile(buffer, Wire.H_STATE, Wire.STATE_STARTING);
    }

    private static byte[] fileList(List<Path> files) {
        StringBuilder b = new StringBuilder();
        for (Path f : files) {
            b.append(f.toAbsolutePath()).append('\0');
        }
        byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > Wire.H_FILES_BYTES) {
            throw new IllegalArgumentException("the paths of " + files + " take " + bytes.length + " bytes; the host"
                    + " takes at most " + Wire.H_FILES_BYTES);
        }
        byte[] padded = new byte[Wire.H_FILES_BYTES];
        System.arraycopy(bytes, 0, padded, 0, bytes.length);
        return padded;
    }

    int state() {
        return (int) INT.getVolatile(buffer, Wire.H_STATE);
    }

    /** Sleeps while the header's state is {@code state}, at most {@code micros}. */
    void awaitStateChange(int state, long micros) {
        futex.await(address + Wire.H_STATE, state, micros);
    }

    long hostPid() {
        return buffer.getLong(Wire.H_PID);
    }

    /** Why the host could not start, as it wrote it. */
    String message() {
        byte[] bytes = new byte[Wire.H_MESSAGE_BYTES];
        buffer.get(Wire.H_MESSAGE, bytes);
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    /** What the host's signal handler noted, read after the host ended. */
    Fault fault() {
        VarHandle.acquireFence();
        return new Fault(buffer.getInt(Wire.H_FAULT_SIGNAL), buffer.getInt(Wire.H_FAULT_CODE),
                buffer.getLong(Wire.H_FAULT_ADDRESS), buffer.getInt(Wire.H_FAULT_SLOT),
                (buffer.getInt(Wire.H_FAULT_FLAGS) & Wire.FAULT_STACK_OVERFLOW) != 0);
    }

    /**
     * A fatal signal the host noted.
     *
     * @param signal 0 when none was noted
     * @param slot   the slot whose call was running on the faulting thread, -1 for another thread
     */
    record Fault(int signal, int code, long address, int slot, boolean stackOverflow) {
    }

    // --- slots ---

    int slotBase(int index) {
        return Wire.HEADER_BYTES + index * slotBytes;
    }

    int dataBase(int index) {
        return slotBase(index) + Wire.SLOT_HEADER_BYTES;
    }

    MappedByteBuffer buffer() {
        return buffer;
    }

    int getVolatile(int offset) {
        return (int) INT.getVolatile(buffer, offset);
    }

    int getAcquire(int offset) {
        return (int) INT.getAcquire(buffer, offset);
    }

    void setVolatile(int offset, int value) {
        INT.setVolatile(buffer, offset, value);
    }

    void setOpaque(int offset, int value) {
        INT.setOpaque(buffer, offset, value);
    }

    /** Sleeps while the word at {@code offset} holds {@code expected}, at most {@code micros}. */
    void await(int offset, int expected, long micros) {
        futex.await(address + offset, expected, micros);
    }

    void wake(int offset) {
        futex.wake(address + offset);
    }

    private static int roundUp(int n, int unit) {
        return (n + unit - 1) / unit * unit;
    }
}
