/*
 * nativebundle-host: runs the calls of one native library generation in a process of its own,
 * so that a crash of the library ends this process and never the JVM. See wire.h for the shared
 * file it talks through, and docs/isolation.md for the whole design.
 */
#ifndef NATIVEBUNDLE_HOST_H
#define NATIVEBUNDLE_HOST_H

#include <stddef.h>
#include <stdint.h>

#include "wire.h"

/* The shared file, as this process maps it. */
struct region {
    uint8_t *base;
    size_t bytes;
    uint32_t slots;
    uint32_t slot_bytes;
    uint32_t epoch;
    uint32_t spin_nanos;
    size_t stack_bytes;
};

extern struct region region;

static inline uint8_t *slot_at(uint32_t index)
{
    return region.base + HEADER_BYTES + (size_t) index * region.slot_bytes;
}

static inline uint32_t *word(uint8_t *base, size_t offset)
{
    return (uint32_t *) (base + offset);
}

/* Copies the NUL-terminated message into the header, for the JVM to read after a failed start. */
void report_failure(const char *format, ...) __attribute__((format(printf, 1, 2)));

/* futex.c-like helpers of the host itself */
void futex_wait_word(uint32_t *address, uint32_t expected);
void futex_wake_word(uint32_t *address);
void cpu_relax(void);
uint64_t now_nanos(void);

/* faults.c */
void faults_install(void);
/* Called by each thread first: its alternate signal stack and its stack bounds. */
int faults_thread_start(int slot);

/* calls.c */
void calls_open(void *library);
/* Runs the request in a slot's data area and writes the response; returns STATUS_*. */
uint32_t calls_serve(uint32_t op, uint32_t index, uint8_t *data, uint32_t request_bytes, uint32_t capacity,
        uint32_t *response_bytes);

/* worker.c */
int workers_start(void);

#endif
