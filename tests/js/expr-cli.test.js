// `npm run cli -- expr` (the CLI compiled to WASM, under Node: run here as node build-wasm/micrograd.cjs, what
// the npm script runs, without an npm process per call) on the golden snippets: the same variables and
// numbers within 1e-10 relative (musl's libm differs from glibc's in the last bit), the graph's ops, labels and
// edges as the reference's; the error snippet exits 2 naming its line; standard input works.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { relErr } from './golden.js';

const root = new URL('../../', import.meta.url).pathname;
const dir = join(root, 'tests/golden/expressions');
const cli = (args, input) => spawnSync(process.execPath, ['build-wasm/micrograd.cjs', 'expr', ...args], { cwd: root, encoding: 'utf8', input });
const SNIPPETS = readdirSync(dir).filter((f) => f.endsWith('.py')).map((f) => f.slice(0, -3)).sort();
const close = (a, b) => a === b || relErr(a, b) < 1e-10;

describe('npm run cli -- expr', () => {
  it.each(SNIPPETS)('%s', (name) => {
    const want = readFileSync(join(dir, `${name}.out`), 'utf8');
    const out = mkdtempSync(join(tmpdir(), 'mg-expr-'));
    const r = cli([join(dir, `${name}.py`), '--graph-json', join(out, 'g.json')]);
    if (want.startsWith('error ')) {
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.startsWith(`${join(dir, `${name}.py`)}:${want.slice(6).trim()}:`), r.stderr).toBe(true);
      return;
    }
    expect(r.status, r.stderr).toBe(0);
    const got = r.stdout.trim().split('\n'), lines = want.trim().split('\n');
    expect(got.length).toBe(lines.length);
    got.forEach((line, i) => {
      const [n, d, g] = line.split(' '), [wn, wd, wg] = lines[i].split(' ');
      expect(n).toBe(wn);
      expect(close(Number(d.slice(5)), Number(wd.slice(5))) && close(Number(g.slice(5)), Number(wg.slice(5))), line).toBe(true);
    });
    const g = JSON.parse(readFileSync(join(out, 'g.json'), 'utf8'));
    const ref = JSON.parse(readFileSync(join(dir, `${name}.graph.json`), 'utf8'));
    expect(g.edges).toEqual(ref.edges);
    expect(g.nodes.map((n) => [n.op, n.label])).toEqual(ref.nodes.map((n) => [n.op, n.label]));
    g.nodes.forEach((n, i) => expect(close(n.data, ref.nodes[i].data) && close(n.grad, ref.nodes[i].grad)).toBe(true));
  });

  it('reads standard input and names <stdin> in errors', () => {
    const ok = cli(['-'], 'a = Value(2.0)\nb = a ** 2\n');
    expect([ok.status, ok.stdout]).toEqual([0, 'a data=2.0 grad=4.0\nb data=4.0 grad=1.0\n']);
    const bad = cli(['-'], 'a = Value(2.0)\nb = a ** a\n');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^<stdin>:2:7: AssertionError: /);
  });
});
