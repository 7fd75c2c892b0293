package io.nativebundle.loader.internal.call;

import java.util.EnumSet;
import java.util.Set;

import com.kenai.jffi.MemoryIO;

import io.nativebundle.api.NativeLibrary;
import io.nativebundle.api.NativeType;
import io.nativebundle.api.NativeVariable;

/**
 * A {@link NativeVariable} service: an exported data symbol read and written at its address
 * with jffi's {@link MemoryIO}, guarded like a function call.
 *
 * <p>Typed getters read the declared type and what widens from it without loss ({@code getInt}
 * an {@code int}, {@code short} or {@code byte}; {@code getLong} any integer or a
 * {@code pointer}; {@code getDouble} a {@code double} or {@code float}). Typed setters write
 * only their own type ({@code setLong} also a {@code pointer}); {@link #set(Object)} takes any
 * number that fits. Accesses are not counted in the metrics, which are about calls.
 */
public final class NativeVariableService extends SymbolGuard implements NativeVariable {

    /** The types a variable may be declared with. */
    public static final Set<NativeType> TYPES = EnumSet.of(NativeType.BYTE, NativeType.SHORT, NativeType.INT,
            NativeType.LONG, NativeType.FLOAT, NativeType.DOUBLE, NativeType.POINTER);

    private static final MemoryIO IO = MemoryIO.getInstance();

    private final NativeType type;

    public NativeVariableService(String name, NativeType type, NativeLibrary library, SymbolAddress target, Lease lease) {
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
        SymbolAddress s = enter();
        try {
            long a = s.address();
            switch (type) {
                case BYTE: return IO.getByte(a);
                case SHORT: return IO.getShort(a);
                case INT: return IO.getInt(a);
                case LONG: return IO.getLong(a);
                case FLOAT: return IO.getFloat(a);
                case DOUBLE: return IO.getDouble(a);
                default: return IO.getAddress(a);
            }
        } finally {
            exit(s);
        }
    }

    @Override
    public void set(Object value) {
        Number n = VariableValues.check(name(), type, value);
        SymbolAddress s = enter();
        try {
            long a = s.address();
            switch (type) {
                case BYTE: IO.putByte(a, n.byteValue()); break;
                case SHORT: IO.putShort(a, n.shortValue()); break;
                case INT: IO.putInt(a, n.intValue()); break;
                case LONG: IO.putLong(a, n.longValue()); break;
                case FLOAT: IO.putFloat(a, n.floatValue()); break;
                case DOUBLE: IO.putDouble(a, n.doubleValue()); break;
                default: IO.putAddress(a, n.longValue()); break;
            }
        } finally {
            exit(s);
        }
    }

    @Override
    public int getInt() {
        require("getInt()", NativeType.INT, NativeType.SHORT, NativeType.BYTE);
        SymbolAddress s = enter();
        try {
            long a = s.address();
            return type == NativeType.INT ? IO.getInt(a) : type == NativeType.SHORT ? IO.getShort(a) : IO.getByte(a);
        } finally {
            exit(s);
        }
    }

    @Override
    public void setInt(int value) {
        require("setInt(int)", NativeType.INT);
        SymbolAddress s = enter();
        try {
            IO.putInt(s.address(), value);
        } finally {
            exit(s);
        }
    }

    @Override
    public long getLong() {
        require("getLong()", NativeType.LONG, NativeType.POINTER, NativeType.INT, NativeType.SHORT, NativeType.BYTE);
        if (type == NativeType.INT || type == NativeType.SHORT || type == NativeType.BYTE) {
            return getInt();
        }
        SymbolAddress s = enter();
        try {
            return type == NativeType.LONG ? IO.getLong(s.address()) : IO.getAddress(s.address());
        } finally {
            exit(s);
        }
    }

    @Override
    public void setLong(long value) {
        require("setLong(long)", NativeType.LONG, NativeType.POINTER);
        SymbolAddress s = enter();
        try {
            if (type == NativeType.LONG) {
                IO.putLong(s.address(), value);
            } else {
                IO.putAddress(s.address(), value);
            }
        } finally {
            exit(s);
        }
    }

    @Override
    public double getDouble() {
        require("getDouble()", NativeType.DOUBLE, NativeType.FLOAT);
        SymbolAddress s = enter();
        try {
            return type == NativeType.DOUBLE ? IO.getDouble(s.address()) : IO.getFloat(s.address());
        } finally {
            exit(s);
        }
    }

    @Override
    public void setDouble(double value) {
        require("setDouble(double)", NativeType.DOUBLE);
        SymbolAddress s = enter();
        try {
            IO.putDouble(s.address(), value);
        } finally {
            exit(s);
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
