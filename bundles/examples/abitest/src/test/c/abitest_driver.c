/*
 * Calls the abitest library as a C program of the same target would, and prints what each
 * function returned, one line per call; AbiTestUnderQemuTest runs it for linux/aarch64 under
 * qemu-aarch64 and compares the lines with what Java computes. The structs come from abitest.h,
 * the library's own; the functions are declared here as abitest.c defines them.
 */
#include <inttypes.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include "abitest.h"

uint8_t next_u8(uint8_t v);
uint64_t next_u64(uint64_t v);
size_t half_size(size_t n);
int divmod(int a, int b, int *quot, long *rem, double *ratio);
struct point point_add(struct point a, struct point b);
struct shape shape_moved(struct shape s, int dx, int dy);
struct sample sample_add(struct sample s, double x);
long sum_var(int n, ...);
double sum_var_doubles(int n, ...);

int main(void)
{
    printf("next_u8 %u\n", (unsigned) next_u8(255));
    printf("next_u64 %" PRIu64 "\n", next_u64(UINT64_MAX));
    printf("half_size %zu\n", half_size(SIZE_MAX));

    int quot;
    long rem;
    double ratio;
    int status = divmod(-17, 5, &quot, &rem, &ratio);
    printf("divmod %d %d %ld %.17g\n", status, quot, rem, ratio);

    struct point a = { 1, -2 }, b = { 40, 2 };
    struct point p = point_add(a, b);
    printf("point_add %d %d\n", p.x, p.y);

    struct shape s = { 7, { 1, 2 }, 1.5, { 10, 20, 0 } };
    struct shape m = shape_moved(s, 3, 4);
    printf("shape_moved %d %d %d %.17g %d %d %d\n", m.kind, m.origin.x, m.origin.y, m.scale, m.tags[0], m.tags[1],
           m.tags[2]);

    struct sample before = { 2, 3.0 };
    struct sample after = sample_add(before, 6.0);
    printf("sample_add %d %.17g\n", after.count, after.mean);

    printf("sum_var %ld\n", sum_var(3, 1L, 2L, 3L));
    printf("sum_var_doubles %.17g\n", sum_var_doubles(2, 0.5, 0.25));
    return 0;
}
