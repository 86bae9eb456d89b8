#!/usr/bin/env bash
# Builds the native engine, CLI and GoogleTest suite with CMake and runs it with ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh native
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DMICROGRAD_WERROR="${MICROGRAD_WERROR:-OFF}" >/dev/null
cmake --build build -j"$(nproc)"
(cd build && ctest --output-on-failure -j"$(nproc)")
