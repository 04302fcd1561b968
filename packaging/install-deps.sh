#!/usr/bin/env bash
# Installs every Debian 12 package Spike Studio needs to build, test, package and run.
# Idempotent: packages already present are skipped. Works as root or through sudo.
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config git
    qt6-base-dev qt6-svg-dev libqcustomplot-dev libgl-dev
    libtcc-dev tcc libsqlite3-dev nlohmann-json3-dev libssl-dev libelf-dev libfftw3-dev libgsl-dev
    xvfb xauth
    # The .deb (cmake --build build --target package) and its check (ctest's tst_package).
    dpkg-dev librsvg2-bin desktop-file-utils appstream lintian file man-db shared-mime-info
    # bench/speed_models.py (Brian2's speed tests as models) and its test, tst_speed_models.
    python3
)
# Brian2: reference data, and `spikestudio import` of Brian2 scripts; tests skip what
# needs it when absent. clang 14 with its libFuzzer runtime builds the fuzz targets
# (fuzz/, docs/fuzzing.md); the fuzz_smoke test is skipped without them. pytest runs
# Brian2's own tests against the Brian2 device (tests/brian2_device/run_brian2_tests.py).
optional_packages=(python3-brian python3-pytest clang-14 libclang-rt-14-dev)

missing=()
for pkg in "${packages[@]}" "${optional_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all packages present"
    exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
    sudo_cmd=(sudo)
fi
echo "install-deps: installing ${missing[*]}"
"${sudo_cmd[@]}" apt-get update -q
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
