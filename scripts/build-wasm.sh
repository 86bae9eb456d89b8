#!/usr/bin/env bash
# Builds the engine to WebAssembly with Debian's Emscripten (web/wasm/micrograd.{mjs,wasm}) and the CLI
# for Node (build-wasm/micrograd.cjs). Incremental: a second run only rebuilds what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh wasm
export NODE_PATH=/usr/share/nodejs  # Debian's emcc finds acorn and friends here
emcmake cmake -S . -B build-wasm -DCMAKE_BUILD_TYPE=Release -DMICROGRAD_WERROR="${MICROGRAD_WERROR:-OFF}" >/dev/null
cmake --build build-wasm -j"$(nproc)"
