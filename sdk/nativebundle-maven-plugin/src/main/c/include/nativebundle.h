/*
 * nativebundle.h - the C header for nativebundle plugin authors.
 *
 * Put this once in one source file of your library:
 *
 *     #include "nativebundle.h"
 *     NATIVEBUNDLE_LIBRARY("math", "1.2.0", "1.0.0");
 *
 *     NATIVEBUNDLE_EXPORT int add(int a, int b) { return a + b; }
 *
 * The arguments are string literals: the library name, the library version, and the
 * nativebundle ABI version the library was built for. The macro
 *
 *  (a) embeds an ELF note in a section named ".note.nativebundle" (SHT_NOTE), so that the
 *      build (bnd plugin) and the runtime (loader) can read it without loading the library:
 *
 *          namesz = 13                  (4 bytes, "nativebundle" plus NUL)
 *          descsz = size of descriptor  (4 bytes, including its final NUL, excluding padding)
 *          type   = 1                   (4 bytes, NATIVEBUNDLE_NOTE_TYPE)
 *          name   = "nativebundle\0"    padded with NULs to a multiple of 4
 *          desc   = NUL-terminated key=value pairs, padded with NULs to a multiple of 4:
 *                   "library=math\0version=1.2.0\0abi=1.0.0\0compiler=gcc 12.2.0\0"
 *
 *      library, version and abi are required; compiler comes from __VERSION__. Readers ignore
 *      unknown keys. Check it with: readelf -n libmath.so
 *
 *  (b) defines and exports  const char *nativebundle_info(void),  which returns the same data as
 *      one human-readable line, e.g. "math 1.2.0 (nativebundle ABI 1.0.0; gcc 12.2.0)". It stays
 *      exported even when the library is compiled with -fvisibility=hidden.
 *
 * Compiling with -fvisibility=hidden is recommended: then only what you mark
 * NATIVEBUNDLE_EXPORT is exported, and the loader can check exactly that.
 *
 * The header needs GCC or Clang (it uses __attribute__) and an ELF target. It compiles cleanly
 * with -std=c11 -pedantic -Wall -Wextra -Werror, and as C++.
 */
#ifndef NATIVEBUNDLE_H
#define NATIVEBUNDLE_H

#if !defined(__GNUC__)
#error "nativebundle.h needs GCC or Clang (__attribute__ section/visibility)"
#endif

/* Exports a function or variable even under -fvisibility=hidden. */
#define NATIVEBUNDLE_EXPORT __attribute__((visibility("default")))

#define NATIVEBUNDLE_NOTE_NAME "nativebundle"
#define NATIVEBUNDLE_NOTE_TYPE 1
#define NATIVEBUNDLE_NOTE_SECTION ".note.nativebundle"

/* __VERSION__ of Clang already starts with the compiler's name; that of GCC is only a number. */
#if defined(__clang__)
#define NATIVEBUNDLE_COMPILER __VERSION__
#else
#define NATIVEBUNDLE_COMPILER "gcc " __VERSION__
#endif

/* Rounds a size up to the 4-byte alignment of ELF note fields. */
#define NATIVEBUNDLE_ALIGN4_(n) (((n) + 3u) & ~3u)

/* "\0" stays its own literal so that a following digit cannot turn it into an octal escape. */
#define NATIVEBUNDLE_DESCRIPTOR_(library, version, abi) \
    "library=" library "\0" "version=" version "\0" "abi=" abi "\0" "compiler=" NATIVEBUNDLE_COMPILER

#ifdef __cplusplus
extern "C" {
#endif

/* Returns e.g. "math 1.2.0 (nativebundle ABI 1.0.0; gcc 12.2.0)". Defined by NATIVEBUNDLE_LIBRARY. */
NATIVEBUNDLE_EXPORT const char *nativebundle_info(void);

#ifdef __cplusplus
}
#define NATIVEBUNDLE_EXTERN_C_ extern "C"
#else
#define NATIVEBUNDLE_EXTERN_C_
#endif

/*
 * The note is one struct so that the compiler lays out header, name and descriptor exactly as
 * the ELF note format requires; the sizes are compile-time constants taken with sizeof from the
 * literals. The arrays are at least one byte longer than the text, so they always end in NUL.
 * The macro ends with a declaration, so the ';' the author writes after it is not a stray one
 * (-pedantic warns about an empty declaration at file scope).
 */
#define NATIVEBUNDLE_LIBRARY(library, version, abi)                                                  \
    static const struct {                                                                            \
        unsigned int namesz;                                                                         \
        unsigned int descsz;                                                                         \
        unsigned int type;                                                                           \
        char name[NATIVEBUNDLE_ALIGN4_(sizeof(NATIVEBUNDLE_NOTE_NAME))];                             \
        char desc[NATIVEBUNDLE_ALIGN4_(sizeof(NATIVEBUNDLE_DESCRIPTOR_(library, version, abi)))];    \
    } nativebundle_note_ __attribute__((section(NATIVEBUNDLE_NOTE_SECTION), used, aligned(4))) = {   \
        sizeof(NATIVEBUNDLE_NOTE_NAME),                                                              \
        sizeof(NATIVEBUNDLE_DESCRIPTOR_(library, version, abi)),                                     \
        NATIVEBUNDLE_NOTE_TYPE,                                                                      \
        NATIVEBUNDLE_NOTE_NAME,                                                                      \
        NATIVEBUNDLE_DESCRIPTOR_(library, version, abi)                                              \
    };                                                                                               \
    NATIVEBUNDLE_EXTERN_C_ NATIVEBUNDLE_EXPORT const char *nativebundle_info(void)                   \
    {                                                                                                \
        return library " " version " (nativebundle ABI " abi "; " NATIVEBUNDLE_COMPILER ")";        \
    }                                                                                                \
    NATIVEBUNDLE_EXTERN_C_ NATIVEBUNDLE_EXPORT const char *nativebundle_info(void)

#endif /* NATIVEBUNDLE_H */
