package io.nativebundle.loader.internal.call;

import io.nativebundle.api.NativeLibrary;
import io.nativebundle.api.NativeType;
import io.nativebundle.api.NativeVariable;
import io.nativebundle.contract.TypeName;
import io.nativebundle.loader.internal.backend.VariableAccessor;

/**
 * A {@link NativeVariable} service: an exported data symbol read and written through its
 * backend's {@link VariableAccessor}, guarded like a function call.
 *
 * <p>Typed getters read the declared type and what widens from it without loss ({@code getInt}
 * an {@code int}, {@code short} or {@code byte}; {@code getLong} any integer or a
 * {@code pointer}; {@code getDouble} a {@code double} or {@code float}). Typed setters write
 * only their own type ({@code setLong} also a {@code pointer}); {@link #set(Object)} takes any
 * number that fits. Accesses are not counted in the metrics, which are about calls.
 */
public final class NativeVariableService extends SymbolGuard<VariableAccessor> implements NativeVariable {

    private final NativeType type;

    public NativeVariableService(String name, NativeType type, NativeLibrary library, VariableAccessor target,
                                 Lease lease) {
        super(name, library, target, lease);
        if (!isVariableType(type)) {
            throw new IllegalArgumentException("variable '" + name + "' has type " + type.token()
                    + "; a variable is one of " + TypeName.variableVocabulary());
        }
        this.type = type;
    }

    /** Whether a variable may be declared with {@code type}: the contract's rule, {@link TypeName#isVariableType()}. */
    public static boolean isVariableType(NativeType type) {
        return TypeName.of(type.token()).filter(TypeName::isVariableType).isPresent();
    }

    @Override
    public NativeType type() {
        return type;
    }

    @Override
    public Object get() {
        switch (type) {
            case BYTE: return (byte) readLong();
            case SHORT: return (short) readLong();
            case INT: return (int) readLong();
            case FLOAT: return (float) readDouble();
            case DOUBLE: return readDouble();
            default: return readLong();
        }
    }

    @Override
    public void set(Object value) {
        Number n = VariableValues.check(name(), type, value);
        if (type == NativeType.FLOAT) {
            writeDouble(n.floatValue());
        } else if (type == NativeType.DOUBLE) {
            writeDouble(n.doubleValue());
        } else {
            writeLong(n.longValue());
        }
    }

    @Override
    public int getInt() {
        require("getInt()", NativeType.INT, NativeType.SHORT, NativeType.BYTE);
        return (int) readLong();
    }

    @Override
    public void setInt(int value) {
        require("setInt(int)", NativeType.INT);
        writeLong(value);
    }

    @Override
    public long getLong() {
        require("getLong()", NativeType.LONG, NativeType.POINTER, NativeType.INT, NativeType.SHORT, NativeType.BYTE);
        return readLong();
    }

    @Override
    public void setLong(long value) {
        require("setLong(long)", NativeType.LONG, NativeType.POINTER);
        writeLong(value);
    }

    @Override
    public double getDouble() {
        require("getDouble()", NativeType.DOUBLE, NativeType.FLOAT);
        return readDouble();
    }

    @Override
    public void setDouble(double value) {
        require("setDouble(double)", NativeType.DOUBLE);
        writeDouble(value);
    }

    /** The four guarded accesses every method above goes through. */
    private long readLong() {
        VariableAccessor v = enter();
        try {
            return v.getLong();
        } finally {
            exit(v);
        }
    }

    private void writeLong(long value) {
        VariableAccessor v = enter();
        try {
            v.setLong(value);
        } finally {
            exit(v);
        }
    }

    private double readDouble() {
        VariableAccessor v = enter();
        try {
            return v.getDouble();
        } finally {
            exit(v);
        }
    }

    private void writeDouble(double value) {
        VariableAccessor v = enter();
        try {
            v.setDouble(value);
        } finally {
            exit(v);
        }
    }

    private void require(String accessor, NativeType... fitting) {
        for (NativeType t : fitting) {
            if (t == type) {
                return;
            }
        }
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < fitting.length; i++) {
            names.append(i == 0 ? "" : i == fitting.length - 1 ? " or " : ", ").append(fitting[i].token());
        }
        throw new IllegalStateException(name() + " is " + article(type) + " " + type.token() + " variable; "
                + accessor + " needs " + article(fitting[0]) + " " + names + " variable; use get() or set(Object)");
    }

    private static String article(NativeType t) {
        return t == NativeType.INT ? "an" : "a";
    }

    @Override
    public String toString() {
        return "NativeVariable[" + library().namespace() + ":" + name() + ":" + type.token() + ", generation "
                + library().generation() + (isCut() ? ", unloaded" : "") + "]";
    }
}
