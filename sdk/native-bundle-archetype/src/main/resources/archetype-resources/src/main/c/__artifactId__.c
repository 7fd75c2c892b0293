#set( $hash = '#' )
/*
 * The C library ${artifactId}. Built by nativebundle-maven-plugin for linux/x86-64 and
 * linux/aarch64 with -Wall -Wextra -Werror -fvisibility=hidden: only what is marked
 * NATIVEBUNDLE_EXPORT is exported, and every exported function is declared in Java
 * (${package}.Calculator) or in bnd.bnd.
 */
${hash}include "nativebundle.h"

/* Library name, library version (as in bnd.bnd), and the nativebundle ABI it is built for. */
NATIVEBUNDLE_LIBRARY("${artifactId}", "1.0.0", "@nativebundle.abi.version@");

NATIVEBUNDLE_EXPORT int add(int a, int b)
{
    return a + b;
}
