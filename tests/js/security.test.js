// Security lint of the page code: no HTML injection sinks, no eval of strings, anywhere under web/src.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SRC = join(ROOT, 'web', 'src');

const RULES = [
  [/\binnerHTML\b/, 'innerHTML (use textContent or DOM nodes)'],
  [/\bouterHTML\b/, 'outerHTML'],
  [/\binsertAdjacentHTML\b/, 'insertAdjacentHTML'],
  [/\bdocument\s*\.\s*write(ln)?\b/, 'document.write'],
  [/(?<![\w$])eval\s*\(/, 'eval('],
  [/\bnew\s+Function\b|(?<![\w$.])Function\s*\(/, 'new Function / Function('],
  [/\bset(Timeout|Interval)\s*\(\s*['"`]/, 'setTimeout/setInterval with a string'],
];

// Comments blanked (line breaks kept, so line numbers stay right); strings and code are scanned as written.
export function stripComments(src) {
  let out = '', i = 0, quote = null;
  while (i < src.length) {
    const c = src[i], d = src[i + 1];
    if (quote) {
      out += c;
      if (c === '\\') { out += d ?? ''; i += 2; continue; }
      if (c === quote) quote = null;
      i++;
    } else if (c === '/' && d === '/') {
      while (i < src.length && src[i] !== '\n') { out += ' '; i++; }
    } else if (c === '/' && d === '*') {
      const end = src.indexOf('*/', i + 2), stop = end < 0 ? src.length : end + 2;
      for (; i < stop; i++) out += src[i] === '\n' ? '\n' : ' ';
    } else {
      if (c === '"' || c === "'" || c === '`') quote = c;
      out += c;
      i++;
    }
  }
  return out;
}

export function scan(src, name) {
  const lines = src.split('\n'), code = stripComments(src).split('\n'), hits = [];
  code.forEach((line, i) => {
    for (const [re, what] of RULES) if (re.test(line)) hits.push(`${name}:${i + 1}: ${what}: ${lines[i].trim()}`);
  });
  return hits;
}

function jsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? jsFiles(join(dir, e.name)) : /\.m?js$/.test(e.name) ? [join(dir, e.name)] : []);
}

describe('security lint of web/src', () => {
  it('catches each sink and ignores comments (the lint itself works)', () => {
    const bad = ['el.innerHTML = s;', 'el.outerHTML = s;', "el.insertAdjacentHTML('beforeend', s);",
      'document.write(s);', 'eval(s);', 'new Function(s)();', 'Function("return 1")();',
      "setTimeout('go()', 10);", 'setInterval(`tick()`, 5);'];
    for (const line of bad) expect(scan(line, 'x.js'), line).toHaveLength(1);
    const fine = ['// el.innerHTML = s;', '/* eval(s) */', 'el.textContent = s;', 'setTimeout(() => go(), 10);',
      'const evaluate = (x) => x;', "typeof f === 'function';", 'retrieval(x);'];
    for (const line of fine) expect(scan(line, 'x.js'), line).toEqual([]);
  });

  it('no innerHTML, outerHTML, insertAdjacentHTML, document.write, eval, new Function or string timers', () => {
    const files = jsFiles(SRC);
    expect(files.length).toBeGreaterThan(0);
    const hits = files.flatMap((f) => scan(readFileSync(f, 'utf8'), relative(ROOT, f)));
    expect(hits, `forbidden in page code:\n${hits.join('\n')}`).toEqual([]);
  });
});
