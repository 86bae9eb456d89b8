#!/usr/bin/env bash
# npm run build: the static site in dist/ (relative paths, any sub-path), plus dist/micrograd.html (one
# self-contained file that opens from file://) and dist/micrograd-demo.js (the custom element); prints sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh wasm npm
bash scripts/build-wasm.sh >/dev/null
npx vite build --logLevel warn
SINGLE=1 npx vite build --logLevel warn --outDir ../build-single --emptyOutDir
cp build-single/index.html dist/micrograd.html
node scripts/csp.mjs dist/micrograd.html
cp web/embed/micrograd-demo.js dist/micrograd-demo.js
node scripts/sizes.mjs dist
