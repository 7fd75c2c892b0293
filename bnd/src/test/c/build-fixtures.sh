#!/usr/bin/env bash
# Compiles the fixture libraries of the bnd plugin tests for linux/x86-64 and linux/aarch64.
# One script instead of one exec-maven-plugin execution per library: the variants differ only
# in their defines, and greeter must be linked after fmt.
#
# usage: build-fixtures.sh <native-cc.sh> <nativebundle.h include dir> <output dir>
set -euo pipefail

cc="$1"; include="$2"; out="$3"
src="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

for arch in x86-64 aarch64; do
    dir="$out/$arch"
    math() { bash "$cc" "$arch" "$dir/$1" "-I$include" "${@:2}" "$src/math.c"; }
    math libmath.so
    math libmath-hidden.so -DMULTIPLY_HIDDEN
    math libmath-static.so -DMULTIPLY_STATIC
    math libmath-absent.so -DMULTIPLY_ABSENT
    math libmath-v13.so '-DMATH_VERSION="1.3.0"'
    math libmath-abi2.so '-DMATH_ABI="2.1.0"'
    math libmath-nonote.so -DNO_BUILD_NOTE
    bash "$cc" "$arch" "$dir/libfmt.so" "-Wl,-soname,libfmt.so" "$src/fmt.c"
    bash "$cc" "$arch" "$dir/libgreeter.so" "-I$include" "$src/greeter.c" "-L$dir" -lfmt
done
