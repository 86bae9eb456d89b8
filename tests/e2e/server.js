// A tiny static file server for end-to-end tests: serves a folder under a URL prefix on 127.0.0.1.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, extname, normalize } from 'node:path';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml' };

/** Serves `dir` at http://127.0.0.1:PORT{prefix} (plus `extra` pages by exact path); resolves to { url, origin, close }. */
export function serve(dir, prefix = '/', extra = {}) {
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (extra[path]) { res.writeHead(200, { 'content-type': 'text/html' }).end(extra[path]); return; }
      if (!path.startsWith(prefix)) { res.writeHead(404).end('not found'); return; }
      let file = normalize(join(dir, path.slice(prefix.length)));
      if (!file.startsWith(normalize(dir))) { res.writeHead(403).end(); return; }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const origin = `http://127.0.0.1:${server.address().port}`;
    resolve({ url: `${origin}${prefix}`, origin, close: () => new Promise((r) => server.close(r)) });
  }));
}
