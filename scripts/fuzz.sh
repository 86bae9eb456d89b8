#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) in build-fuzz and runs each for [seconds] (default 60):
# fuzz_session (mg::Session and parse_args, from tests/fuzz/corpus) and fuzz_expr (the expression language, from
# tests/fuzz/expr and, read in place, the golden snippets of tests/golden/expressions, with the tokens of
# tests/fuzz/expr.dict). A crasher is left in build-fuzz/crashes and fails.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
bash scripts/ensure-deps.sh native fuzz
cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DMICROGRAD_FUZZ=ON -DMICROGRAD_TESTS=OFF -DMICROGRAD_WERROR="${MICROGRAD_WERROR:-OFF}" >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target fuzz_session fuzz_expr
rm -rf build-fuzz/crashes
mkdir -p build-fuzz/corpus build-fuzz/corpus-expr build-fuzz/crashes
# target, longest input, then corpus folders and flags: new inputs go to the first folder (kept between runs),
# the committed seeds are only read; a crasher is named build-fuzz/crashes/TARGET-crash-...
fuzz() {
  local target=$1 len=$2
  shift 2
  "build-fuzz/$target" "$@" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$len" \
    -print_final_stats=1 -artifact_prefix="build-fuzz/crashes/$target-" 2>&1 |
    grep -v -E '^#[0-9]+\s+(NEW|REDUCE|pulse)|NEW_FUNC|# Uses: ' || true
}
fuzz fuzz_session 512 build-fuzz/corpus tests/fuzz/corpus tests/fuzz/regressions
fuzz fuzz_expr 4096 build-fuzz/corpus-expr tests/fuzz/expr tests/golden/expressions -dict=tests/fuzz/expr.dict
found=$(find build-fuzz/crashes -type f | wc -l)
if [ "$found" -gt 0 ]; then
  echo "fuzz: $found crashing input(s) in build-fuzz/crashes; reproduce with build-fuzz/TARGET FILE (the name says which)," >&2
  echo "fuzz: fix the bug, then copy the input to tests/fuzz/regressions/ (fuzz_session) or tests/fuzz/expr/ (fuzz_expr)," >&2
  echo "fuzz: both replayed by ctest (fuzz_replay, fuzz_expr_replay)" >&2
  exit 1
fi
echo "fuzz: ${seconds}s per target clean"
