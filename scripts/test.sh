#!/usr/bin/env bash
# Every test, in order: native (GoogleTest via ctest), the WASM build, type checks, then Vitest
# (Node API tests and browser tests in Chromium), then end-to-end tests of the built page.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
bash scripts/test-native.sh
bash scripts/test-sanitize.sh
bash scripts/build-wasm.sh
npx tsc -p tsconfig.json
bash scripts/build.sh
npx vitest run
