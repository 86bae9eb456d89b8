// Vite builds the static page from web/ into dist/ with relative asset paths (works under any sub-path);
// with SINGLE=1 it inlines everything (scripts, CSS, both WASM modules) into one HTML file.
import { defineConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';

const single = process.env.SINGLE === '1';
export default defineConfig({
  root: 'web',
  base: './',
  publicDir: false,
  plugins: single ? [viteSingleFile({ removeViteModuleLoader: true })] : [],
  build: { outDir: '../dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000, manifest: !single,
    assetsInlineLimit: single ? Infinity : 4096 },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
