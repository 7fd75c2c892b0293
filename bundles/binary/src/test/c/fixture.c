/*
 * A small plugin library for the ELF reader's tests. It is compiled with -fvisibility=hidden,
 * so only what is marked NATIVEBUNDLE_EXPORT is exported; each other definition below shows one
 * reason why a symbol is not exported.
 */
/* for reallocarray under -std=c11 */
#define _DEFAULT_SOURCE

#include <math.h>
#include <stdlib.h>

#include "nativebundle.h"

NATIVEBUNDLE_LIBRARY("fixture", "1.2.3", "1.0.0");

NATIVEBUNDLE_EXPORT int fixture_counter = 42;

/* noinline/noclone/used keep the local symbol under its own name at -O2 */
static __attribute__((noinline, noclone, used)) int fixture_static_helper(int x)
{
    return x * 3 + fixture_counter;
}

__attribute__((visibility("hidden"), noinline)) int fixture_hidden(int x)
{
    return fixture_static_helper(x) - 1;
}

NATIVEBUNDLE_EXPORT int fixture_add(int a, int b)
{
    return fixture_hidden(a) + b;
}

/* pow has a GLIBC_2.29 version on x86-64 and aarch64: it makes the library need a newer glibc */
NATIVEBUNDLE_EXPORT double fixture_pow(double a, double b)
{
    return pow(a, b);
}

/* libc functions make the library need libc.so.6; reallocarray has version GLIBC_2.26 */
NATIVEBUNDLE_EXPORT void *fixture_alloc(size_t count)
{
    return getenv("FIXTURE_NO_ALLOC") != NULL ? NULL : reallocarray(NULL, count, sizeof(int));
}
