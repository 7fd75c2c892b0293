#!/usr/bin/env bash
# Installs what the build needs beyond a JDK and Maven: gcc for the host and the
# Debian cross compiler for linux/aarch64. Safe to run repeatedly; does nothing
# when everything is already there.
set -euo pipefail

missing=()
command -v gcc >/dev/null 2>&1 || missing+=(gcc)
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
