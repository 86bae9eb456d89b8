#!/usr/bin/env bash
# Installs what this machine lacks for the given parts (native, wasm, browser, npm); idempotent and quiet
# when everything is present. apt for system tools (Debian), npm for JS packages.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
want() { for part in "$@"; do
  case "$part" in
    native)
      command -v cmake >/dev/null || need_apt+=(cmake)
      command -v g++ >/dev/null || need_apt+=(g++)
      [ -f /usr/include/gtest/gtest.h ] || need_apt+=(libgtest-dev)
      ;;
    wasm) command -v emcc >/dev/null || need_apt+=(emscripten) ;;
    fuzz)
      command -v clang++ >/dev/null || need_apt+=(clang)
      compgen -G "/usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a" >/dev/null || need_apt+=(libclang-rt-14-dev)
      ;;
    browser) command -v chromium >/dev/null || need_apt+=(chromium) ;;
    npm) ;;
    *) echo "ensure-deps: unknown part '$part'" >&2; exit 2 ;;
  esac
done; }
[ $# -gt 0 ] || set -- native wasm browser npm
want "$@"

if [ ${#need_apt[@]} -gt 0 ]; then
  echo "ensure-deps: installing ${need_apt[*]} with apt-get" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${need_apt[@]}" >&2
fi

case " $* " in
  *" npm "*)
    # Reinstall when package-lock.json is newer than the last install.
    if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
      echo "ensure-deps: installing npm packages" >&2
      PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund >&2
    fi
    ;;
esac
