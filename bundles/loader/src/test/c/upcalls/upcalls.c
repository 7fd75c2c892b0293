/* Upcalls from C into Java (backend.jnr's JnrUpcallsTest): from a thread C creates, which the JVM
   does not know, and from a function pointer C keeps beyond the call that passed it. */
#include <pthread.h>
#include <stddef.h>

typedef int (*int_callback)(int);

struct job {
    int_callback callback;
    int argument;
    int result;
};

static void *run(void *p) {
    struct job *job = p;
    job->result = job->callback(job->argument);
    return NULL;
}

/* Calls back from a new pthread and returns what the callback returned; -2 if no thread started. */
int call_from_new_thread(int_callback callback, int argument) {
    pthread_t thread;
    struct job job = { callback, argument, -1 };
    if (pthread_create(&thread, NULL, run, &job) != 0) {
        return -2;
    }
    pthread_join(thread, NULL);
    return job.result;
}

static int_callback kept;

/* Keeps the function pointer past the call, as a library registering a handler would. */
void keep_callback(int_callback callback) {
    kept = callback;
}

/* Calls the kept pointer; -1 when none is kept. */
int call_kept(int argument) {
    return kept == NULL ? -1 : kept(argument);
}

/* Calls back twice in one call: the sum of both results. */
int call_twice(int_callback callback, int argument) {
    return callback(argument) + callback(argument + 1);
}
