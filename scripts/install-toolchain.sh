#!/usr/bin/env bash
# Installs what the build needs beyond a JDK and Maven: gcc and g++ for the host, the
# Debian cross compiler for linux/aarch64, and cargo for the Rust example
# (bundles/examples/fnv). Safe to run repeatedly; does nothing when everything is
# already there.
set -euo pipefail

missing=()
command -v gcc >/dev/null 2>&1 || missing+=(gcc)
# the bnd plugin's tests include a C++ library (extern "C"), compiled for this machine
command -v g++ >/dev/null 2>&1 || missing+=(g++)
# cargo builds the Rust example's cdylib offline (no crates.io dependencies)
command -v cargo >/dev/null 2>&1 || missing+=(cargo)
if [ "$(uname -m)" != "aarch64" ]; then
    command -v aarch64-linux-gnu-gcc >/dev/null 2>&1 || missing+=(gcc-aarch64-linux-gnu)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
    echo "[nativebundle] missing packages: ${missing[*]}; install them with your package manager" >&2
    exit 1
fi
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "[nativebundle] installing ${missing[*]} ..." >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
