// The URL state table: round trips, defaults, and malformed or hostile links falling back with a message.
import { describe, it, expect } from 'vitest';
import { parseHash, toHash, defaults, MAX_URL_POINTS } from '../../web/src/url-state.js';

describe('url state', () => {
  it('defaults make an empty hash and an empty hash gives the defaults', () => {
    expect(toHash(defaults())).toBe('');
    expect(parseHash('')).toEqual({ values: defaults(), errors: [] });
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
    const many = Array.from({ length: MAX_URL_POINTS + 1 }, () => '0,0,0').join(';');
    expect(parseHash(`#train=${many}`).errors[0]).toMatch(/at most 2000 points/);
    expect(parseHash(`#n=${'9'.repeat(300000)}`).errors[0]).toMatch(/too long/);
  });
});
