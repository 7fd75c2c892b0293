/* A libc-free library, built as ELF32 and as big-endian ELF64 to cover those encodings. */
#include "nativebundle.h"

NATIVEBUNDLE_LIBRARY("mini", "0.1.0", "1.0.0");

NATIVEBUNDLE_EXPORT int mini_value(void)
{
    return 7;
}
