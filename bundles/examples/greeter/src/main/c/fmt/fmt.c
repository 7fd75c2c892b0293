#include <stdio.h>

#include "fmt.h"

/* Thread-local so that concurrent callers never see each other's text. */
static _Thread_local char text[256];

NATIVEBUNDLE_EXPORT const char *fmt_greeting(const char *name)
{
    snprintf(text, sizeof text, "Hello, %s!", name ? name : "(null)");
    return text;
}
