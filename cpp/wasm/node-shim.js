// Prepended (--extern-pre-js, not minified) to the ES6 module Emscripten 3.1.6 emits: its Node code path
// uses require() and __dirname, which ES modules lack. Browsers skip this block.
var require, __dirname;
if (typeof process === 'object' && typeof process.versions === 'object' && process.versions.node &&
    typeof window === 'undefined') {
  if (typeof process.getBuiltinModule === 'function') {
    require = process.getBuiltinModule('module').createRequire(import.meta.url);
  } else {
    require = (await import(/* @vite-ignore */ ['mod', 'ule'].join(''))).createRequire(import.meta.url);
  }
  __dirname = require('path').dirname(require('url').fileURLToPath(import.meta.url));
}
