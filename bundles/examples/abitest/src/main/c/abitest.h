/*
 * The structs of the abitest library, apart so that StructLayoutGccTest (src/test) compiles the
 * contract's layout of each, as the bnd plugin wrote it from AbiTest's Struct classes, against
 * them with gcc for every target.
 */
#ifndef ABITEST_H
#define ABITEST_H

struct point {
    int x;
    int y;
};

/* A nested struct and a fixed array: kind at 0, origin at 4, scale at 16, tags at 24, size 32. */
struct shape {
    signed char kind;
    struct point origin;
    double scale;
    short tags[3];
};

/* 16 bytes of two classes: count in an integer register, mean in a vector register on x86-64. */
struct sample {
    int count;
    double mean;
};

#endif
