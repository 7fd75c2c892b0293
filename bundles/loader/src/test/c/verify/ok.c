/* A plugin library: build note, exported functions (one needs libc), one hidden and one static. */
#include <string.h>
#include "nativebundle.h"
NATIVEBUNDLE_LIBRARY("ok", "1.0.0", "1.0.0");
NATIVEBUNDLE_EXPORT int ok_length(const char *s) { return (int) strlen(s); }
NATIVEBUNDLE_EXPORT int ok_add(int a, int b) { return a + b; }
int ok_hidden(int a) { return a; }
static int ok_static(int a) { return a * 2; }
NATIVEBUNDLE_EXPORT int ok_twice(int a) { return ok_static(a) + ok_hidden(0); }
