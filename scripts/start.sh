#!/usr/bin/env bash
# npm start: installs what is missing, builds the engine and the page, and serves it on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh wasm npm
bash scripts/build-wasm.sh >/dev/null
npx vite build --logLevel warn
PORT="${PORT:-5173}"
echo
echo "micrograd-live is running at http://127.0.0.1:${PORT}/  (Ctrl+C to stop)"
exec npx vite preview --port "$PORT" --strictPort --logLevel warn
