/*
 * The fatal signals of a plugin. The handler only notes in the shared header which signal, at
 * which address, in which slot's call (and whether it was a stack overflow), then lets the
 * signal's default action end the process: the JVM reads the note after the exit and names it
 * in the NativeHostCrashedException of every call in flight. Nothing here tries to survive: the
 * process state after a SIGSEGV is not to be trusted.
 *
 * Each thread runs the handler on an alternate stack, so that a stack overflow is reported too.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "host.h"

#define ALT_STACK_BYTES (64 * 1024)
/* A fault this close below or above the low end of a thread's stack is taken for an overflow. */
#define OVERFLOW_MARGIN (256 * 1024)

static const int FATAL[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGSYS, SIGXCPU, SIGXFSZ};

static __thread int current_slot = -1;
static __thread uintptr_t stack_low;

static void on_fatal(int signal, siginfo_t *info, void *context)
{
    (void) context;
    int32_t none = 0;
    int32_t *recorded = (int32_t *) (region.base + H_FAULT_SIGNAL);
    /* the first fault is the one to report; another thread may fault while the process dies */
    if (__atomic_compare_exchange_n(recorded, &none, signal, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) {
        uintptr_t address = (uintptr_t) info->si_addr;
        *(int32_t *) (region.base + H_FAULT_CODE) = info->si_code;
        *(uint64_t *) (region.base + H_FAULT_ADDRESS) = (uint64_t) address;
        *(int32_t *) (region.base + H_FAULT_SLOT) = current_slot;
        if (signal == SIGSEGV && stack_low != 0 && address + OVERFLOW_MARGIN >= stack_low
                && address < stack_low + OVERFLOW_MARGIN) {
            *word(region.base, H_FAULT_FLAGS) = FAULT_STACK_OVERFLOW;
        }
        __atomic_thread_fence(__ATOMIC_SEQ_CST);
    }
    /* SA_RESETHAND restored the default action; the signal is blocked in here, so this one is
     * delivered, with its default action, as soon as the handler returns */
    raise(signal);
}

void faults_install(void)
{
    *(int32_t *) (region.base + H_FAULT_SIGNAL) = 0;
    *(int32_t *) (region.base + H_FAULT_SLOT) = -1;
    *word(region.base, H_FAULT_FLAGS) = 0;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = on_fatal;
    action.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESETHAND;
    sigemptyset(&action.sa_mask);
    for (size_t i = 0; i < sizeof FATAL / sizeof FATAL[0]; i++) {
        sigaction(FATAL[i], &action, NULL);
    }
}

int faults_thread_start(int slot)
{
    current_slot = slot;
    void *alt = mmap(NULL, ALT_STACK_BYTES, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (alt == MAP_FAILED) {
        return -1;
    }
    stack_t stack = {.ss_sp = alt, .ss_size = ALT_STACK_BYTES, .ss_flags = 0};
    if (sigaltstack(&stack, NULL) != 0) {
        return -1;
    }
    pthread_attr_t attributes;
    if (pthread_getattr_np(pthread_self(), &attributes) == 0) {
        void *low;
        size_t size;
        if (pthread_attr_getstack(&attributes, &low, &size) == 0) {
            stack_low = (uintptr_t) low;
        }
        pthread_attr_destroy(&attributes);
    }
    return 0;
}
