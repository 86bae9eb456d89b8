// Prints each built asset's size (raw and gzip) and what the full page, a boundary-only embed and an expression embed
// download (Vite's manifest): main.js loads the network app or the expression app by the link; the graph view is lazy.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
const files = [];
const walk = (d) => readdirSync(d).forEach((f) => { const p = join(d, f); statSync(p).isDirectory() ? walk(p) : files.push(p); });
walk(dir);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const size = new Map(files.map((f) => { const b = readFileSync(f); return [relative(dir, f), { raw: b.length, gz: gzipSync(b, { level: 9 }).length }]; }));
const rows = [...size].filter(([f]) => !f.startsWith('.vite')).sort((a, b) => b[1].gz - a[1].gz);
console.log('asset'.padEnd(44), 'raw'.padStart(10), 'gzip'.padStart(10));
for (const [f, s] of rows) console.log(f.padEnd(44), kb(s.raw).padStart(10), kb(s.gz).padStart(10));

const manifestPath = join(dir, '.vite', 'manifest.json');
if (existsSync(manifestPath)) {
  const m = JSON.parse(readFileSync(manifestPath, 'utf8'));
  // the files a key needs: its static imports, and dynamic ones when `dynamic` says so (key => boolean)
  const closure = (key, dynamic, seen = new Set()) => {
    const e = m[key];
    if (!e || seen.has(key)) return seen;
    seen.add(key);
    for (const k of [...(e.imports ?? []), ...(e.dynamicImports ?? []).filter(dynamic)]) closure(k, dynamic, seen);
    return seen;
  };
  const filesOf = (keys) => new Set([...keys].flatMap((k) => [m[k].file, ...(m[k].css ?? []), ...(m[k].assets ?? [])]));
  const gz = (...sets) => [...new Set([...sets.flatMap((x) => [...x]), 'index.html'])].reduce((s, f) => s + (size.get(f)?.gz ?? 0), 0);
  const entry = Object.keys(m).find((k) => m[k].isEntry);
  const none = () => false, all = () => true;
  const main = filesOf(closure(entry, none));
  // main.js loads one app by the link's mode: src/app.js (network) or src/expr-app.js (a snippet page)
  const net = (k) => k !== 'src/expr-mode.js'; // the network page loads expression mode only when switched to
  const full = gz(main, filesOf(closure('src/app.js', net)));
  const boundaryOnly = gz(main, filesOf(closure('src/app.js', none)));
  const exprOnly = gz(main, filesOf(closure('src/expr-app.js', none)));
  const exprGraphView = gz(main, filesOf(closure('src/expr-app.js', (k) => k === 'src/views/graph-view.js')));
  const exprAll = gz(main, filesOf(closure('src/expr-app.js', all)));
  console.log(`full page: ${kb(full)} gzip (limit 1024 KB); boundary-only embed: ${kb(boundaryOnly)} gzip (limit 150 KB)`);
  console.log(`expression embed: ${kb(exprOnly)} gzip until its graph is drawn (limit 150 KB), ${kb(exprGraphView)} with the graph view, ` +
    `${kb(exprAll)} with the Graphviz layout engine`);
  if (full > 1024 * 1024 || boundaryOnly > 150 * 1024 || exprOnly > 150 * 1024) { console.error('over the size budget'); process.exitCode = 1; }
}
