/*
 * libnativebundle-futex.so: the JVM's half of the wake-ups on the shared file of nativebundle-host.
 * Java has no futex; the loader opens this library through its in-process backend and calls
 * three functions, the wait and the wake through allocation-free typed paths of (long,long)long.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/futex.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define EXPORT __attribute__((visibility("default")))

EXPORT int64_t nbh_address(void *buffer);
EXPORT int64_t nbh_wait(int64_t address, int64_t expected_and_micros);
EXPORT int64_t nbh_wake(int64_t address, int64_t count);

/* The address of a direct buffer passed as a buffer parameter. */
int64_t nbh_address(void *buffer)
{
    return (int64_t) (uintptr_t) buffer;
}

/*
 * Sleeps while the 32-bit word at address holds the low 32 bits of expected_and_micros, at most
 * the high 32 bits in microseconds. Returns 0 when woken or when the word differs, 1 on timeout,
 * -errno on another error.
 */
int64_t nbh_wait(int64_t address, int64_t expected_and_micros)
{
    uint32_t expected = (uint32_t) expected_and_micros;
    uint64_t micros = (uint64_t) expected_and_micros >> 32;
    struct timespec timeout = {(time_t) (micros / 1000000u), (long) (micros % 1000000u) * 1000L};
    long r = syscall(SYS_futex, (uint32_t *) (uintptr_t) address, FUTEX_WAIT, expected, &timeout, NULL, 0);
    if (r == 0 || errno == EAGAIN || errno == EINTR) {
        return 0;
    }
    return errno == ETIMEDOUT ? 1 : -errno;
}

/* Wakes at most count threads sleeping on the word at address; the number woken. */
int64_t nbh_wake(int64_t address, int64_t count)
{
    long r = syscall(SYS_futex, (uint32_t *) (uintptr_t) address, FUTEX_WAKE, (int) count, NULL, NULL, 0);
    return r < 0 ? -errno : r;
}
