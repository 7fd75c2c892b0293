/*
 * The start of nativebundle-host: watch the parent, map the shared file, apply the limits, open
 * the verified files of one generation, say READY, and exit when the JVM goes away.
 *
 * Every check of the library (digest, ELF, machine, libc, symbols, dependencies) ran in the JVM
 * before this process was started; it opens exactly the files the header names, dependencies
 * first, by absolute path, RTLD_NOW | RTLD_LOCAL, as the in-process backend does. The JVM starts
 * it with no LD_* variable in its environment, so nothing but those paths and the system's
 * default search path decide what is loaded.
 *
 *   nativebundle-host <shared file> <parent pid>
 *   nativebundle-host --layout          prints the wire layout, for the JVM's test
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <signal.h>
#include <unistd.h>

#include "host.h"

struct region region;

static int print_layout(void)
{
#define P(name) printf("%s=%lu\n", #name, (unsigned long) (name))
    P(WIRE_MAGIC); P(WIRE_VERSION); P(HEADER_BYTES); P(SLOT_HEADER_BYTES);
    P(H_MAGIC); P(H_VERSION); P(H_STATE); P(H_SLOTS); P(H_SLOT_BYTES); P(H_EPOCH); P(H_PID);
    P(H_LIMIT_AS); P(H_LIMIT_CPU); P(H_STACK_BYTES); P(H_SPIN_NANOS); P(H_FILE_COUNT);
    P(H_FAULT_SIGNAL); P(H_FAULT_CODE); P(H_FAULT_ADDRESS); P(H_FAULT_SLOT); P(H_FAULT_FLAGS);
    P(H_FILES); P(H_FILES_BYTES); P(H_MESSAGE); P(H_MESSAGE_BYTES);
    P(STATE_EMPTY); P(STATE_STARTING); P(STATE_READY); P(STATE_FAILED); P(FAULT_STACK_OVERFLOW);
    P(S_REQ_SEQ); P(S_HOST_SLEEPING); P(S_RESP_SEQ); P(S_JVM_WAITING); P(S_EPOCH); P(S_OP); P(S_INDEX);
    P(S_REQUEST_BYTES); P(S_STATUS); P(S_RESPONSE_BYTES);
    P(OP_CALL); P(OP_GET); P(OP_SET); P(OP_BIND_FUNCTION); P(OP_BIND_VARIABLE); P(OP_LOOKUP);
    P(STATUS_OK); P(STATUS_ERROR);
    P(T_VOID); P(T_BYTE); P(T_SHORT); P(T_INT); P(T_LONG); P(T_FLOAT); P(T_DOUBLE); P(T_BOOLEAN);
    P(T_POINTER); P(T_STRING); P(T_BUFFER);
    P(NO_DATA); P(MAX_PARAMETERS); P(MAX_BINDINGS);
    P(EXIT_ORPHANED); P(EXIT_BAD_SETUP); P(EXIT_START_FAILED);
#undef P
    return 0;
}

void report_failure(const char *format, ...)
{
    char *message = (char *) region.base + H_MESSAGE;
    va_list args;
    va_start(args, format);
    vsnprintf(message, H_MESSAGE_BYTES, format, args);
    va_end(args);
    __atomic_store_n(word(region.base, H_STATE), STATE_FAILED, __ATOMIC_SEQ_CST);
    futex_wake_word(word(region.base, H_STATE));
}

static void map_region(const char *path)
{
    int fd = open(path, O_RDWR | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || st.st_size < (off_t) HEADER_BYTES) {
        fprintf(stderr, "nativebundle-host: cannot open the shared file %s: %s\n", path, strerror(errno));
        _exit(EXIT_BAD_SETUP);
    }
    void *base = mmap(NULL, (size_t) st.st_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    close(fd);
    if (base == MAP_FAILED) {
        fprintf(stderr, "nativebundle-host: cannot map %s: %s\n", path, strerror(errno));
        _exit(EXIT_BAD_SETUP);
    }
    region.base = base;
    region.bytes = (size_t) st.st_size;
    uint32_t magic = *word(region.base, H_MAGIC);
    uint32_t version = *word(region.base, H_VERSION);
    if (magic != WIRE_MAGIC || version != WIRE_VERSION) {
        fprintf(stderr, "nativebundle-host: %s is not a shared file of wire version %u (magic %#x, version %u)\n",
                path, WIRE_VERSION, magic, version);
        _exit(EXIT_BAD_SETUP);
    }
    region.slots = *word(region.base, H_SLOTS);
    region.slot_bytes = *word(region.base, H_SLOT_BYTES);
    region.epoch = *word(region.base, H_EPOCH);
    region.spin_nanos = *word(region.base, H_SPIN_NANOS);
    region.stack_bytes = (size_t) *(uint64_t *) (region.base + H_STACK_BYTES);
    if (region.slots < 2 || region.slot_bytes <= SLOT_HEADER_BYTES
            || HEADER_BYTES + (size_t) region.slots * region.slot_bytes > region.bytes) {
        fprintf(stderr, "nativebundle-host: %s: %u slots of %u bytes do not fit its %zu bytes\n", path,
                region.slots, region.slot_bytes, region.bytes);
        _exit(EXIT_BAD_SETUP);
    }
}

static int apply_limit(int resource, const char *name, uint64_t value, uint64_t hard)
{
    if (value == 0) {
        return 0;
    }
    struct rlimit limit = {(rlim_t) value, (rlim_t) hard};
    if (setrlimit(resource, &limit) != 0) {
        report_failure("setrlimit(%s, %llu) failed: %s", name, (unsigned long long) value, strerror(errno));
        return -1;
    }
    return 0;
}

static void *open_libraries(void)
{
    uint32_t count = *word(region.base, H_FILE_COUNT);
    const char *path = (const char *) region.base + H_FILES;
    const char *end = path + H_FILES_BYTES;
    void *handle = NULL;
    for (uint32_t i = 0; i < count; i++) {
        if (path >= end || memchr(path, 0, (size_t) (end - path)) == NULL) {
            report_failure("the shared file names %u files but its file list ends after %u", count, i);
            return NULL;
        }
        /* RTLD_LOCAL as in process: two generations never bind each other's symbols */
        handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
        if (handle == NULL) {
            report_failure("%s", dlerror());
            return NULL;
        }
        path += strlen(path) + 1;
    }
    if (handle == NULL) {
        report_failure("the shared file names no library to open");
    }
    return handle;
}

/* Returns at the end of stdin: the JVM closed the pipe, or died. */
static void watch_parent(void)
{
    char buffer[64];
    for (;;) {
        ssize_t n = read(STDIN_FILENO, buffer, sizeof buffer);
        if (n == 0 || (n < 0 && errno != EINTR)) {
            return;
        }
    }
}

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "--layout") == 0) {
        return print_layout();
    }
    if (argc != 3) {
        fprintf(stderr, "usage: nativebundle-host <shared file> <parent pid>\n");
        return EXIT_BAD_SETUP;
    }
    /* first of all: die with the JVM, even by SIGKILL */
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != (pid_t) strtol(argv[2], NULL, 10)) {
        _exit(EXIT_ORPHANED);
    }
    /* a crashing plugin leaves no core file per crash behind */
    struct rlimit no_core = {0, 0};
    setrlimit(RLIMIT_CORE, &no_core);
    prctl(PR_SET_DUMPABLE, 0);

    map_region(argv[1]);
    faults_install();
    faults_thread_start(-1);
    *(int64_t *) (region.base + H_PID) = (int64_t) getpid();
    uint64_t address_space = *(uint64_t *) (region.base + H_LIMIT_AS);
    uint64_t cpu = *(uint64_t *) (region.base + H_LIMIT_CPU);
    if (address_space != 0) {
        /* glibc reserves 64 MiB of address space per thread that allocates (its malloc arenas): under
         * an address space limit one arena, so the limit counts what the library uses */
        mallopt(M_ARENA_MAX, 1);
    }
    if (workers_start() != 0) {
        _exit(EXIT_START_FAILED);
    }
    /* CPU: SIGXCPU at the limit, which the fault handler reports; SIGKILL a second later */
    if (apply_limit(RLIMIT_AS, "RLIMIT_AS", address_space, address_space) != 0
            || apply_limit(RLIMIT_CPU, "RLIMIT_CPU", cpu, cpu + 1) != 0) {
        _exit(EXIT_START_FAILED);
    }
    void *library = open_libraries();
    if (library == NULL) {
        _exit(EXIT_START_FAILED);
    }
    calls_open(library);
    __atomic_store_n(word(region.base, H_STATE), STATE_READY, __ATOMIC_SEQ_CST);
    futex_wake_word(word(region.base, H_STATE));
    watch_parent();
    _exit(0);
}
