// Gives a single-file HTML page a strict Content-Security-Policy: its inline scripts are allowed by their
// SHA-256 hashes (nothing else may run), WASM may compile, and data:/blob: serve the inlined WASM and worker.
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';

const file = process.argv[2];
let html = readFileSync(file, 'utf8');
const hashes = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)]
  .filter((m) => !/\bsrc=/.test(m[0].slice(0, m[0].indexOf('>'))))
  .map((m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
const policy = `default-src 'none'; script-src ${hashes.join(' ')} 'wasm-unsafe-eval'; style-src 'unsafe-inline'; ` +
  "img-src data: blob:; connect-src data:; worker-src blob:; object-src 'none'; base-uri 'none'; form-action 'none'";
const meta = /<meta http-equiv="Content-Security-Policy" content="[^"]*">/;
if (!meta.test(html)) throw new Error(`${file}: no Content-Security-Policy meta tag to replace`);
html = html.replace(meta, `<meta http-equiv="Content-Security-Policy" content="${policy}">`);
writeFileSync(file, html);
console.log(`${file}: CSP with ${hashes.length} script hash(es)`);
