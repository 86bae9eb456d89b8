#!/usr/bin/env bash
# Builds the libFuzzer target (clang, ASan + UBSan) in build-fuzz and fuzzes mg::Session and parse_args for
# [seconds] (default 60), starting from tests/fuzz/corpus; a crasher is left in build-fuzz/crashes and fails.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
bash scripts/ensure-deps.sh native fuzz
cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DMICROGRAD_FUZZ=ON -DMICROGRAD_TESTS=OFF -DMICROGRAD_WERROR="${MICROGRAD_WERROR:-OFF}" >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target fuzz_session
rm -rf build-fuzz/crashes
mkdir -p build-fuzz/corpus build-fuzz/crashes
# New inputs go to build-fuzz/corpus (kept between runs); the committed seeds are only read.
build-fuzz/fuzz_session build-fuzz/corpus tests/fuzz/corpus tests/fuzz/regressions \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=512 -print_final_stats=1 \
  -artifact_prefix=build-fuzz/crashes/ 2>&1 | grep -v -E '^#[0-9]+\s+(NEW|REDUCE|pulse)|NEW_FUNC|# Uses: ' || true
found=$(find build-fuzz/crashes -type f | wc -l)
if [ "$found" -gt 0 ]; then
  echo "fuzz: $found crashing input(s) in build-fuzz/crashes; reproduce with build-fuzz/fuzz_session FILE," >&2
  echo "fuzz: fix the bug, then copy the input to tests/fuzz/regressions/ (replayed by ctest fuzz_replay)" >&2
  exit 1
fi
echo "fuzz: ${seconds}s clean"
