/*
 * The test library of the out-of-process backend's unit tests: one function per type of the
 * signature vocabulary that crosses the process boundary, a handle that goes out and comes back,
 * an exported variable, and two functions that end their host: one faults, one never returns.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define EXPORT __attribute__((visibility("default")))

EXPORT int add(int a, int b) { return a + b; }
EXPORT int64_t add_long(int64_t a, int64_t b) { return a + b; }
EXPORT int8_t negate_byte(int8_t b) { return (int8_t) -b; }
EXPORT int16_t twice_short(int16_t s) { return (int16_t) (2 * s); }
EXPORT float half_float(float f) { return f / 2; }
EXPORT double mix(int a, double b, float c, int64_t d) { return a + b + c + (double) d; }
EXPORT int is_positive(int value) { return value > 0; }
EXPORT int length(const char *text) { return text == NULL ? -1 : (int) strlen(text); }

static char greeting[256];

EXPORT const char *greet(const char *name)
{
    if (name == NULL) {
        return NULL;
    }
    strcpy(greeting, "Hello, ");
    strncat(greeting, name, sizeof greeting - 9);
    strcat(greeting, "!");
    return greeting;
}

/* Writes value into the first count bytes of buffer; returns the sum of what was there before. */
EXPORT int fill(unsigned char *buffer, int count, int value)
{
    int sum = 0;
    for (int i = 0; i < count; i++) {
        sum += buffer[i];
        buffer[i] = (unsigned char) value;
    }
    return sum;
}

struct box {
    int value;
};

EXPORT void *box_new(int value)
{
    struct box *b = malloc(sizeof *b);
    b->value = value;
    return b;
}

EXPORT int box_value(void *b) { return ((struct box *) b)->value; }

EXPORT int counter = 7;
EXPORT double ratio = 0.5;

EXPORT int counter_value(void) { return counter; }

EXPORT int segv(void)
{
    volatile int *nowhere = NULL;
    return *nowhere;
}

EXPORT void spin(void)
{
    for (volatile uint64_t i = 0;; i++) {
    }
}
