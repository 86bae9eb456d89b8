#!/usr/bin/env bash
# Builds the native engine, CLI and GoogleTest suite under ASan+UBSan in build-asan and runs ctest (clean = pass).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh native
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMICROGRAD_SANITIZE=ON \
  -DMICROGRAD_WERROR="${MICROGRAD_WERROR:-OFF}" >/dev/null
cmake --build build-asan -j"$(nproc)"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
(cd build-asan && ctest --output-on-failure -j"$(nproc)")
