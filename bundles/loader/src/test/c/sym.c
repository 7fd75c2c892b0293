/*
 * The unit tests' native library for NativeFunction and NativeVariable: one function per
 * argument and return type of NativeSignature, and one variable per variable type.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

int counter = 7;
int64_t big = -5;
double ratio = 0.5;
float scale = 1.5f;
int8_t small = -3;
int16_t middle = 1000;
void *where = NULL;

int add(int a, int b) { return a + b; }
int negate(int a) { return -a; }
int answer(void) { return 42; }
int64_t add_long(int64_t a, int64_t b) { return a + b; }
void bump(void) { counter++; }
int counter_value(void) { return counter; }
double mix(double a, float b) { return a * b; }
float half(float a) { return a / 2; }
int8_t echo_byte(int8_t a) { return a; }
int16_t echo_short(int16_t a) { return a; }
int is_positive(int a) { return a > 0; }
void *counter_address(void) { return &counter; }
int64_t pointer_value(void *p) { return (int64_t) (intptr_t) p; }

int length(const char *text) { return text ? (int) strlen(text) : -1; }

/* Two string parameters at once: each position has its own scratch on the Java side. */
int two_lengths(const char *a, const char *b) { return length(a) * 10000 + length(b); }

/* The bytes of a C string, each weighted by its position: shows every byte arrived, in order. */
int64_t byte_sum(const char *text)
{
    int64_t sum = 0;
    for (int64_t i = 0; text[i] != '\0'; i++) {
        sum += (int64_t) (unsigned char) text[i] * (i + 1);
    }
    return sum;
}

static _Thread_local char greeting[256];

const char *greet(const char *name)
{
    snprintf(greeting, sizeof greeting, "Hello, %s!", name ? name : "(null)");
    return greeting;
}

const char *maybe(int present) { return present ? "here" : NULL; }

/* Sums the bytes of a buffer and then overwrites them with 1, 2, 3...: proves in and out. */
int sum_bytes(unsigned char *bytes, int count)
{
    int sum = 0;
    for (int i = 0; i < count; i++) {
        sum += bytes[i];
        bytes[i] = (unsigned char) (i + 1);
    }
    return sum;
}

/* Every parameter type at once; the result shows that each arrived where it belongs. */
double everything(int8_t b, int16_t s, int i, int64_t l, float f, double d, int flag, void *p, const char *text)
{
    return b + s + i + (double) l + f + d + (flag ? 1000000 : 0) + (p ? 0.25 : 0) + (text ? (double) strlen(text) : -1);
}

/* version functions, for VersionFunctionTest: one that answers, one that returns NULL */
const char *sym_version(void) { return "3.4.5-beta"; }
const char *sym_no_version(void) { return NULL; }
