package io.nativebundle.loader.internal.backend.ffm;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import io.nativebundle.api.NativeType;
import io.nativebundle.loader.internal.backend.VariableAccessor;

/**
 * An exported variable read and written through a segment exactly as wide as its type, in the
 * generation's arena: once the generation is closed, an access fails instead of touching memory
 * that may be unmapped.
 */
final class FfmVariable implements VariableAccessor {

    private final MemorySegment segment;
    private final NativeType type;

    FfmVariable(MemorySegment segment, NativeType type) {
        this.segment = segment;
        this.type = type;
    }

    @Override
    public long getLong() {
        return switch (type) {
            case BYTE -> segment.get(ValueLayout.JAVA_BYTE, 0);
            case SHORT -> segment.get(ValueLayout.JAVA_SHORT, 0);
            case INT -> segment.get(ValueLayout.JAVA_INT, 0);
            case LONG -> segment.get(ValueLayout.JAVA_LONG, 0);
            default -> segment.get(ValueLayout.ADDRESS, 0).address();
        };
    }

    @Override
    public void setLong(long value) {
        switch (type) {
            case BYTE -> segment.set(ValueLayout.JAVA_BYTE, 0, (byte) value);
            case SHORT -> segment.set(ValueLayout.JAVA_SHORT, 0, (short) value);
            case INT -> segment.set(ValueLayout.JAVA_INT, 0, (int) value);
            case LONG -> segment.set(ValueLayout.JAVA_LONG, 0, value);
            default -> segment.set(ValueLayout.ADDRESS, 0, MemorySegment.ofAddress(value));
        }
    }

    @Override
    public double getDouble() {
        return type == NativeType.FLOAT ? segment.get(ValueLayout.JAVA_FLOAT, 0) : segment.get(ValueLayout.JAVA_DOUBLE, 0);
    }

    @Override
    public void setDouble(double value) {
        if (type == NativeType.FLOAT) {
            segment.set(ValueLayout.JAVA_FLOAT, 0, (float) value);
        } else {
            segment.set(ValueLayout.JAVA_DOUBLE, 0, value);
        }
    }
}
