/* A same-bundle dependency without a build note; the pom builds it with and without a soname. */
#include "nativebundle.h"
NATIVEBUNDLE_EXPORT int dep_value(void) { return 42; }
