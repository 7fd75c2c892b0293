#!/usr/bin/env bash
# Installs what the build needs beyond a JDK and Maven: gcc and g++ for the host, the
# Debian cross compiler for linux/aarch64, cargo for the Rust example
# (bundles/examples/fnv), and libffi (static, with its header) for this machine and for
# linux/aarch64, which bundles/native-host links into nativebundle-host, and the shared libraries
# of SQLite (libsqlite3-0), libcurl (libcurl4) and OpenSSL's libcrypto (libssl3, libssl3t64 on
# newer releases) that the C ABI itests call through descriptors (itests/.../abi/
# SqliteCallbackTest, CurlCallbackTest, LibcryptoDigestTest), and qemu-user, whose qemu-aarch64
# runs the aarch64 build of bundles/examples/abitest in its AbiTestUnderQemuTest. The aarch64 libffi
# comes from Debian's multiarch (dpkg --add-architecture arm64). Safe to run repeatedly;
# does nothing when everything is already there.
set -euo pipefail

missing=()
command -v gcc >/dev/null 2>&1 || missing+=(gcc)
# the bnd plugin's tests include a C++ library (extern "C"), compiled for this machine
command -v g++ >/dev/null 2>&1 || missing+=(g++)
# cargo builds the Rust example's cdylib offline (no crates.io dependencies)
command -v cargo >/dev/null 2>&1 || missing+=(cargo)
# libffi.a of each target, as its compiler would find it (gcc prints the bare name when it does not)
has_static() { [ "$("$1" -print-file-name="$2" 2>/dev/null)" != "$2" ]; }
foreign=""
if command -v gcc >/dev/null 2>&1; then
    has_static gcc libffi.a || missing+=(libffi-dev)
else
    missing+=(libffi-dev)
fi
if [ "$(uname -m)" != "aarch64" ]; then
    command -v aarch64-linux-gnu-gcc >/dev/null 2>&1 || missing+=(gcc-aarch64-linux-gnu)
    # --no-install-recommends leaves out the cross C library's headers, which the cross compiler
    # only recommends: without them every aarch64 build stops at bits/libc-header-start.h
    if ! command -v aarch64-linux-gnu-gcc >/dev/null 2>&1 \
            || ! echo '#include <stdio.h>' | aarch64-linux-gnu-gcc -x c -E - >/dev/null 2>&1; then
        missing+=(libc6-dev-arm64-cross)
    fi
    # user-mode emulation of aarch64 programs, with the cross C library (-L /usr/aarch64-linux-gnu)
    command -v qemu-aarch64 >/dev/null 2>&1 || missing+=(qemu-user)
    if ! command -v aarch64-linux-gnu-gcc >/dev/null 2>&1 || ! has_static aarch64-linux-gnu-gcc libffi.a; then
        missing+=(libffi-dev:arm64)
        foreign=arm64
    fi
fi
# the host's SQLite and libcurl, as the loader would find them (a descriptor's system = libsqlite3.so.0)
has_shared() {
    if command -v ldconfig >/dev/null 2>&1; then
        ldconfig -p 2>/dev/null | grep -q "^[[:space:]]*$1 "
    else
        ls /lib/*/"$1" /usr/lib/*/"$1" /usr/lib/"$1" >/dev/null 2>&1
    fi
}
has_shared libsqlite3.so.0 || missing+=(libsqlite3-0)
has_shared libcurl.so.4 || missing+=(libcurl4)
# libcrypto.so.3 ships in libssl3 (Debian 12) or libssl3t64 (Debian 13, Ubuntu 24.04, after the
# 64-bit time_t transition); which one this release has is known only after apt-get update
has_shared libcrypto.so.3 || missing+=(libssl3)
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
    echo "[nativebundle] missing packages: ${missing[*]}; install them with your package manager" >&2
    exit 1
fi
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "[nativebundle] installing ${missing[*]} ..." >&2
if [ -n "$foreign" ] && ! dpkg --print-foreign-architectures | grep -qx "$foreign"; then
    $sudo dpkg --add-architecture "$foreign"
fi
$sudo apt-get update -qq
for i in "${!missing[@]}"; do
    if [ "${missing[$i]}" = libssl3 ] && apt-cache policy libssl3t64 2>/dev/null | grep -q 'Candidate: [0-9]'; then
        missing[$i]=libssl3t64
    fi
done
if ! DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
    echo "[nativebundle] could not install ${missing[*]}. Without libffi-dev:arm64 the native host cannot be" >&2
    echo "[nativebundle] built for linux/aarch64: build for this machine only with -Dnativebundle.targets=host." >&2
    exit 1
fi
