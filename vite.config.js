// Vite builds the static page from web/ into dist/ with relative asset paths (works under any sub-path);
// with SINGLE=1 it inlines everything (scripts, CSS, both WASM modules) into one HTML file.
import { defineConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';

const single = process.env.SINGLE === '1';

// Names the engine's WASM for main.js, which preloads it beside the app's code on a network page (a static preload
// would download it on an expression page too, which never runs it).
const preloadWasm = () => ({
  name: 'micrograd-preload-wasm',
  transformIndexHtml: {
    order: 'post',
    handler(html, ctx) {
      const wasm = Object.keys(ctx.bundle ?? {}).find((f) => /micrograd-.*\.wasm$/.test(f));
      return wasm ? [{ tag: 'meta', injectTo: 'head', attrs: { name: 'micrograd-wasm', content: `./${wasm}` } }] : html;
    },
  },
});
// The page's own modules that both apps (network, expression) use go in one chunk: each extra file costs its own gzip
// dictionary and import lists (5 KB on a boundary-only embed when split in six). Expression mode's modules stay out of
// it, so the network page loads them only when its switch asks.
const common = { name: 'common', minShareCount: 2,
  test: (/** @type {string} */ id) => (/\/web\/src\//.test(id) || id.includes('vite/preload-helper'))
    && !/\/(views\/)?expr[^/]*$|\/expression\.js$/.test(id) };

export default defineConfig({
  root: 'web',
  base: './',
  publicDir: false,
  plugins: single ? [viteSingleFile({ removeViteModuleLoader: true })] : [preloadWasm()],
  build: { outDir: '../dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000, manifest: !single,
    assetsInlineLimit: single ? Infinity : 4096,
    // no modulepreload links or polyfill: a dynamic import's CSS still comes with it (Vite's preload helper)
    modulePreload: false,
    rolldownOptions: single ? {} : { output: { codeSplitting: { groups: [common] } } } },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
