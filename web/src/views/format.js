// How the views write numbers: Python's '%.4f' (the reference's boxes), compact exponents for numbers too big for a
// box, the value box lines, and the grad fill.
import { signRgb } from '../palette.js';

/**
 * Formats like Python's '%.4f' (round half to even on the exact binary value, '-0.0000', 'nan', 'inf').
 * @param {number} x
 * @returns {string}
 */
export function fmt4(x) {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const neg = x < 0 || Object.is(x, -0);
  const a = Math.abs(x);
  const y = a * 20000; // an exact tie at the 5th decimal makes this an odd integer (and exact)
  if (y % 2 === 1 && a < 1e11 && /^\d+\.\d{5}0*$/.test(a.toFixed(100))) {
    let n = (y - 1) / 2; // a * 1e4 = n + 0.5: take the even neighbour
    if (n % 2 === 1) n += 1;
    const s = String(n).padStart(5, '0');
    return (neg ? '-' : '') + s.slice(0, -4) + '.' + s.slice(-4);
  }
  const s = a.toFixed(4);
  return neg ? '-' + s : s;
}

/** Numbers from this magnitude on are written in exponent notation (below it, '%.4f' takes at most 10 characters). */
export const BIG = 1e4;
/**
 * A number in at most 10 characters, for boxes and tables: '%.4f' as the reference below BIG in magnitude, else
 * compact exponent notation ('6.76e+127', '-1.23e+4'); 'nan', 'inf', '-inf' as Python prints them.
 * @param {number} x
 */
export const fmtBox = (x) => (Number.isFinite(x) && Math.abs(x) >= BIG ? x.toExponential(2) : fmt4(x));

/** The widest text fmtBox writes (box sizes leave room for it). */
export const BOX_NUMBER = '-6.76e+127';

/** A value box's lines: its name (when it has one), then data and grad. @param {string} name @param {number} data @param {number} grad */
export const valueLabel = (name, data, grad) => [...(name ? [name] : []), `data: ${fmtBox(data)}`, `grad: ${fmtBox(grad)}`];

const LEVELS = 16;
const hex = (/** @type {number[]} */ c) => `#${c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
const FILLS = Array.from({ length: 2 * LEVELS + 1 }, (_, k) => hex(signRgb((0.65 * (k - LEVELS)) / LEVELS)));
/** Box fill for a grad: the sign palette, intensity on a log scale from 1e-4 (white) to >= 1 (full). @param {number} g */
export function gradFill(g) {
  if (!(Math.abs(g) > 1e-4)) return Number.isNaN(g) ? '#cccccc' : FILLS[LEVELS];
  const l = Math.round(Math.min(1, (Math.log10(Math.abs(g)) + 4) / 4) * LEVELS);
  return FILLS[LEVELS + (g < 0 ? -l : l)];
}
