/*
 * The example of a plugin with a same-bundle dependency: libgreeter.so needs libfmt.so
 * (DT_NEEDED libfmt.so). The loader opens libfmt.so first by its absolute path in the cache
 * folder, so the dynamic linker finds it by soname without LD_LIBRARY_PATH or $ORIGIN.
 */
#include <stdio.h>
#include <string.h>

#include "nativebundle.h"
#include "fmt.h"

NATIVEBUNDLE_LIBRARY("greeter", "1.0.0", "1.0.0");

static _Thread_local char welcome_text[300];

NATIVEBUNDLE_EXPORT const char *welcome(const char *name)
{
    snprintf(welcome_text, sizeof welcome_text, "[greeter] %s", fmt_greeting(name));
    return welcome_text;
}

NATIVEBUNDLE_EXPORT int welcome_length(const char *name)
{
    return (int) strlen(welcome(name));
}
