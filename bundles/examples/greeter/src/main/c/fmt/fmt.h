/*
 * libfmt: the formatting library that libgreeter.so needs (DT_NEEDED). It ships in the same
 * bundle folder and has no build note of its own: it is a dependency, not a plugin.
 */
#ifndef GREETER_FMT_H
#define GREETER_FMT_H

#include "nativebundle.h"

/* Returns "Hello, <name>!" in a thread-local buffer, valid until the calling thread's next call. */
NATIVEBUNDLE_EXPORT const char *fmt_greeting(const char *name);

#endif /* GREETER_FMT_H */
