/*
 * The requests of a slot: bind a symbol (resolve it and prepare its libffi call interface once),
 * look one up, call a function, read or write a variable. Arguments and results travel in the
 * slot's data area as described in wire.h; strings and buffers are passed to the function as
 * pointers into that area, so a buffer the function writes is read back by the JVM from there.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <ffi.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "host.h"

#define CHUNK 256u

enum kind { UNBOUND = 0, FUNCTION = 1, VARIABLE = 2 };

struct binding {
    enum kind kind;
    void *address;
    uint8_t result;
    uint8_t count;
    uint8_t types[MAX_PARAMETERS];
    ffi_type *ffi_types[MAX_PARAMETERS];
    ffi_cif cif;
};

union value {
    int8_t b;
    int16_t s;
    int32_t i;
    int64_t l;
    float f;
    double d;
    void *p;
};

/* MAX_BINDINGS entries in chunks allocated on first use; a chunk is published before its index is used */
static struct binding *chunks[MAX_BINDINGS / CHUNK];
static pthread_mutex_t chunks_lock = PTHREAD_MUTEX_INITIALIZER;
static void *library;

void calls_open(void *handle)
{
    library = handle;
}

static uint32_t fail(uint8_t *data, uint32_t capacity, uint32_t *response_bytes, const char *format, ...)
    __attribute__((format(printf, 4, 5)));

static uint32_t fail(uint8_t *data, uint32_t capacity, uint32_t *response_bytes, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    int n = vsnprintf((char *) data, capacity, format, args);
    va_end(args);
    *response_bytes = n < 0 ? 0 : (uint32_t) n < capacity ? (uint32_t) n : capacity - 1;
    return STATUS_ERROR;
}

static struct binding *binding(uint32_t index, int create)
{
    if (index >= MAX_BINDINGS) {
        return NULL;
    }
    struct binding *chunk = __atomic_load_n(&chunks[index / CHUNK], __ATOMIC_ACQUIRE);
    if (chunk == NULL && create) {
        pthread_mutex_lock(&chunks_lock);
        chunk = chunks[index / CHUNK];
        if (chunk == NULL) {
            chunk = calloc(CHUNK, sizeof *chunk);
            __atomic_store_n(&chunks[index / CHUNK], chunk, __ATOMIC_RELEASE);
        }
        pthread_mutex_unlock(&chunks_lock);
    }
    return chunk == NULL ? NULL : &chunk[index % CHUNK];
}

static ffi_type *ffi_of(uint8_t type)
{
    switch (type) {
    case T_VOID: return &ffi_type_void;
    case T_BYTE: return &ffi_type_sint8;
    case T_SHORT: return &ffi_type_sint16;
    /* a C int used as a truth value, as the in-process backend passes it */
    case T_INT: case T_BOOLEAN: return &ffi_type_sint32;
    case T_LONG: return &ffi_type_sint64;
    case T_FLOAT: return &ffi_type_float;
    case T_DOUBLE: return &ffi_type_double;
    case T_POINTER: case T_STRING: case T_BUFFER: return &ffi_type_pointer;
    default: return NULL;
    }
}

/* A NUL-terminated name at data[from..request_bytes), or NULL. */
static const char *name_at(const uint8_t *data, uint32_t from, uint32_t request_bytes)
{
    if (from >= request_bytes || memchr(data + from, 0, request_bytes - from) == NULL) {
        return NULL;
    }
    return (const char *) data + from;
}

static void *resolve(const char *name)
{
    dlerror();
    return library == NULL ? NULL : dlsym(library, name);
}

static uint32_t bind_function(uint32_t index, uint8_t *data, uint32_t request_bytes, uint32_t capacity,
        uint32_t *response_bytes)
{
    uint32_t count;
    if (request_bytes < 5) {
        return fail(data, capacity, response_bytes, "a bind request of %u bytes is too short", request_bytes);
    }
    memcpy(&count, data, sizeof count);
    const char *name = count <= MAX_PARAMETERS ? name_at(data, 5 + count, request_bytes) : NULL;
    struct binding *b = binding(index, 1);
    if (name == NULL || b == NULL) {
        return fail(data, capacity, response_bytes, "a bind request for index %u with %u parameters is malformed"
                " (at most %u parameters)", index, count, MAX_PARAMETERS);
    }
    struct binding next;
    memset(&next, 0, sizeof next);
    next.result = data[4];
    next.count = (uint8_t) count;
    ffi_type *result = ffi_of(next.result);
    for (uint32_t i = 0; i < count; i++) {
        next.types[i] = data[5 + i];
        next.ffi_types[i] = ffi_of(next.types[i]);
        if (next.ffi_types[i] == NULL || next.types[i] == T_VOID) {
            return fail(data, capacity, response_bytes, "%s: parameter %u has the unknown type code %u", name, i + 1,
                    next.types[i]);
        }
    }
    if (result == NULL) {
        return fail(data, capacity, response_bytes, "%s: the result has the unknown type code %u", name, next.result);
    }
    next.address = resolve(name);
    if (next.address == NULL) {
        return fail(data, capacity, response_bytes, "%s is not exported by the library (dlsym)", name);
    }
    if (ffi_prep_cif(&next.cif, FFI_DEFAULT_ABI, count, result, count == 0 ? NULL : next.ffi_types) != FFI_OK) {
        return fail(data, capacity, response_bytes, "libffi cannot call %s with %u parameters", name, count);
    }
    next.kind = FUNCTION;
    *b = next;
    /* the cif points into the binding itself */
    b->cif.arg_types = count == 0 ? NULL : b->ffi_types;
    *response_bytes = 0;
    return STATUS_OK;
}

static uint32_t bind_variable(uint32_t index, uint8_t *data, uint32_t request_bytes, uint32_t capacity,
        uint32_t *response_bytes)
{
    const char *name = name_at(data, 1, request_bytes);
    struct binding *b = binding(index, 1);
    if (name == NULL || b == NULL) {
        return fail(data, capacity, response_bytes, "a variable bind request for index %u is malformed", index);
    }
    void *address = resolve(name);
    if (address == NULL) {
        return fail(data, capacity, response_bytes, "%s is not exported by the library (dlsym)", name);
    }
    b->result = data[0];
    b->address = address;
    b->kind = VARIABLE;
    *response_bytes = 0;
    return STATUS_OK;
}

static uint32_t lookup(uint8_t *data, uint32_t request_bytes, uint32_t capacity, uint32_t *response_bytes)
{
    const char *name = name_at(data, 0, request_bytes);
    if (name == NULL) {
        return fail(data, capacity, response_bytes, "a lookup request has no NUL-terminated name");
    }
    uint64_t found = resolve(name) != NULL;
    memcpy(data, &found, sizeof found);
    *response_bytes = 8;
    return STATUS_OK;
}

static int64_t read_cell(const uint8_t *data, uint32_t i)
{
    int64_t cell;
    memcpy(&cell, data + 8 * (size_t) i, sizeof cell);
    return cell;
}

static void write_cell(uint8_t *data, int64_t cell)
{
    memcpy(data, &cell, sizeof cell);
}

static uint32_t call(struct binding *b, uint8_t *data, uint32_t request_bytes, uint32_t capacity,
        uint32_t *response_bytes)
{
    union value values[MAX_PARAMETERS];
    void *arguments[MAX_PARAMETERS];
    if (request_bytes < 8u * b->count) {
        return fail(data, capacity, response_bytes, "a call with %u parameters came with %u bytes", b->count,
                request_bytes);
    }
    for (uint32_t i = 0; i < b->count; i++) {
        int64_t cell = read_cell(data, i);
        switch (b->types[i]) {
        case T_BYTE: values[i].b = (int8_t) cell; break;
        case T_SHORT: values[i].s = (int16_t) cell; break;
        case T_INT: case T_BOOLEAN: values[i].i = (int32_t) cell; break;
        case T_LONG: values[i].l = cell; break;
        case T_FLOAT: memcpy(&values[i].f, data + 8 * (size_t) i, sizeof(float)); break;
        case T_DOUBLE: memcpy(&values[i].d, data + 8 * (size_t) i, sizeof(double)); break;
        case T_POINTER: values[i].p = (void *) (uintptr_t) cell; break;
        default: {
            uint32_t offset = (uint32_t) cell;
            uint32_t length = (uint32_t) ((uint64_t) cell >> 32);
            if (offset == NO_DATA) {
                values[i].p = NULL;
            } else if ((uint64_t) offset + length > request_bytes) {
                return fail(data, capacity, response_bytes, "parameter %u points outside the request", i + 1);
            } else {
                values[i].p = data + offset;
            }
        }
        }
        arguments[i] = &values[i];
    }
    union {
        ffi_arg a;
        ffi_sarg s;
        float f;
        double d;
        void *p;
        int64_t l;
    } result;
    memset(&result, 0, sizeof result);
    ffi_call(&b->cif, FFI_FN(b->address), &result, b->count == 0 ? NULL : arguments);
    *response_bytes = 8;
    switch (b->result) {
    case T_VOID: write_cell(data, 0); break;
    case T_BYTE: write_cell(data, (int8_t) result.s); break;
    case T_SHORT: write_cell(data, (int16_t) result.s); break;
    case T_INT: case T_BOOLEAN: write_cell(data, (int32_t) result.s); break;
    case T_LONG: write_cell(data, result.l); break;
    case T_FLOAT: memcpy(data, &result.f, sizeof(float)); break;
    case T_DOUBLE: memcpy(data, &result.d, sizeof(double)); break;
    case T_POINTER: case T_BUFFER: write_cell(data, (int64_t) (uintptr_t) result.p); break;
    case T_STRING: {
        if (result.p == NULL) {
            write_cell(data, (int64_t) NO_DATA);
            break;
        }
        /* after the request's bytes: a buffer argument the JVM reads back stays untouched */
        uint32_t offset = (request_bytes + 7u) & ~7u;
        if (offset < 8) {
            offset = 8;
        }
        size_t length = strlen((const char *) result.p);
        if (offset + length + 1 > capacity) {
            return fail(data, capacity, response_bytes, "the returned string of %zu bytes does not fit the %u bytes"
                    " of the slot (io.nativebundle.host.slot.bytes)", length, capacity);
        }
        memcpy(data + offset, result.p, length + 1);
        write_cell(data, (int64_t) (((uint64_t) length << 32) | offset));
        *response_bytes = offset + (uint32_t) length + 1;
        break;
    }
    default: return fail(data, capacity, response_bytes, "unknown result type code %u", b->result);
    }
    return STATUS_OK;
}

static uint32_t get(struct binding *b, uint8_t *data, uint32_t *response_bytes)
{
    int64_t cell = 0;
    switch (b->result) {
    case T_BYTE: cell = *(int8_t *) b->address; break;
    case T_SHORT: cell = *(int16_t *) b->address; break;
    case T_INT: cell = *(int32_t *) b->address; break;
    case T_LONG: cell = *(int64_t *) b->address; break;
    case T_FLOAT: memcpy(&cell, b->address, sizeof(float)); break;
    case T_DOUBLE: memcpy(&cell, b->address, sizeof(double)); break;
    default: cell = (int64_t) (uintptr_t) *(void **) b->address; break;
    }
    write_cell(data, cell);
    *response_bytes = 8;
    return STATUS_OK;
}

static uint32_t set(struct binding *b, uint8_t *data, uint32_t *response_bytes)
{
    int64_t cell = read_cell(data, 0);
    switch (b->result) {
    case T_BYTE: *(int8_t *) b->address = (int8_t) cell; break;
    case T_SHORT: *(int16_t *) b->address = (int16_t) cell; break;
    case T_INT: *(int32_t *) b->address = (int32_t) cell; break;
    case T_LONG: *(int64_t *) b->address = cell; break;
    case T_FLOAT: memcpy(b->address, data, sizeof(float)); break;
    case T_DOUBLE: memcpy(b->address, data, sizeof(double)); break;
    default: *(void **) b->address = (void *) (uintptr_t) cell; break;
    }
    *response_bytes = 0;
    return STATUS_OK;
}

uint32_t calls_serve(uint32_t op, uint32_t index, uint8_t *data, uint32_t request_bytes, uint32_t capacity,
        uint32_t *response_bytes)
{
    if (request_bytes > capacity) {
        return fail(data, capacity, response_bytes, "a request of %u bytes exceeds the slot's %u", request_bytes,
                capacity);
    }
    switch (op) {
    case OP_BIND_FUNCTION: return bind_function(index, data, request_bytes, capacity, response_bytes);
    case OP_BIND_VARIABLE: return bind_variable(index, data, request_bytes, capacity, response_bytes);
    case OP_LOOKUP: return lookup(data, request_bytes, capacity, response_bytes);
    default: break;
    }
    struct binding *b = binding(index, 0);
    enum kind expected = op == OP_CALL ? FUNCTION : VARIABLE;
    if (b == NULL || b->kind != expected) {
        return fail(data, capacity, response_bytes, "index %u is not a bound %s", index,
                expected == FUNCTION ? "function" : "variable");
    }
    switch (op) {
    case OP_CALL: return call(b, data, request_bytes, capacity, response_bytes);
    case OP_GET: return get(b, data, response_bytes);
    case OP_SET: return set(b, data, response_bytes);
    default: return fail(data, capacity, response_bytes, "unknown operation %u", op);
    }
}
