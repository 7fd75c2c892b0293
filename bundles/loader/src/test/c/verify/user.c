/* A library that needs libdep.so (DT_NEEDED); the pom also builds it with RUNPATH $ORIGIN. */
#include "nativebundle.h"
NATIVEBUNDLE_LIBRARY("user", "1.0.0", "1.0.0");
NATIVEBUNDLE_EXPORT int dep_value(void);
NATIVEBUNDLE_EXPORT int user_value(void) { return dep_value() + 1; }
