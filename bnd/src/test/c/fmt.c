/* A same-bundle dependency of the greeter fixture: shipped next to libgreeter.so, no build note. */
#include <stddef.h>
#include <string.h>

size_t fmt_greeting(const char *name, char *out, size_t size)
{
    size_t n = strlen(name);
    if (size > 0) {
        size_t copy = n < size - 1 ? n : size - 1;
        memcpy(out, name, copy);
        out[copy] = '\0';
    }
    return n;
}
