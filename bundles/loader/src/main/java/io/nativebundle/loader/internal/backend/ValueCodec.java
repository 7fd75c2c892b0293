package io.nativebundle.loader.internal.backend;

import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

import io.nativebundle.api.NativeStruct;
import io.nativebundle.api.NativeStructType;
import io.nativebundle.api.NativeType;
import io.nativebundle.contract.CScalars;
import io.nativebundle.contract.TypeName;

/**
 * Writes scalars and structs into the bytes C sees and reads them back, in the machine's byte
 * order, at the offsets of their {@link NativeStructType}: how a backend passes a struct by value
 * or by pointer and an out-parameter. Values are the API's carriers ({@code NativeStruct}'s
 * documentation); an unsigned value is written as its low bits and read back zero-extended.
 * {@link ArrayCodec} lays arrays out element by element with the same writers and readers.
 */
public final class ValueCodec {

    private ValueCodec() {
    }

    /** The bytes of {@code struct}, padding zeroed. */
    public static byte[] encode(NativeStruct struct) {
        ByteBuffer out = buffer(new byte[struct.type().size()]);
        write(out, 0, struct);
        return out.array();
    }

    /** The struct of {@code type} in {@code bytes} from {@code offset}. */
    public static NativeStruct decode(NativeStructType type, byte[] bytes, int offset) {
        return read(buffer(bytes), offset, type);
    }

    /** Writes the bytes of {@code struct} into {@code out} (native order) from {@code index}, padding left as it is. */
    public static void encode(NativeStruct struct, ByteBuffer out, int index) {
        write(out, index, struct);
    }

    /** The struct of {@code type} in {@code in} (native order) from {@code index}. */
    public static NativeStruct decode(NativeStructType type, ByteBuffer in, int index) {
        return read(in, index, type);
    }

    /** Writes one scalar carrier into {@code out} (native order) at {@code index}. */
    public static void encodeScalar(NativeType type, Object value, ByteBuffer out, int index) {
        writeScalar(out, index, type, value);
    }

    /** The scalar of {@code type} in {@code in} (native order) at {@code index}, as its carrier. */
    public static Object decodeScalar(NativeType type, ByteBuffer in, int index) {
        return readScalar(in, index, type);
    }

    /** The size in memory of a scalar of {@code type} (a C {@code int} for {@code boolean}): the contract's rule. */
    public static int size(NativeType type) {
        // NativeType names its constants after the contract's TypeName
        return CScalars.size(TypeName.valueOf(type.name()));
    }

    /** The bytes of one scalar carrier. */
    public static byte[] encodeScalar(NativeType type, Object value) {
        ByteBuffer out = buffer(new byte[size(type)]);
        writeScalar(out, 0, type, value);
        return out.array();
    }

    /** The scalar of {@code type} at the start of {@code bytes}, as its carrier. */
    public static Object decodeScalar(NativeType type, byte[] bytes) {
        return readScalar(buffer(bytes), 0, type);
    }

    static ByteBuffer buffer(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
    }

    static void write(ByteBuffer out, int base, NativeStruct struct) {
        for (NativeStructType.Field field : struct.type().fields()) {
            Object value = struct.get(field.name());
            int at = base + field.offset();
            if (field.count() == 0) {
                writeOne(out, at, field, value);
            } else {
                for (int i = 0; i < field.count(); i++) {
                    writeOne(out, at + i * field.elementSize(), field, Array.get(value, i));
                }
            }
        }
    }

    private static void writeOne(ByteBuffer out, int at, NativeStructType.Field field, Object value) {
        if (field.type() == NativeType.STRUCT) {
            write(out, at, (NativeStruct) value);
        } else {
            writeScalar(out, at, field.type(), value);
        }
    }

    static NativeStruct read(ByteBuffer in, int base, NativeStructType type) {
        // in field order, not by name: a struct read on the call path builds no map
        List<NativeStructType.Field> fields = type.fields();
        Object[] values = new Object[fields.size()];
        for (int f = 0; f < values.length; f++) {
            NativeStructType.Field field = fields.get(f);
            int at = base + field.offset();
            if (field.count() == 0) {
                values[f] = readOne(in, at, field);
            } else {
                Object array = Array.newInstance(field.arrayClass().getComponentType(), field.count());
                for (int i = 0; i < field.count(); i++) {
                    Array.set(array, i, readOne(in, at + i * field.elementSize(), field));
                }
                values[f] = array;
            }
        }
        return NativeStruct.of(type, Arrays.asList(values));
    }

    private static Object readOne(ByteBuffer in, int at, NativeStructType.Field field) {
        return field.type() == NativeType.STRUCT ? read(in, at, field.structType().orElseThrow())
                : readScalar(in, at, field.type());
    }

    static void writeScalar(ByteBuffer out, int at, NativeType type, Object value) {
        switch (type) {
            case BYTE: case UBYTE: out.put(at, (byte) ((Number) value).longValue()); break;
            case SHORT: case USHORT: out.putShort(at, (short) ((Number) value).longValue()); break;
            case INT: case UINT: out.putInt(at, (int) ((Number) value).longValue()); break;
            case LONG: case ULONG: case POINTER: out.putLong(at, ((Number) value).longValue()); break;
            case FLOAT: out.putFloat(at, ((Number) value).floatValue()); break;
            case DOUBLE: out.putDouble(at, ((Number) value).doubleValue()); break;
            case BOOLEAN: out.putInt(at, (Boolean) value ? 1 : 0); break;
            default: throw new IllegalArgumentException("a " + type.token() + " is not stored by value");
        }
    }

    static Object readScalar(ByteBuffer in, int at, NativeType type) {
        switch (type) {
            case BYTE: return in.get(at);
            case UBYTE: return (short) (in.get(at) & 0xFF);
            case SHORT: return in.getShort(at);
            case USHORT: return in.getShort(at) & 0xFFFF;
            case INT: return in.getInt(at);
            case UINT: return in.getInt(at) & 0xFFFF_FFFFL;
            case LONG: case ULONG: case POINTER: return in.getLong(at);
            case FLOAT: return in.getFloat(at);
            case DOUBLE: return in.getDouble(at);
            case BOOLEAN: return in.getInt(at) != 0;
            default: throw new IllegalArgumentException("a " + type.token() + " is not stored by value");
        }
    }
}
