// Argument checks of the JS API (engine.js): types here, ranges and names in the engine (engine_limits.h, one parser).
// Strings are cut before they reach WASM, so no message or copy grows with the input: a message quotes at most
// 60 characters of anything it was given.
export const QUOTED = 60;

/** A value as a message shows it: the string 'text' (at most 60 characters of it), a number, or its kind. */
export function describe(v) {
  if (typeof v === 'string') {
    const shown = JSON.stringify(v.slice(0, QUOTED)).slice(1, -1);
    return v.length <= QUOTED ? `the string '${shown}'` : `the string '${shown}...' (${v.length} characters)`;
  }
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return 'an array';
  if (ArrayBuffer.isView(v)) return `a ${v.constructor.name}`;
  return v === null ? 'null' : typeof v;
}

export function expectNumber(field, v) {
  if (typeof v !== 'number') throw new Error(`${field}: expected a number, got ${describe(v)}`);
  return v;
}

export function expectInt(field, v) {
  expectNumber(field, v);
  if (!Number.isInteger(v)) throw new Error(`${field}: expected an integer, got ${v}`);
  return v;
}

/** 'a', 'b' or 'c' */
export const oneOf = (names) => names.map((n) => `'${n}'`).join(', ').replace(/, ([^,]*)$/, ' or $1');

/** A name the engine will check against `names`; refused here when it is not a string or longer than any name. */
export function expectName(field, v, names) {
  if (typeof v !== 'string' || v.length > QUOTED) throw new Error(`${field}: expected ${oneOf(names)}, got ${describe(v)}`);
  return v;
}

export function expectObject(field, v, what) {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new Error(`${field}: expected ${what}, got ${describe(v)}`);
  return v;
}
