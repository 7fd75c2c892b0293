/*
 * The test library of the lifecycle unit tests: a function to call, and one that stays in
 * flight for a while, so an unload can be observed waiting for a native call.
 */
#include <stdatomic.h>
#include <time.h>

#define EXPORT __attribute__((visibility("default")))

EXPORT int add(int a, int b);
EXPORT int hold(int millis);
EXPORT int holding(void);
EXPORT int counter;
EXPORT void increment(void);
EXPORT int counter_value(void);

/* Exported data that the library's own code reads through the GOT, as C code does by default. */
int counter = 0;

static atomic_int held = 0;

int add(int a, int b)
{
    return a + b;
}

/*
 * Returns 42 after about millis milliseconds. The sleep is what the test is about: a native call
 * still in flight when the unload's timeout passes, so the generation lingers until it returns.
 */
int hold(int millis)
{
    struct timespec pause = {millis / 1000, (long) (millis % 1000) * 1000000L};
    atomic_fetch_add(&held, 1);
    nanosleep(&pause, NULL);
    atomic_fetch_sub(&held, 1);
    return 42;
}

/* How many calls are in hold() now. */
int holding(void)
{
    return atomic_load(&held);
}

void increment(void)
{
    counter++;
}

int counter_value(void)
{
    return counter;
}
