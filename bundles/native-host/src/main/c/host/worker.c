/*
 * One thread per slot. A thread polls its slot for a short while after each call (a caller that
 * calls again right away finds it awake, with no system call on either side), then sleeps on the
 * slot's futex until the JVM wakes it.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "host.h"

/* Threads that have read their slot's sequence number: READY waits for all of them, or a request
 * sent right after READY could be taken for one they had already seen. */
static uint32_t started;

void futex_wait_word(uint32_t *address, uint32_t expected)
{
    /* a shared mapping of a file: no FUTEX_PRIVATE_FLAG, the JVM waits and wakes on the same word */
    syscall(SYS_futex, address, FUTEX_WAIT, expected, NULL, NULL, 0);
}

void futex_wake_word(uint32_t *address)
{
    syscall(SYS_futex, address, FUTEX_WAKE, 1, NULL, NULL, 0);
}

void cpu_relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield" ::: "memory");
#endif
}

uint64_t now_nanos(void)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (uint64_t) now.tv_sec * 1000000000u + (uint64_t) now.tv_nsec;
}

/* The next request's sequence number, once it differs from seen. */
static uint32_t await_request(uint8_t *slot, uint32_t seen)
{
    uint32_t *request = word(slot, S_REQ_SEQ);
    uint32_t *sleeping = word(slot, S_HOST_SLEEPING);
    uint64_t until = now_nanos() + region.spin_nanos;
    for (unsigned spins = 1;; spins++) {
        uint32_t seq = __atomic_load_n(request, __ATOMIC_ACQUIRE);
        if (seq != seen) {
            return seq;
        }
        if ((spins & 63) == 0) {
            if (now_nanos() >= until) {
                break;
            }
            /* with more busy threads than cores, the caller may be waiting for this very core */
            sched_yield();
        } else {
            cpu_relax();
        }
    }
    for (;;) {
        /* sleeping before the re-check, both sequentially consistent: either the JVM sees the flag
         * and wakes the futex, or this thread sees the new request */
        __atomic_store_n(sleeping, 1u, __ATOMIC_SEQ_CST);
        uint32_t seq = __atomic_load_n(request, __ATOMIC_SEQ_CST);
        if (seq == seen) {
            futex_wait_word(request, seen);
            seq = __atomic_load_n(request, __ATOMIC_ACQUIRE);
        }
        __atomic_store_n(sleeping, 0u, __ATOMIC_RELAXED);
        if (seq != seen) {
            return seq;
        }
    }
}

static void *work(void *argument)
{
    uint32_t index = (uint32_t) (uintptr_t) argument;
    uint8_t *slot = slot_at(index);
    uint8_t *data = slot + SLOT_HEADER_BYTES;
    uint32_t capacity = region.slot_bytes - SLOT_HEADER_BYTES;
    faults_thread_start((int) index);
    uint32_t seen = __atomic_load_n(word(slot, S_REQ_SEQ), __ATOMIC_ACQUIRE);
    __atomic_add_fetch(&started, 1u, __ATOMIC_SEQ_CST);
    futex_wake_word(&started);
    for (;;) {
        uint32_t seq = await_request(slot, seen);
        seen = seq;
        if (*word(slot, S_EPOCH) != region.epoch) {
            /* written for a host that died: its caller was told so, and nobody waits for an answer */
            continue;
        }
        uint32_t response_bytes = 0;
        uint32_t status = calls_serve(*word(slot, S_OP), *word(slot, S_INDEX), data, *word(slot, S_REQUEST_BYTES),
                capacity, &response_bytes);
        *word(slot, S_STATUS) = status;
        *word(slot, S_RESPONSE_BYTES) = response_bytes;
        __atomic_store_n(word(slot, S_RESP_SEQ), seq, __ATOMIC_SEQ_CST);
        if (__atomic_load_n(word(slot, S_JVM_WAITING), __ATOMIC_SEQ_CST) != 0) {
            futex_wake_word(word(slot, S_RESP_SEQ));
        }
    }
    return NULL;
}

int workers_start(void)
{
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    if (region.stack_bytes != 0 && pthread_attr_setstacksize(&attributes, region.stack_bytes) != 0) {
        report_failure("a host thread stack of %zu bytes is not possible", region.stack_bytes);
        return -1;
    }
    pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
    for (uint32_t i = 0; i < region.slots; i++) {
        pthread_t thread;
        int error = pthread_create(&thread, &attributes, work, (void *) (uintptr_t) i);
        if (error != 0) {
            report_failure("cannot start host thread %u of %u: %s", i + 1, region.slots, strerror(error));
            return -1;
        }
    }
    pthread_attr_destroy(&attributes);
    for (uint32_t n = __atomic_load_n(&started, __ATOMIC_SEQ_CST); n < region.slots;
            n = __atomic_load_n(&started, __ATOMIC_SEQ_CST)) {
        /* a private word of this process; the shared-futex call works on it all the same */
        futex_wait_word(&started, n);
    }
    return 0;
}
