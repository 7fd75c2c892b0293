package io.nativebundle.loader.internal.call;

import io.nativebundle.api.NativeType;

/** Checks that a value given to {@code NativeVariable.set(Object)} fits the variable's type. */
final class VariableValues {

    private VariableValues() {
    }

    /**
     * @return {@code value} as a number that converts to {@code type} without loss of range
     * @throws IllegalArgumentException naming the variable, its type and the value
     */
    static Number check(String name, NativeType type, Object value) {
        boolean integral = value instanceof Byte || value instanceof Short || value instanceof Integer
                || value instanceof Long;
        boolean floating = value instanceof Float || value instanceof Double;
        switch (type) {
            case BYTE:
                return inRange(name, type, value, integral, Byte.MIN_VALUE, Byte.MAX_VALUE);
            case SHORT:
                return inRange(name, type, value, integral, Short.MIN_VALUE, Short.MAX_VALUE);
            case INT:
                return inRange(name, type, value, integral, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case LONG:
            case POINTER:
                return inRange(name, type, value, integral, Long.MIN_VALUE, Long.MAX_VALUE);
            case FLOAT:
                if (!integral && !floating) {
                    throw wrongType(name, type, value);
                }
                double d = ((Number) value).doubleValue();
                if (Double.isFinite(d) && Math.abs(d) > Float.MAX_VALUE) {
                    throw new IllegalArgumentException(name + " is a float variable; " + Arguments.describe(value)
                            + " is beyond the float range (+/-" + Float.MAX_VALUE + ")");
                }
                return (Number) value;
            case DOUBLE:
                if (!integral && !floating) {
                    throw wrongType(name, type, value);
                }
                return (Number) value;
            default:
                throw new IllegalArgumentException(name + " is a " + type.token() + " variable, which cannot be set");
        }
    }

    private static Number inRange(String name, NativeType type, Object value, boolean integral, long min, long max) {
        if (!integral) {
            throw wrongType(name, type, value);
        }
        long v = ((Number) value).longValue();
        if (v < min || v > max) {
            throw new IllegalArgumentException(name + " is " + (type == NativeType.INT ? "an " : "a ") + type.token()
                    + " variable; " + Arguments.describe(value) + " is outside " + min + ".." + max);
        }
        return (Number) value;
    }

    private static IllegalArgumentException wrongType(String name, NativeType type, Object value) {
        String expected = type == NativeType.FLOAT || type == NativeType.DOUBLE ? "a number"
                : "an integer (Byte, Short, Integer or Long)";
        return new IllegalArgumentException(name + " is " + (type == NativeType.INT ? "an " : "a ") + type.token()
                + " variable; set(Object) needs " + expected + " but got " + Arguments.describe(value));
    }
}
