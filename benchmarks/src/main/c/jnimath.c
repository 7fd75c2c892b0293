/*
 * Hand-written JNI entry points for the call-overhead baseline. They call the functions of the
 * math example, compiled from the same math.c into the same library, the way a careful JNI
 * author would: no lookups, no allocation on the call path.
 */
#include <jni.h>

#include "io_nativebundle_benchmarks_calls_JniMath.h"

/* The math example has no header of its own; these are its exported functions. */
int add(int a, int b);
void noop(void);
int length(const char *text);

/* Strings up to this many bytes (modified UTF-8) are copied to the stack; longer ones are not expected here. */
#define STACK_STRING 256

JNIEXPORT jint JNICALL Java_io_nativebundle_benchmarks_calls_JniMath_add(JNIEnv *env, jclass cls, jint a, jint b)
{
    (void) env;
    (void) cls;
    return add(a, b);
}

JNIEXPORT void JNICALL Java_io_nativebundle_benchmarks_calls_JniMath_noop(JNIEnv *env, jclass cls)
{
    (void) env;
    (void) cls;
    noop();
}

JNIEXPORT jint JNICALL Java_io_nativebundle_benchmarks_calls_JniMath_length(JNIEnv *env, jclass cls, jstring text)
{
    (void) cls;
    if (text == NULL) {
        return length(NULL);
    }
    jsize chars = (*env)->GetStringLength(env, text);
    jsize bytes = (*env)->GetStringUTFLength(env, text);
    if (bytes < STACK_STRING) {
        /* GetStringUTFRegion copies without allocating, the cheapest way to get a C string */
        char buffer[STACK_STRING];
        (*env)->GetStringUTFRegion(env, text, 0, chars, buffer);
        buffer[bytes] = '\0';
        return length(buffer);
    }
    const char *utf = (*env)->GetStringUTFChars(env, text, NULL);
    if (utf == NULL) {
        return -1; /* OutOfMemoryError is pending */
    }
    jint result = length(utf);
    (*env)->ReleaseStringUTFChars(env, text, utf);
    return result;
}
