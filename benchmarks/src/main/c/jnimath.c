/*
 * Hand-written JNI entry points for the call-overhead baseline. They call the functions of the
 * math example, compiled from the same math.c into the same library, the way a careful JNI
 * author would: no lookups, no allocation on the call path.
 */
#define _GNU_SOURCE /* qsort_r */
#include <jni.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

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

/*
 * The C ABI baselines (issue 15). clock_gettime fills a struct timespec through a pointer; the
 * careful JNI author hands the two fields back in a caller's long[2], with no allocation.
 */
JNIEXPORT jint JNICALL Java_io_nativebundle_benchmarks_calls_JniMath_clockGettime(JNIEnv *env, jclass cls,
        jint clock, jlongArray out)
{
    (void) cls;
    struct timespec ts;
    int result = clock_gettime((clockid_t) clock, &ts);
    jlong fields[2] = {(jlong) ts.tv_sec, (jlong) ts.tv_nsec};
    (*env)->SetLongArrayRegion(env, out, 0, 2, fields);
    return result;
}

/* What qsort_r hands the comparator: the JNI environment, the Java comparator and its method. */
struct java_comparator {
    JNIEnv *env;
    jobject comparator;
    jmethodID compare;
};

static int compare_in_java(const void *a, const void *b, void *context)
{
    struct java_comparator *java = context;
    JNIEnv *env = java->env;
    if ((*env)->ExceptionCheck(env)) {
        return 0; /* a comparator threw: finish the sort quickly, Java sees the exception on return */
    }
    return (*env)->CallIntMethod(env, java->comparator, java->compare, (jlong) (intptr_t) a, (jlong) (intptr_t) b);
}

JNIEXPORT jlong JNICALL Java_io_nativebundle_benchmarks_calls_JniMath_address(JNIEnv *env, jclass cls, jobject direct)
{
    (void) cls;
    return (jlong) (intptr_t) (*env)->GetDirectBufferAddress(env, direct);
}

/*
 * qsort of the ints in a direct buffer with a Java comparator that gets the two elements'
 * addresses, as a NativeFunction callback does; the method is looked up once per sort.
 */
JNIEXPORT void JNICALL Java_io_nativebundle_benchmarks_calls_JniMath_qsortInts(JNIEnv *env, jclass cls,
        jobject ints, jint count, jobject comparator)
{
    (void) cls;
    void *base = (*env)->GetDirectBufferAddress(env, ints);
    jclass type = (*env)->GetObjectClass(env, comparator);
    jmethodID compare = (*env)->GetMethodID(env, type, "compare", "(JJ)I");
    if (base == NULL || compare == NULL) {
        return; /* not a direct buffer, or NoSuchMethodError is pending */
    }
    struct java_comparator java = {env, comparator, compare};
    qsort_r(base, (size_t) count, sizeof(jint), compare_in_java, &java);
}

/*
 * A struct by value (issue 15), as abitest's point_add: the careful JNI author passes the fields
 * as ints and hands the result's two fields back in a caller's int[2]. The C function is not
 * inlined, so the struct travels by value in registers as it does to libabitest's.
 */
struct point {
    int x;
    int y;
};

__attribute__((noinline)) static struct point point_add(struct point a, struct point b)
{
    struct point r = {a.x + b.x, a.y + b.y};
    return r;
}

JNIEXPORT void JNICALL Java_io_nativebundle_benchmarks_calls_JniMath_pointAdd(JNIEnv *env, jclass cls,
        jint ax, jint ay, jint bx, jint by, jintArray out)
{
    (void) cls;
    struct point a = {ax, ay};
    struct point b = {bx, by};
    struct point r = point_add(a, b);
    jint fields[2] = {r.x, r.y};
    (*env)->SetIntArrayRegion(env, out, 0, 2, fields);
}
