// Vite builds the static page from web/ into dist/ with relative asset paths (works under any sub-path);
// with SINGLE=1 it inlines everything (scripts, CSS, both WASM modules) into one HTML file.
import { defineConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';

const single = process.env.SINGLE === '1';

// Starts the engine's WASM download with the HTML instead of after the JavaScript has run.
const preloadWasm = () => ({
  name: 'micrograd-preload-wasm',
  transformIndexHtml: {
    order: 'post',
    handler(html, ctx) {
      const wasm = Object.keys(ctx.bundle ?? {}).find((f) => /micrograd-.*\.wasm$/.test(f));
      return wasm ? [{ tag: 'link', injectTo: 'head', attrs: { rel: 'preload', href: `./${wasm}`, as: 'fetch', type: 'application/wasm', crossorigin: 'anonymous' } }] : html;
    },
  },
});
export default defineConfig({
  root: 'web',
  base: './',
  publicDir: false,
  plugins: single ? [viteSingleFile({ removeViteModuleLoader: true })] : [preloadWasm()],
  build: { outDir: '../dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000, manifest: !single,
    assetsInlineLimit: single ? Infinity : 4096 },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
