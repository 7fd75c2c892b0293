#set( $hash = '#' )
/*
 * The C library ${artifactId}. Built by nativebundle-maven-plugin for linux/x86-64 and
 * linux/aarch64 with -Wall -Wextra -Werror -fvisibility=hidden: only what is marked
 * NATIVEBUNDLE_EXPORT is exported, and every exported function is declared in Java
 * (${package}.Calculator) or in bnd.bnd.
 */
${hash}include <limits.h>

${hash}include "nativebundle.h"

/* Library name, library version (as in bnd.bnd), and the nativebundle ABI it is built for. */
NATIVEBUNDLE_LIBRARY("${artifactId}", "1.0.0", "@nativebundle.abi.version@");

NATIVEBUNDLE_EXPORT int add(int a, int b)
{
    return a + b;
}

/*
 * A struct, as C APIs return them (C's div returns a div_t like it). Java declares it as
 * Calculator.Division: a jnr-ffi Struct with the same fields in the same order, so the same
 * layout (quot at 0, rem at 4, 8 bytes).
 */
typedef struct {
    int quot;
    int rem;
} division;

/* Whether a / b is defined in C: not for b == 0, nor for INT_MIN / -1, which overflows. */
static int divisible(int a, int b)
{
    return b != 0 && !(a == INT_MIN && b == -1);
}

/* The struct returned by value: a / b and a % b, truncated toward zero as C does; {0, 0} where
 * a / b is not defined. */
NATIVEBUNDLE_EXPORT division divide(int a, int b)
{
    division r = { 0, 0 };
    if (divisible(a, b)) {
        r.quot = a / b;
        r.rem = a % b;
    }
    return r;
}

/* The same by pointer, which C only writes: 0, or -1 (and *result untouched) where a / b is not
 * defined. */
NATIVEBUNDLE_EXPORT int divide_into(int a, int b, division *result)
{
    if (!divisible(a, b)) {
        return -1;
    }
    result->quot = a / b;
    result->rem = a % b;
    return 0;
}
