/*
 * The library of the isolation itests: a healthy function, and one way each to end the process
 * it runs in. In process any of these would take the JVM down; out of process they end the host.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define EXPORT __attribute__((visibility("default")))

EXPORT int add(int a, int b) { return a + b; }

/* Dereferences NULL: SIGSEGV. */
EXPORT int segv(void)
{
    volatile int *nowhere = NULL;
    return *nowhere;
}

/* Reads a shared mapping beyond the end of its file: SIGBUS. */
EXPORT int bus(void)
{
    FILE *file = tmpfile();
    if (file == NULL) {
        abort();
    }
    volatile char *page = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fileno(file), 0);
    if (page == MAP_FAILED) {
        abort();
    }
    return page[0];
}

/* abort(): SIGABRT. */
EXPORT int abort_now(void)
{
    abort();
}

/* exit(3), as a library that gives up would. */
EXPORT int exit_now(void)
{
    exit(3);
}

/* Never returns, burning CPU. */
EXPORT void spin(void)
{
    for (volatile uint64_t i = 0;; i++) {
    }
}

/* Recurses until the stack overflows; each frame hands its own to the next, so none can be reused. */
static int deeper(volatile char *caller, int depth)
{
    volatile char frame[512];
    frame[0] = caller[0];
    if (depth == -1) {
        return frame[0];
    }
    return deeper(frame, depth + 1) + frame[0];
}

EXPORT int recurse(int depth)
{
    volatile char start[1] = {(char) depth};
    return deeper(start, depth);
}

/*
 * Allocates megabytes and touches them, with no check of malloc, as careless code does: beyond
 * the address space limit malloc returns NULL and the write faults.
 */
EXPORT int grab(int megabytes)
{
    size_t bytes = (size_t) megabytes << 20;
    char *memory = malloc(bytes);
    memset(memory, 1, bytes);
    int first = memory[0];
    free(memory);
    return first;
}
