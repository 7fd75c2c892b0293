/*
 * The "math" fixture library of the bnd plugin tests. One source, several variants: the
 * test-compile execution in bnd/pom.xml compiles it with the defines below to produce the broken
 * libraries the plugin must refuse (hidden, static or absent symbol, wrong build note).
 */
#include <stddef.h>
#include <string.h>

#include "nativebundle.h"

#ifndef MATH_VERSION
#define MATH_VERSION "1.2.0"
#endif
#ifndef MATH_ABI
#define MATH_ABI "1.0.0"
#endif

#ifndef NO_BUILD_NOTE
NATIVEBUNDLE_LIBRARY("math", MATH_VERSION, MATH_ABI);
#endif

int counter = 0;

int add(int a, int b)
{
    counter++;
    return a + b;
}

#if defined(MULTIPLY_HIDDEN)
__attribute__((visibility("hidden"))) int multiply(int a, int b)
{
    return a * b;
}
#elif defined(MULTIPLY_STATIC)
/* "used" keeps the otherwise unreferenced static function (and its local symbol) in the file */
__attribute__((used)) static int multiply(int a, int b)
{
    return a * b;
}
#elif !defined(MULTIPLY_ABSENT)
int multiply(int a, int b)
{
    return a * b;
}
#endif

const char *greet(const char *name)
{
    return name != NULL ? "hello" : "nobody";
}

int length(const char *s)
{
    return (int) strlen(s);
}

double scale(double x, float factor)
{
    return x * factor;
}

long sum(const long *values, size_t n)
{
    long total = 0;
    for (size_t i = 0; i < n; i++) {
        total += values[i];
    }
    return total;
}

int checksum(const unsigned char *data, size_t n)
{
    int c = 0;
    for (size_t i = 0; i < n; i++) {
        c += data[i];
    }
    return c;
}

int fill(unsigned char *buffer, int n)
{
    memset(buffer, 7, (size_t) n);
    return n;
}

short widen(signed char b)
{
    return (short) b;
}

int is_even(long v)
{
    return v % 2 == 0;
}

void *to_address(void *p)
{
    return p;
}

void reset(void)
{
    counter = 0;
}

int limit(void)
{
    return 100;
}

int raw_fn(void *p, long n)
{
    return p != NULL ? (int) n : -1;
}
