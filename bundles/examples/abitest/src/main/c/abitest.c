/*
 * The C ABI test library of nativebundle: one function per type and shape of the signature
 * grammar, each computing something the tests can compute again in Java without native code.
 */
#include <string.h>
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "nativebundle.h"
#include "abitest.h"

NATIVEBUNDLE_LIBRARY("abitest", "1.0.0", "1.0.0");

/* Unsigned integers wrap at their width: 255 + 1 is 0, which a signed carrier would get wrong. */
NATIVEBUNDLE_EXPORT uint8_t next_u8(uint8_t v) { return (uint8_t) (v + 1u); }
NATIVEBUNDLE_EXPORT uint16_t next_u16(uint16_t v) { return (uint16_t) (v + 1u); }
NATIVEBUNDLE_EXPORT uint32_t next_u32(uint32_t v) { return v + 1u; }
NATIVEBUNDLE_EXPORT uint64_t next_u64(uint64_t v) { return v + 1u; }

/* Above the signed maximum, halving an unsigned value differs from halving a signed one. */
NATIVEBUNDLE_EXPORT size_t half_size(size_t n) { return n / 2; }
NATIVEBUNDLE_EXPORT ssize_t negate_ssize(ssize_t n) { return -n; }

/* Arrays: read only (in), written only (out), read and written (inout). */
NATIVEBUNDLE_EXPORT long sum_ints(const int *v, int n)
{
    long sum = 0;
    for (int i = 0; i < n; i++) {
        sum += v[i];
    }
    return sum;
}

NATIVEBUNDLE_EXPORT void fill_doubles(double *v, int n, double x)
{
    for (int i = 0; i < n; i++) {
        v[i] = x * i;
    }
}

NATIVEBUNDLE_EXPORT void twice_longs(long *v, int n)
{
    for (int i = 0; i < n; i++) {
        v[i] *= 2;
    }
}

NATIVEBUNDLE_EXPORT void twice_shorts(short *v, int n)
{
    for (int i = 0; i < n; i++) {
        v[i] = (short) (v[i] * 2);
    }
}

NATIVEBUNDLE_EXPORT void twice_floats(float *v, int n)
{
    for (int i = 0; i < n; i++) {
        v[i] *= 2;
    }
}

/* Out scalars: C's truncating quotient and remainder, and the exact ratio. */
NATIVEBUNDLE_EXPORT int divmod(int a, int b, int *quot, long *rem, double *ratio)
{
    if (b == 0) {
        return -1;
    }
    *quot = a / b;
    *rem = a % b;
    *ratio = (double) a / b;
    return 0;
}

/* An in-out scalar. */
NATIVEBUNDLE_EXPORT void increment(long *v) { *v += 1; }

/* errno: set as a failing libc function would, with -1 as the result. */
NATIVEBUNDLE_EXPORT int fail_with(int e)
{
    errno = e;
    return -1;
}

/* Structs by value, as parameters and as the result. */
NATIVEBUNDLE_EXPORT struct point point_add(struct point a, struct point b)
{
    struct point r = { a.x + b.x, a.y + b.y };
    return r;
}

/* A nested struct with a fixed array by value, 32 bytes: passed and returned in memory on x86-64
 * (larger than 16 bytes), where point travels in two integer registers. Moves the origin by
 * (dx, dy) and sets the last tag to the sum of the first two. */
NATIVEBUNDLE_EXPORT struct shape shape_moved(struct shape s, int dx, int dy)
{
    s.origin.x += dx;
    s.origin.y += dy;
    s.tags[2] = (short) (s.tags[0] + s.tags[1]);
    return s;
}

/* A struct by value and an out-parameter: returns p.x and writes p.y to *y. */
NATIVEBUNDLE_EXPORT int point_parts(struct point p, int *y)
{
    *y = p.y;
    return p.x;
}

/* Adds x to a running mean. A NaN x sets errno to EDOM and returns the sample unchanged. */
NATIVEBUNDLE_EXPORT struct sample sample_add(struct sample s, double x)
{
    if (x != x) {
        errno = EDOM;
        return s;
    }
    s.mean = (s.mean * s.count + x) / (s.count + 1);
    s.count++;
    return s;
}

/* A struct by pointer, written only (out), as a whole: all 32 bytes, trailing padding included,
 * which a caller that allocates only up to the last field (jnr-ffi's 30 bytes) would not have. */
NATIVEBUNDLE_EXPORT void shape_make(struct shape *s, int x, int y)
{
    struct shape r;
    memset(&r, 0, sizeof r);
    r.kind = 7;
    r.origin.x = x;
    r.origin.y = y;
    r.scale = 1.5;
    r.tags[0] = 1;
    r.tags[1] = 2;
    r.tags[2] = 3;
    memcpy(s, &r, sizeof r);
}

/* A struct by pointer, read and written (inout): scales every number in it. */
NATIVEBUNDLE_EXPORT void shape_scale(struct shape *s, int f)
{
    s->origin.x *= f;
    s->origin.y *= f;
    s->scale *= f;
    for (int i = 0; i < 3; i++) {
        s->tags[i] = (short) (s->tags[i] * f);
    }
}

/* A callback called n times with 0..n-1: the sum of its results. */
NATIVEBUNDLE_EXPORT long call_n(int n, int (*cb)(int))
{
    long sum = 0;
    for (int i = 0; i < n; i++) {
        sum += cb(i);
    }
    return sum;
}

/* A variadic sum of n longs. */
NATIVEBUNDLE_EXPORT long sum_var(int n, ...)
{
    va_list ap;
    long sum = 0;
    va_start(ap, n);
    for (int i = 0; i < n; i++) {
        sum += va_arg(ap, long);
    }
    va_end(ap);
    return sum;
}

/* A variadic sum of n doubles: on x86-64 the callee reads them from vector registers, which it
 * saves only when the caller says in %al that it used some, as a variadic call does. */
NATIVEBUNDLE_EXPORT double sum_var_doubles(int n, ...)
{
    va_list ap;
    double sum = 0;
    va_start(ap, n);
    for (int i = 0; i < n; i++) {
        sum += va_arg(ap, double);
    }
    va_end(ap);
    return sum;
}
