/*
 * Hand-written JNI entry points for the call-overhead baseline. They call the functions of the
 * math example, compiled from the same math.c into the same library, the way a careful JNI
 * author would: no lookups, no allocation on the call path.
 */
#define _GNU_SOURCE /* qsort_r */
#include <errno.h>
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

/*
 * The typed shapes of abitest (issue 16's typed vocabulary), as a JNI author binds them: the same
 * C bodies as abitest.c, kept out of line as a call into a library would be.
 */
__attribute__((noinline)) static uint32_t next_u32(uint32_t v)
{
    return v + 1u;
}

__attribute__((noinline)) static long sum_ints(const int *v, int n)
{
    long sum = 0;
    for (int i = 0; i < n; i++) {
        sum += v[i];
    }
    return sum;
}

__attribute__((noinline)) static void fill_doubles(double *v, int n, double x)
{
    for (int i = 0; i < n; i++) {
        v[i] = x * i;
    }
}

__attribute__((noinline)) static int divmod(int a, int b, int *quot, long *rem, double *ratio)
{
    if (b == 0) {
        return -1;
    }
    *quot = a / b;
    *rem = a % b;
    *ratio = (double) a / b;
    return 0;
}

__attribute__((noinline)) static int fail_with(int e)
{
    errno = e;
    return -1;
}

/* What @SaveError keeps: the errno of this thread's last failWith, read right after the call. */
static __thread int saved_errno;

JNIEXPORT jlong JNICALL Java_io_nativebundle_benchmarks_calls_JniMath_nextU32(JNIEnv *env, jclass cls, jlong v)
{
    (void) env;
    (void) cls;
    return (jlong) next_u32((uint32_t) v);
}

JNIEXPORT jlong JNICALL Java_io_nativebundle_benchmarks_calls_JniMath_sumInts(JNIEnv *env, jclass cls,
        jintArray values, jint n)
{
    (void) cls;
    jint *v = (*env)->GetPrimitiveArrayCritical(env, values, NULL);
    if (v == NULL) {
        return 0; /* OutOfMemoryError pending */
    }
    long sum = sum_ints(v, n);
    /* C only read it: nothing to copy back */
    (*env)->ReleasePrimitiveArrayCritical(env, values, v, JNI_ABORT);
    return sum;
}

JNIEXPORT void JNICALL Java_io_nativebundle_benchmarks_calls_JniMath_fillDoubles(JNIEnv *env, jclass cls,
        jdoubleArray values, jint n, jdouble x)
{
    (void) cls;
    jdouble *v = (*env)->GetPrimitiveArrayCritical(env, values, NULL);
    if (v == NULL) {
        return;
    }
    fill_doubles(v, n, x);
    (*env)->ReleasePrimitiveArrayCritical(env, values, v, 0);
}

JNIEXPORT jint JNICALL Java_io_nativebundle_benchmarks_calls_JniMath_divmod(JNIEnv *env, jclass cls, jint a, jint b,
        jintArray quot, jlongArray rem, jdoubleArray ratio)
{
    (void) cls;
    int q;
    long r;
    double f;
    int result = divmod(a, b, &q, &r, &f);
    if (result == 0) {
        jint jq = q;
        jlong jr = r;
        jdouble jf = f;
        (*env)->SetIntArrayRegion(env, quot, 0, 1, &jq);
        (*env)->SetLongArrayRegion(env, rem, 0, 1, &jr);
        (*env)->SetDoubleArrayRegion(env, ratio, 0, 1, &jf);
    }
    return result;
}

JNIEXPORT jint JNICALL Java_io_nativebundle_benchmarks_calls_JniMath_failWith(JNIEnv *env, jclass cls, jint e)
{
    (void) env;
    (void) cls;
    int result = fail_with(e);
    saved_errno = errno;
    return result;
}

JNIEXPORT jint JNICALL Java_io_nativebundle_benchmarks_calls_JniMath_lastErrno(JNIEnv *env, jclass cls)
{
    (void) env;
    (void) cls;
    return saved_errno;
}
