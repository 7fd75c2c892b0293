package io.nativebundle.loader.internal.backend.host;

import io.nativebundle.api.NativeType;

/**
 * The layout of the file shared with {@code nativebundle-host}, as {@code wire.h} of
 * {@code bundles/native-host} describes it (the one description, with the protocol); the numbers
 * here are the same, which {@code WireLayoutTest} checks against the built host's {@code --layout}.
 */
final class Wire {

    static final int MAGIC = 0x3148424e;
    static final int VERSION = 1;

    static final int HEADER_BYTES = 4096;
    static final int SLOT_HEADER_BYTES = 64;

    static final int H_MAGIC = 0;
    static final int H_VERSION = 4;
    static final int H_STATE = 8;
    static final int H_SLOTS = 12;
    static final int H_SLOT_BYTES = 16;
    static final int H_EPOCH = 20;
    static final int H_PID = 24;
    static final int H_LIMIT_AS = 32;
    static final int H_LIMIT_CPU = 40;
    static final int H_STACK_BYTES = 48;
    static final int H_SPIN_NANOS = 56;
    static final int H_FILE_COUNT = 60;
    static final int H_FAULT_SIGNAL = 64;
    static final int H_FAULT_CODE = 68;
    static final int H_FAULT_ADDRESS = 72;
    static final int H_FAULT_SLOT = 80;
    static final int H_FAULT_FLAGS = 84;
    static final int H_FILES = 256;
    static final int H_FILES_BYTES = 2048;
    static final int H_MESSAGE = 2304;
    static final int H_MESSAGE_BYTES = 1792;

    static final int STATE_EMPTY = 0;
    static final int STATE_STARTING = 1;
    static final int STATE_READY = 2;
    static final int STATE_FAILED = 3;

    static final int FAULT_STACK_OVERFLOW = 1;

    static final int S_REQ_SEQ = 0;
    static final int S_HOST_SLEEPING = 4;
    static final int S_RESP_SEQ = 8;
    static final int S_JVM_WAITING = 12;
    static final int S_EPOCH = 16;
    static final int S_OP = 20;
    static final int S_INDEX = 24;
    static final int S_REQUEST_BYTES = 28;
    static final int S_STATUS = 32;
    static final int S_RESPONSE_BYTES = 36;

    static final int OP_CALL = 1;
    static final int OP_GET = 2;
    static final int OP_SET = 3;
    static final int OP_BIND_FUNCTION = 4;
    static final int OP_BIND_VARIABLE = 5;
    static final int OP_LOOKUP = 6;

    static final int STATUS_OK = 0;
    static final int STATUS_ERROR = 1;

    static final int T_VOID = 0;
    static final int T_BYTE = 1;
    static final int T_SHORT = 2;
    static final int T_INT = 3;
    static final int T_LONG = 4;
    static final int T_FLOAT = 5;
    static final int T_DOUBLE = 6;
    static final int T_BOOLEAN = 7;
    static final int T_POINTER = 8;
    static final int T_STRING = 9;
    static final int T_BUFFER = 10;

    static final int NO_DATA = 0xffffffff;
    static final int MAX_PARAMETERS = 32;
    static final int MAX_BINDINGS = 65536;

    static final int EXIT_ORPHANED = 97;
    static final int EXIT_BAD_SETUP = 98;
    static final int EXIT_START_FAILED = 99;

    private Wire() {
    }

    /** The type code of a signature type. */
    static int code(NativeType type) {
        return switch (type) {
            case VOID -> T_VOID;
            case BYTE -> T_BYTE;
            case SHORT -> T_SHORT;
            case INT -> T_INT;
            case LONG -> T_LONG;
            case FLOAT -> T_FLOAT;
            case DOUBLE -> T_DOUBLE;
            case BOOLEAN -> T_BOOLEAN;
            case POINTER -> T_POINTER;
            case STRING -> T_STRING;
            case BUFFER -> T_BUFFER;
            // HostLibrary.function refuses these before a request is written
            case UBYTE, USHORT, UINT, ULONG, STRUCT, CALLBACK -> throw new IllegalArgumentException("the host protocol has no code"
                    + " for " + type.token());
        };
    }
}
