package io.nativebundle.api;

import io.nativebundle.contract.TypeName;

/**
 * The types a native signature may use, with the token that names each in
 * {@code NativeBundle-Symbols} (e.g. {@code (int,int)int}).
 */
public enum NativeType {
    /** No value; only as a return type. */
    VOID(TypeName.VOID),
    /** A signed 8-bit integer, {@code int8_t}. */
    BYTE(TypeName.BYTE),
    /** A signed 16-bit integer, {@code int16_t}. */
    SHORT(TypeName.SHORT),
    /** A signed 32-bit integer, {@code int}. */
    INT(TypeName.INT),
    /** A signed 64-bit integer, {@code int64_t}. */
    LONG(TypeName.LONG),
    /** A 32-bit float. */
    FLOAT(TypeName.FLOAT),
    /** A 64-bit double. */
    DOUBLE(TypeName.DOUBLE),
    /** A C {@code int} used as a truth value (0 is false). */
    BOOLEAN(TypeName.BOOLEAN),
    /** A pointer-sized integer or address ({@code void *}, {@code size_t}, {@code intptr_t}); a Java {@code long}. */
    POINTER(TypeName.POINTER),
    /** A NUL-terminated UTF-8 string ({@code const char *}); a Java {@code String}. */
    STRING(TypeName.STRING),
    /** A byte array or direct {@code ByteBuffer} passed as a pointer to its bytes. */
    BUFFER(TypeName.BUFFER),
    /** An unsigned 8-bit integer, {@code uint8_t}; a Java {@code Short} from 0 to 255. */
    UBYTE(TypeName.UBYTE),
    /** An unsigned 16-bit integer, {@code uint16_t}; a Java {@code Integer} from 0 to 65535. */
    USHORT(TypeName.USHORT),
    /** An unsigned 32-bit integer, {@code unsigned int}; a Java {@code Long} from 0 to 4294967295. */
    UINT(TypeName.UINT),
    /**
     * An unsigned 64-bit integer, {@code unsigned long} and {@code size_t} on LP64; a Java
     * {@code Long} holding the 64 bits, so values from 2<sup>63</sup> up read as negative (use
     * {@link Long#toUnsignedString(long)} and {@link Long#compareUnsigned(long, long)}).
     */
    ULONG(TypeName.ULONG),
    /**
     * A struct, by value or by pointer ({@code out}/{@code inout}); a {@link NativeStruct}. Its
     * layout is the parameter's {@link NativeParameter#structType()} or the signature's
     * {@link NativeSignature#returnStructType()}; {@link #of(String)} does not read it.
     */
    STRUCT(TypeName.STRUCT),
    /**
     * A function C calls back, a parameter only: the caller passes a {@link NativeCallback} (or
     * {@code null} for a null function pointer), C gets a pointer to an upcall stub. Its signature is
     * the parameter's {@link NativeParameter#callbackSignature()}; {@link #of(String)} does not read it.
     *
     * @since 2.2.0
     */
    CALLBACK(TypeName.CALLBACK);

    /** The contract's name of the type: the one spelling of its token. */
    private final TypeName name;

    NativeType(TypeName name) {
        this.name = name;
    }

    /** The name of the type in signatures. */
    public String token() {
        return name.token();
    }

    /**
     * The type named by {@code token}, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException naming the token and the known types
     */
    public static NativeType of(String token) {
        return of(TypeName.of(token).orElseThrow(() -> new IllegalArgumentException("unknown native type '" + token
                + "'; expected one of " + TypeName.vocabulary())));
    }

    /** Whether this is an unsigned integer type ({@code ubyte ushort uint ulong}). */
    public boolean isUnsigned() {
        return name.isUnsigned();
    }

    /** The contract's name of this type. */
    TypeName contractName() {
        return name;
    }

    static NativeType of(TypeName name) {
        NativeType type = BY_CONTRACT[name.ordinal()];
        if (type == null) {
            throw new IllegalStateException("the API has no NativeType for the contract's type " + name);
        }
        return type;
    }

    /**
     * The type of each contract type, by its ordinal: {@link #of} runs on the call path (every
     * parameter's and field's {@code type()}), where {@code values()} would copy the array each time.
     */
    private static final NativeType[] BY_CONTRACT = new NativeType[TypeName.values().length];

    static {
        for (NativeType type : values()) {
            BY_CONTRACT[type.name.ordinal()] = type;
        }
    }
}
