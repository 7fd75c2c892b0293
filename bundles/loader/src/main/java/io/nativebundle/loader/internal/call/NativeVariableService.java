package io.nativebundle.loader.internal.call;

import java.util.EnumSet;
import java.util.Set;

import io.nativebundle.api.NativeLibrary;
import io.nativebundle.api.NativeType;
import io.nativebundle.api.NativeVariable;
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

    /** The types a variable may be declared with. */
    public static final Set<NativeType> TYPES = EnumSet.of(NativeType.BYTE, NativeType.SHORT, NativeType.INT,
            NativeType.LONG, NativeType.FLOAT, NativeType.DOUBLE, NativeType.POINTER);

    private final NativeType type;

    public NativeVariableService(String name, NativeType type, NativeLibrary library, VariableAccessor target,
                                 Lease lease) {
        super(name, library, target, lease);
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("variable '" + name + "' has type " + type.token()
                    + "; a variable is one of byte, short, int, long, float, double, pointer");
        }
        this.type = type;
    }

    @Override
    public NativeType type() {
        return type;
    }

    @Override
    public Object get() {
        VariableAccessor v = enter();
        try {
            switch (type) {
                case BYTE: return v.getByte();
                case SHORT: return v.getShort();
                case INT: return v.getInt();
                case LONG: return v.getLong();
                case FLOAT: return v.getFloat();
                case DOUBLE: return v.getDouble();
                default: return v.getAddress();
            }
        } finally {
            exit(v);
        }
    }

    @Override
    public void set(Object value) {
        Number n = VariableValues.check(name(), type, value);
        VariableAccessor v = enter();
        try {
            switch (type) {
                case BYTE: v.setByte(n.byteValue()); break;
                case SHORT: v.setShort(n.shortValue()); break;
                case INT: v.setInt(n.intValue()); break;
                case LONG: v.setLong(n.longValue()); break;
                case FLOAT: v.setFloat(n.floatValue()); break;
                case DOUBLE: v.setDouble(n.doubleValue()); break;
                default: v.setAddress(n.longValue()); break;
            }
        } finally {
            exit(v);
        }
    }

    @Override
    public int getInt() {
        require("getInt()", NativeType.INT, NativeType.SHORT, NativeType.BYTE);
        VariableAccessor v = enter();
        try {
            return type == NativeType.INT ? v.getInt() : type == NativeType.SHORT ? v.getShort() : v.getByte();
        } finally {
            exit(v);
        }
    }

    @Override
    public void setInt(int value) {
        require("setInt(int)", NativeType.INT);
        VariableAccessor v = enter();
        try {
            v.setInt(value);
        } finally {
            exit(v);
        }
    }

    @Override
    public long getLong() {
        require("getLong()", NativeType.LONG, NativeType.POINTER, NativeType.INT, NativeType.SHORT, NativeType.BYTE);
        if (type == NativeType.INT || type == NativeType.SHORT || type == NativeType.BYTE) {
            return getInt();
        }
        VariableAccessor v = enter();
        try {
            return type == NativeType.LONG ? v.getLong() : v.getAddress();
        } finally {
            exit(v);
        }
    }

    @Override
    public void setLong(long value) {
        require("setLong(long)", NativeType.LONG, NativeType.POINTER);
        VariableAccessor v = enter();
        try {
            if (type == NativeType.LONG) {
                v.setLong(value);
            } else {
                v.setAddress(value);
            }
        } finally {
            exit(v);
        }
    }

    @Override
    public double getDouble() {
        require("getDouble()", NativeType.DOUBLE, NativeType.FLOAT);
        VariableAccessor v = enter();
        try {
            return type == NativeType.DOUBLE ? v.getDouble() : v.getFloat();
        } finally {
            exit(v);
        }
    }

    @Override
    public void setDouble(double value) {
        require("setDouble(double)", NativeType.DOUBLE);
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
