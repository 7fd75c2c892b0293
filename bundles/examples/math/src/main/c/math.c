/*
 * The example native library of nativebundle: a few functions and one exported variable,
 * enough to show typed calls, calls by name, strings and data symbols.
 */
#include <stdio.h>
#include <string.h>

#include "nativebundle.h"

NATIVEBUNDLE_LIBRARY("math", "1.2.0", "1.0.0");

/* An exported variable: Java reads and writes it through its address (NativeVariable). */
NATIVEBUNDLE_EXPORT int counter = 0;

NATIVEBUNDLE_EXPORT int add(int a, int b)
{
    return a + b;
}

NATIVEBUNDLE_EXPORT int multiply(int a, int b)
{
    return a * b;
}

/* Thread-local so that concurrent callers never see each other's greeting. */
static _Thread_local char greeting[256];

NATIVEBUNDLE_EXPORT const char *greet(const char *name)
{
    snprintf(greeting, sizeof greeting, "Hello, %s!", name ? name : "(null)");
    return greeting;
}

NATIVEBUNDLE_EXPORT int length(const char *text)
{
    return text ? (int) strlen(text) : -1;
}

/* Reads the variable from the C side, so tests can prove that a write from Java arrived. */
NATIVEBUNDLE_EXPORT int counter_value(void)
{
    return counter;
}

NATIVEBUNDLE_EXPORT void increment(void)
{
    counter++;
}

/* Does nothing: the benchmarks use it to measure the bare cost of a call. */
NATIVEBUNDLE_EXPORT void noop(void)
{
}
