// The link's expression fields: `expr` round-trips any snippet exactly, `expr` alone opens expression mode, an
// expression page (no network engine) reads only its own fields and writes every other one back as it came.
import { describe, it, expect, beforeAll } from 'vitest';
import { parseHash, toHash, defaults, linkMode } from '../../web/src/url-state.js';
import { LIMITS, useEngineLimits, useExpressionLimits } from '../../web/src/state.js';
import { loadEngine } from '../../web/src/engine.js';
import { loadExpressions } from '../../web/src/expression.js';

beforeAll(async () => {
  useEngineLimits((await loadEngine()).limits());
  useExpressionLimits((await loadExpressions()).limits());
});

const SNIPPET = "# a snippet with every awkward character\nx = Value(2.0, label='x & y = 1%; #2')\ny = (x**-1 + .5e-3) / x; z = -y\n\tz.backward()  # ünïcödé ✓ \"q\"\r\n";

describe('the link in expression mode', () => {
  it('round-trips a snippet exactly, and expr alone means expression mode', () => {
    const v = { ...defaults(), mode: 'expression', expr: SNIPPET };
    const hash = toHash(v);
    expect(hash.startsWith('#expr=')).toBe(true); // mode is implied by expr: not written
    expect(hash.slice(1)).not.toMatch(/[\n\r\t #&]/); // one field, every special character encoded
    const back = parseHash(hash);
    expect(back.errors).toEqual([]);
    expect(back.values.expr).toBe(SNIPPET);
    expect(back.values.mode).toBe('expression');
    expect(linkMode(hash)).toBe('expression');
  });

  it('keeps a snippet in network mode, and mode=expression without a snippet', () => {
    const net = toHash({ ...defaults(), mode: 'network', expr: 'a = Value(1)' });
    expect(net).toMatch(/mode=network/);
    expect(parseHash(net).values).toMatchObject({ mode: 'network', expr: 'a = Value(1)' });
    expect(linkMode(net)).toBe('network');
    expect(toHash({ ...defaults(), mode: 'expression' })).toBe('#mode=expression');
    expect(parseHash('#mode=expression').values).toMatchObject({ mode: 'expression', expr: null });
    expect(linkMode('')).toBe('network');
    expect(linkMode('#mode=bogus&expr=1')).toBe('expression');
  });

  it('refuses a bad mode with a message and keeps the rest', () => {
    const { values, errors } = parseHash('#mode=matrix&expr=a%3DValue(1)');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/mode 'matrix'.*network, expression/);
    expect(values.expr).toBe('a=Value(1)');
  });

  it('an expression page reads only its fields and carries the others through as they came', () => {
    const { values, errors, rest } = parseHash('#hidden=16,8&expr=b%3DValue(2)&lr=oops&nonsense=1', false);
    expect(errors).toEqual([]); // the network page reports those when it opens them
    expect(values).toMatchObject({ mode: 'expression', expr: 'b=Value(2)' });
    expect(rest).toEqual([['hidden', '16,8'], ['lr', 'oops'], ['nonsense', '1']]);
    const hash = toHash({ ...values, mode: 'network' }, rest);
    expect(parseHash(hash).values).toMatchObject({ mode: 'network', expr: 'b=Value(2)', hidden: [16, 8] });
    expect(parseHash(hash).errors).toHaveLength(2); // lr and nonsense, now that a network page reads them
  });

  it('a link over the length limit is refused with a message', () => {
    const long = `#expr=${'a'.repeat(LIMITS.maxLinkChars)}`;
    const r = parseHash(long, false);
    expect(r.errors[0]).toMatch(/too long/);
    expect(r.values.expr).toBe(null);
  });
});
