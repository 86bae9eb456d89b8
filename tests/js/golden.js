// Reads the golden cases in tests/golden for the JS tests (settings as in tests/golden/README.md).
import { readFileSync } from 'node:fs';

const dir = new URL('../golden/', import.meta.url);
export const CASES = [
  { name: 'default', flags: [], opts: { seed: 42, n: 100, hidden: [8], lr: 0.1, weightDecay: 1e-4 }, steps: 100, trace: [0, 0, 0] },
  { name: 'variant-s1337', flags: ['--seed', '1337', '--n', '300', '--hidden', '16', '--steps', '60', '--lr', '0.05', '--wd', '0.0', '--trace', '0.5,-0.7,2'],
    opts: { seed: 1337, n: 300, hidden: [16], lr: 0.05, weightDecay: 0 }, steps: 60, trace: [0.5, -0.7, 2] },
];
export const read = (name, file) => readFileSync(new URL(`${name}/${file}`, dir), 'utf8');
export const relErr = (a, b) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
