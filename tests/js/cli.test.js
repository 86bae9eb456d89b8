// `npm run cli` (the CLI compiled to WASM, under Node) prints what the native CLI and the reference print:
// identical lines, except train losses within 1e-10 relative (musl's libm differs from glibc's in the last bits).
import { describe, it, expect } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CASES, read, relErr } from './golden.js';

const root = new URL('../../', import.meta.url).pathname;
const cli = (args) => spawnSync('npm', ['run', '-s', 'cli', '--', ...args], { cwd: root, encoding: 'utf8' });

describe.each(CASES)('npm run cli: $name', (c) => {
  it('matches train_log.txt and graph.json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mg-cli-'));
    const r = cli([...c.flags, '--graph-json', join(dir, 'g.json')]);
    expect(r.status, r.stderr).toBe(0);
    const got = r.stdout.split('\n');
    const want = read(c.name, 'train_log.txt').split('\n');
    expect(got.length).toBe(want.length);
    let maxRel = 0;
    got.forEach((line, i) => {
      const m = line.match(/^(step \d+\/\d+, train loss )(.*)$/);
      const w = want[i].match(/^(step \d+\/\d+, train loss )(.*)$/);
      if (!m || !w) { expect(line).toBe(want[i]); return; }
      expect(m[1]).toBe(w[1]);
      maxRel = Math.max(maxRel, relErr(Number(m[2]), Number(w[2])));
    });
    console.log(`${c.name}: max relative train-loss difference ${maxRel.toExponential(2)}`);
    expect(maxRel).toBeLessThan(1e-10);
    const g = JSON.parse(readFileSync(join(dir, 'g.json'), 'utf8'));
    const ref = JSON.parse(read(c.name, 'graph.json'));
    expect(g.edges).toEqual(ref.edges);
    g.nodes.forEach((n, i) => {
      expect([n.op, n.param, n.input]).toEqual([ref.nodes[i].op, ref.nodes[i].param, ref.nodes[i].input]);
      expect(relErr(n.data, ref.nodes[i].data) < 1e-10 || n.data === ref.nodes[i].data).toBe(true);
    });
  });
});

describe('npm run cli: bad input', () => {
  it.each([['--n', '1'], ['--hidden', '0'], ['--lr', 'nan'], ['--trace', '0,0,9'], ['--frobnicate']])('%s %s exits 2 naming the flag', (...args) => {
    const r = cli(args.filter((a) => typeof a === 'string'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(args[0]);
    expect(r.stdout).toBe('');
  });
});
