/* A small library for the wrap tests: a build note, functions, a variable and a hidden helper. */
#include "nativebundle.h"

NATIVEBUNDLE_LIBRARY("fix", "1.0.0", "1.0.0");

NATIVEBUNDLE_EXPORT int counter = 0;

int helper(int a);

int helper(int a)
{
    return a * 2;
}

NATIVEBUNDLE_EXPORT int add(int a, int b)
{
    return a + b;
}

NATIVEBUNDLE_EXPORT long twice(long a)
{
    return helper((int) a);
}
