// The link: the state's link fields (state.js: LINK) read from and written to the URL hash.
// Parsing is strict: each bad field falls back to its default and is reported; nothing is ever eval'd. An expression
// page (no network engine) reads only the fields it shows and carries the others through unread.
import { LINK, LIMITS, limitsLoaded } from './state.js';

/** The mode a link opens: its `mode`, else 'expression' when it has `expr` (main.js reads it before any engine loads).
 *  @param {URLSearchParams | string} link */
export function linkMode(link) {
  const p = typeof link === 'string' ? new URLSearchParams(link.replace(/^#/, '')) : link;
  const m = p.get('mode');
  return m === 'network' || m === 'expression' ? m : p.has('expr') ? 'expression' : 'network';
}

/** @param {boolean} [network] false: an expression page (its network fields stay undefined) */
export function defaults(network = true) {
  limitsLoaded(network);
  const out = {};
  for (const s of LINK) out[s.key] = Array.isArray(s.def) ? [...s.def] : s.def;
  return out;
}

const NUM = /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
const short = (v) => (v.length > 24 ? `${v.slice(0, 24)}…` : v);

/** Parses one field's text; returns [value] or a message saying what is allowed. */
function parseField(s, text) {
  if (s.kind === 'text') return [text];
  if (s.kind === 'enum') return s.values.includes(text) ? [text] : `expected one of ${s.values.join(', ')}`;
  if (s.kind === 'bool') return text === '' || text === '1' || text === 'true' ? [true] : text === '0' || text === 'false' ? [false] : 'expected 1 or 0';
  if (s.kind === 'int' || s.kind === 'num') {
    if (!NUM.test(text)) return `expected a number from ${s.min} to ${s.max}`;
    const v = Number(text);
    if (!Number.isFinite(v) || v < s.min || v > s.max || (s.kind === 'int' && !Number.isInteger(v)))
      return `expected ${s.kind === 'int' ? 'an integer' : 'a number'} from ${s.min} to ${s.max}`;
    return [v];
  }
  if (s.kind === 'ints') {
    const parts = text.split(',');
    if (parts.length < s.minLen || parts.length > s.maxLen) return `expected ${s.minLen} to ${s.maxLen} layer widths`;
    const v = parts.map(Number);
    if (!parts.every((p) => /^\d+$/.test(p)) || v.some((w) => w < s.min || w > s.max)) return `expected widths from ${s.min} to ${s.max}, separated by commas`;
    return [v];
  }
  // points: "x,y,label;x,y,label;..." (empty string: no points)
  if (text === '') return [[]];
  const items = text.split(';');
  if (items.length > LIMITS.maxLinkPoints) return `at most ${LIMITS.maxLinkPoints} points`;
  const pts = [];
  for (const item of items) {
    const f = item.split(',');
    const label = /** @type {any} */ (LINK.find((x) => x.key === 'tl')); // the engine's labels
    if (f.length !== 3 || !NUM.test(f[0]) || !NUM.test(f[1]) || !/^\d{1,3}$/.test(f[2]) || +f[2] < label.min || +f[2] > label.max) {
      return 'expected x,y,label triples separated by ;';
    }
    const x = Number(f[0]), y = Number(f[1]);
    if (!(Math.abs(x) <= LIMITS.coord && Math.abs(y) <= LIMITS.coord)) return `coordinates must be from -${LIMITS.coord} to ${LIMITS.coord}`;
    pts.push({ x, y, label: Number(f[2]) });
  }
  return [pts];
}

/**
 * Reads a URL hash ('#dataset=xor&n=50...'). Unknown keys and bad values are reported and ignored; the rest of the
 * link still applies. `expr` without `mode` opens expression mode. An expression page (network false) parses only the
 * expression fields; `rest` keeps every other pair as it came, for the link it writes and the network page it may open.
 * @param {string} hash @param {boolean} [network]
 * @returns {{ values: Record<string, any>, errors: string[], rest: [string, string][] }}
 */
export function parseHash(hash, network = true) {
  const values = defaults(network);
  /** @type {[string, string][]} */ const rest = [];
  const errors = [];
  const text = String(hash ?? '').replace(/^#/, '');
  if (text.length > LIMITS.maxLinkChars) return { values, rest, errors: [`The link is too long (over ${LIMITS.maxLinkChars.toLocaleString('en')} characters): using the defaults.`] };
  let params;
  try { params = new URLSearchParams(text); } catch { return { values, rest, errors: ['The link could not be read: using the defaults.'] }; }
  for (const [key, raw] of params) {
    const s = LINK.find((x) => x.key === key);
    if (!network && s?.page !== 'expr') { rest.push([key, raw]); continue; }
    if (!s) { errors.push(`Ignored unknown setting '${short(key)}' in the link.`); continue; }
    const r = parseField(s, raw);
    if (typeof r === 'string') errors.push(`Ignored ${s.label} '${short(raw)}' in the link: ${r}.`);
    else values[key] = r[0];
  }
  if (values.expr != null && !params.has('mode')) values.mode = linkMode(params);
  return { values, errors, rest };
}

const fmtPoint = (p) => `${p.x},${p.y},${p.label}`;

/** Writes the non-default values as a hash ('' when everything is default), then `rest` (parseHash's) as it came.
 *  `mode` is written only when it is not the one the link implies (`expr` implies expression mode).
 * @param {Record<string, any>} values @param {[string, string][]} [rest] */
export function toHash(values, rest = []) {
  const params = new URLSearchParams();
  for (const s of LINK) {
    const v = values[s.key];
    if (v === undefined || v === null) continue;
    if (s.key === 'mode') { if (v !== (values.expr != null ? 'expression' : 'network')) params.set('mode', v); continue; }
    if (s.kind === 'ints') { if (v.join(',') !== s.def.join(',')) params.set(s.key, v.join(',')); continue; }
    if (s.kind === 'points') { params.set(s.key, v.map(fmtPoint).join(';')); continue; }
    if (s.kind === 'bool') { if (v !== s.def) params.set(s.key, v ? '1' : '0'); continue; }
    if (v !== s.def) params.set(s.key, String(v));
  }
  for (const [k, v] of rest) params.append(k, v);
  const text = params.toString().replace(/%2C/g, ',').replace(/%3B/g, ';');
  return text ? `#${text}` : '';
}
