/*
 * The library of CallbackErrorsTest: a function pointer kept beyond the call that passed it (as a
 * library registering a handler does) and called later, one called at once, and one called from
 * a pthread this library creates, which the JVM does not know.
 */
#include <pthread.h>
#include <stddef.h>

#define EXPORT __attribute__((visibility("default")))

typedef int (*int_callback)(int);

static int_callback kept;

/* Keeps the pointer; NULL forgets it. */
EXPORT void keeper_keep(int_callback callback)
{
    __atomic_store_n(&kept, callback, __ATOMIC_SEQ_CST);
}

/* Calls the kept pointer; -1 when none is kept. */
EXPORT int keeper_call(int value)
{
    int_callback callback = __atomic_load_n(&kept, __ATOMIC_SEQ_CST);
    return callback == NULL ? -1 : callback(value);
}

/* Calls the pointer at once, on the caller's thread. */
EXPORT int keeper_apply(int_callback callback, int value)
{
    return callback(value);
}

struct job {
    int_callback callback;
    int value;
    int result;
};

static void *run(void *p)
{
    struct job *job = p;
    job->result = job->callback(job->value);
    return NULL;
}

/* Calls the pointer from a new pthread and returns its result once the thread ended; -2 if none started. */
EXPORT int keeper_on_new_thread(int_callback callback, int value)
{
    pthread_t thread;
    struct job job = {callback, value, -1};
    if (pthread_create(&thread, NULL, run, &job) != 0) {
        return -2;
    }
    pthread_join(thread, NULL);
    return job.result;
}
