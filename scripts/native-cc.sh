#!/usr/bin/env bash
# Compiles C sources into a shared library for one target platform.
# Used by the Maven build of every module that ships or tests native code, so
# that the compiler choice and the "missing cross compiler" message live in one place.
#
# usage: native-cc.sh <arch> <output.so> <cc args, sources or source folders...>
#   arch: x86-64 | aarch64   (the OSGi processor names used under native/linux/<arch>/)
#
# Environment: CC_X86_64, CC_AARCH64 override the compiler for that target.
set -euo pipefail

if [ $# -lt 3 ]; then
    echo "usage: native-cc.sh <x86-64|aarch64> <output.so> <cc args and sources...>" >&2
    exit 64
fi
arch="$1"; out="$2"; shift 2
host="$(uname -m)"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

case "$arch" in
    x86-64)
        if [ "$host" = "x86_64" ]; then default=gcc; else default=x86_64-linux-gnu-gcc; fi
        cc="${CC_X86_64:-$default}"; pkg=gcc-x86-64-linux-gnu ;;
    aarch64)
        if [ "$host" = "aarch64" ]; then default=gcc; else default=aarch64-linux-gnu-gcc; fi
        cc="${CC_AARCH64:-$default}"; pkg=gcc-aarch64-linux-gnu ;;
    *)
        echo "native-cc.sh: unknown target architecture '$arch' (expected x86-64 or aarch64)" >&2
        exit 64 ;;
esac

if ! command -v "$cc" >/dev/null 2>&1; then
    cat >&2 <<MSG
[nativebundle] ERROR: the C compiler for linux/$arch, '$cc', was not found on PATH.
[nativebundle]   The example native bundles are built for linux/x86-64 and linux/aarch64.
[nativebundle]   Install it with:   $here/install-toolchain.sh
[nativebundle]   (on Debian/Ubuntu: apt-get update && apt-get install -y $pkg)
MSG
    exit 127
fi

# A directory argument stands for the C files in it, so Maven (which does not glob) can pass src/main/c.
args=()
prev=""
for a in "$@"; do
    if [ -d "$a" ] && [[ "$prev" != -[ILo] ]]; then
        shopt -s nullglob; files=("$a"/*.c); shopt -u nullglob
        if [ ${#files[@]} -eq 0 ]; then
            echo "native-cc.sh: no .c files in directory '$a'" >&2; exit 66
        fi
        args+=("${files[@]}")
    else
        args+=("$a")
    fi
    prev="$a"
done

mkdir -p "$(dirname "$out")"
# -Werror keeps the C sources warning-free under -Wall -Wextra, as the style guide asks.
exec "$cc" -shared -fPIC -O2 -g0 -Wall -Wextra -Werror -o "$out" "${args[@]}"
