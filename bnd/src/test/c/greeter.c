/* The "greeter" fixture: a library that needs libfmt.so (DT_NEEDED) from the same bundle. */
#include <stddef.h>

#include "nativebundle.h"

NATIVEBUNDLE_LIBRARY("greeter", "1.0.0", "1.0.0");

size_t fmt_greeting(const char *name, char *out, size_t size);

int greet_into(const char *name, char *out, int size)
{
    return (int) fmt_greeting(name, out, (size_t) size);
}
