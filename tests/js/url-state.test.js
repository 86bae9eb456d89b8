// The URL state table: round trips, defaults, and malformed or hostile links falling back with a message.
import { describe, it, expect, beforeAll } from 'vitest';
import { parseHash, toHash, defaults } from '../../web/src/url-state.js';
import { LIMITS, LINK, useEngineLimits } from '../../web/src/state.js';
import { loadEngine } from '../../web/src/engine.js';

beforeAll(async () => { useEngineLimits((await loadEngine()).limits()); });

describe('url state', () => {
  it('defaults make an empty hash and an empty hash gives the defaults', () => {
    expect(toHash(defaults())).toBe('');
    expect(parseHash('')).toEqual({ values: defaults(), errors: [], rest: [] });
  });

  it('round-trips every kind of setting, points exactly', () => {
    const v = { ...defaults(), dataset: 'spiral', n: 250, noise: 0.15, seed: 1234567, hidden: [16, 4, 32], act: 'relu',
      opt: 'sgd', lr: 0.0375, wd: 0, tx: -1.25, ty: 0.5, tl: 2, speed: 7, view: 'boundary', controls: 'min', autoplay: true,
      train: [{ x: 0.1 + 0.2, y: -1.9876543210123, label: 1 }, { x: 1e-7, y: -0, label: 0 }], val: [], test: [{ x: -3, y: 0.5, label: 2 }] };
    const back = parseHash(toHash(v));
    expect(back.errors).toEqual([]);
    expect(back.values).toEqual({ ...v, train: [{ x: 0.1 + 0.2, y: -1.9876543210123, label: 1 }, { x: 1e-7, y: 0, label: 0 }] });
    expect(toHash(v)).toMatch(/&test=-3,0\.5,2$/); // the test split too (share links used to drop it)
  });

  const hostile = [
    ['lr=abc', /learning rate 'abc'/], ['lr=1e999', /learning rate/], ['lr=NaN', /learning rate/], ['n=-5', /points '-5'/],
    ['n=2.5', /points/], ['hidden=0', /hidden layers/], ['hidden=8,8,8,8,8', /hidden layers/], ['hidden=8,x', /hidden layers/],
    ['dataset=<img src=x onerror=alert(1)>', /dataset '<img src=x one/], ['act=eval(1)', /activation/],
    ['tl=3', /traced label/], ['speed=99', /speed/], ['train=1,2', /training points/], ['train=1,2,7', /training points/],
    ['train=1e9,0,0', /training points/], ['view=all', /view/], ['__proto__=1', /unknown setting '__proto__'/],
    ['constructor=x', /unknown setting/],
  ];
  it.each(hostile)('%s falls back to the default with a message', (hash, re) => {
    const { values, errors } = parseHash(`#${hash}`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(re);
    expect(values).toEqual(defaults());
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });

  it('keeps the good fields of a partly bad link', () => {
    const { values, errors } = parseHash('#dataset=xor&lr=oops&hidden=4,4');
    expect(values.dataset).toBe('xor');
    expect(values.hidden).toEqual([4, 4]);
    expect(values.lr).toBe(0.1);
    expect(errors).toHaveLength(1);
  });

  it('refuses huge arrays and huge links', () => {
    const many = Array.from({ length: LIMITS.maxLinkPoints + 1 }, () => '0,0,0').join(';');
    expect(parseHash(`#train=${many}`).errors[0]).toMatch(/at most 2000 points/);
    expect(parseHash(`#n=${'9'.repeat(300000)}`).errors[0]).toMatch(/too long/);
  });

  it('takes every limit, name and default from the engine', async () => {
    const l = (await loadEngine()).limits();
    expect(defaults()).toMatchObject({ n: l.defaults.n, hidden: l.defaults.hidden, lr: l.defaults.lr, wd: l.defaults.weightDecay,
      dataset: l.defaults.dataset, act: l.defaults.activation, opt: l.defaults.optimizer, seed: l.defaults.seed, noise: l.defaults.noise });
    const spec = (k) => LINK.find((f) => f.key === k);
    expect(spec('n')).toMatchObject(l.page.n);
    expect(spec('hidden')).toMatchObject({ min: l.page.hidden.minWidth, max: l.page.hidden.maxWidth, maxLen: l.page.hidden.maxLayers });
    expect(spec('dataset').values).toEqual(l.dataset);
    expect(parseHash(`#n=${l.page.n.min - 1}`).errors[0]).toMatch(new RegExp(`points '${l.page.n.min - 1}'.*from ${l.page.n.min} to ${l.page.n.max}`));
    expect(parseHash(`#hidden=${l.page.hidden.maxWidth + 1}`).errors[0]).toMatch(/hidden layers/);
    expect(parseHash(`#train=0,0,${l.label.max + 1}`).errors[0]).toMatch(/training points/);
  });
});
