/*
 * The wire format between the JVM and nativebundle-host: one shared file, mapped by both.
 *
 * This is the one description of the layout. The JVM side (loader, backend/host/Wire.java) has
 * the same numbers; WireLayoutTest runs `nativebundle-host --layout`, which prints every offset
 * below, and compares them with Wire.java.
 *
 *   [ header: HEADER_BYTES ][ slot 0 ][ slot 1 ] ... [ slot n-1 ]
 *
 * Slot 0 is the control slot (bind, lookup); slots 1..n-1 carry calls, one host thread each.
 * A slot is SLOT_HEADER_BYTES of words, then its data area. Every word is written by one side
 * and read by the other with acquire/release ordering; the sequence words are futex words.
 *
 * A request: the JVM writes epoch, op, index, request_bytes and the data, then req_seq = n
 * (release); if host_sleeping it wakes the futex req_seq. The host thread runs it and writes
 * status, response_bytes and the data, then resp_seq = n (release); if jvm_waiting it wakes the
 * futex resp_seq. A request whose epoch is not the host's (a caller of a host that died) is
 * skipped unanswered.
 *
 * Data of the ops (all integers in the machine's byte order):
 *   BIND_FUNCTION  u32 parameter count, u8 return type, u8 parameter types[count], symbol name\0
 *   BIND_VARIABLE  u8 type, symbol name\0
 *   LOOKUP         symbol name\0                  -> cell 0: 1 when exported, 0 otherwise
 *   CALL           one 8-byte cell per parameter, then the bytes of strings and buffers
 *                                                  -> cell 0: the result, then a returned string
 *   GET            nothing                         -> cell 0: the value
 *   SET            cell 0: the value
 *   an ERROR response is a UTF-8 message of response_bytes bytes.
 * A cell holds an integral or pointer value as int64, a float in its low 4 bytes, a double, or
 * for a string or buffer the offset of its bytes in the data area (low 32 bits, NO_DATA for
 * NULL) and their length (high 32 bits); a string's bytes end with a NUL.
 *
 * Growing it (structs, arrays, out-parameters, callbacks): a new type code whose description
 * follows the parameter types of BIND_FUNCTION (a struct: its field types), a cell that points
 * into the data area as strings and buffers do (by-value structs and arrays are laid out there in
 * C layout; out-parameters are read back from there after the call, as buffers are), and for
 * callbacks a slot state in which the host asks and the JVM answers on the same slot.
 */
#ifndef NATIVEBUNDLE_WIRE_H
#define NATIVEBUNDLE_WIRE_H

#include <stdint.h>

#define WIRE_MAGIC 0x3148424eu /* "NBH1" */
#define WIRE_VERSION 1u

#define HEADER_BYTES 4096u
#define SLOT_HEADER_BYTES 64u

/* header: what the JVM prepares before it starts the host, and what the host reports */
#define H_MAGIC 0           /* u32 */
#define H_VERSION 4         /* u32 */
#define H_STATE 8           /* u32, futex word: STATE_* */
#define H_SLOTS 12          /* u32: number of slots, the control slot included */
#define H_SLOT_BYTES 16     /* u32: bytes per slot, header included */
#define H_EPOCH 20          /* u32: the incarnation the header is prepared for */
#define H_PID 24            /* i64: the host's pid, written by the host */
#define H_LIMIT_AS 32       /* u64: RLIMIT_AS in bytes, 0 for none */
#define H_LIMIT_CPU 40      /* u64: RLIMIT_CPU in seconds, 0 for none */
#define H_STACK_BYTES 48    /* u64: stack size of each host thread */
#define H_SPIN_NANOS 56     /* u32: how long a host thread polls before it sleeps */
#define H_FILE_COUNT 60     /* u32: files to open, dependencies first, the library last */
#define H_FAULT_SIGNAL 64   /* i32: the fatal signal, written by the host's handler; 0 for none */
#define H_FAULT_CODE 68     /* i32: its si_code */
#define H_FAULT_ADDRESS 72  /* u64: its si_addr */
#define H_FAULT_SLOT 80     /* i32: the slot whose call faulted, -1 for another thread */
#define H_FAULT_FLAGS 84    /* u32: FAULT_* */
#define H_FILES 256         /* the paths, each NUL-terminated */
#define H_FILES_BYTES 2048u
#define H_MESSAGE 2304      /* a NUL-terminated message: why the host could not start */
#define H_MESSAGE_BYTES 1792u

#define STATE_EMPTY 0u
#define STATE_STARTING 1u
#define STATE_READY 2u
#define STATE_FAILED 3u

#define FAULT_STACK_OVERFLOW 1u

/* slot header */
#define S_REQ_SEQ 0         /* u32, futex word the host thread sleeps on */
#define S_HOST_SLEEPING 4   /* u32: 1 while the host thread sleeps */
#define S_RESP_SEQ 8        /* u32, futex word the JVM caller sleeps on */
#define S_JVM_WAITING 12    /* u32: 1 while the JVM caller sleeps */
#define S_EPOCH 16          /* u32: the incarnation the request is for */
#define S_OP 20             /* u32: OP_* */
#define S_INDEX 24          /* u32: function or variable index */
#define S_REQUEST_BYTES 28  /* u32 */
#define S_STATUS 32         /* u32: STATUS_* */
#define S_RESPONSE_BYTES 36 /* u32 */

#define OP_CALL 1u
#define OP_GET 2u
#define OP_SET 3u
#define OP_BIND_FUNCTION 4u
#define OP_BIND_VARIABLE 5u
#define OP_LOOKUP 6u

#define STATUS_OK 0u
#define STATUS_ERROR 1u

/* type codes, in the order of the signature vocabulary */
#define T_VOID 0u
#define T_BYTE 1u
#define T_SHORT 2u
#define T_INT 3u
#define T_LONG 4u
#define T_FLOAT 5u
#define T_DOUBLE 6u
#define T_BOOLEAN 7u
#define T_POINTER 8u
#define T_STRING 9u
#define T_BUFFER 10u

#define NO_DATA 0xffffffffu
#define MAX_PARAMETERS 32u
#define MAX_BINDINGS 65536u

/* exit statuses of the host itself, as opposed to a plugin's exit() */
#define EXIT_ORPHANED 97    /* its parent was gone before it could watch it */
#define EXIT_BAD_SETUP 98   /* the shared file is missing or not of this wire version */
#define EXIT_START_FAILED 99 /* a limit or a library could not be applied or opened; see H_MESSAGE */

#endif
