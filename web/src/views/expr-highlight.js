// Syntax colouring for the expression editor: splits a snippet into classed runs (comments, strings, numbers, the
// name Value, methods after a dot, keywords, operators). Pure text in, runs out: the editor builds the DOM from them.

const RULES = [
  ['comment', /#[^\n]*/y],
  ['string', /'(?:[^'\\\n]|\\.)*'?|"(?:[^"\\\n]|\\.)*"?/y],
  ['number', /(?:0[xX][0-9a-fA-F_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][-+]?\d+)?)/y],
  ['method', /(?<=\.\s*)[A-Za-z_]\w*/y],
  ['word', /[A-Za-z_]\w*/y],
  ['op', /\*\*=?|[-+*/]=?|[()=.,;\\]/y],
  ['space', /\s+/y],
];
const KEYWORDS = new Set(['import', 'from', 'as', 'def', 'return', 'for', 'in', 'if', 'else', 'while', 'lambda', 'print', 'True', 'False', 'None']);

/**
 * The runs of a snippet, covering it exactly: [{ from, to, cls }] where cls is '' (plain) or one of 'comment',
 * 'string', 'number', 'value' (the name Value), 'method', 'label' (the word label), 'keyword', 'op'.
 * @param {string} text @returns {{ from: number, to: number, cls: string }[]}
 */
export function highlight(text) {
  /** @type {{ from: number, to: number, cls: string }[]} */ const runs = [];
  let pos = 0;
  while (pos < text.length) {
    let cls = '', end = pos + 1;
    for (const [kind, re] of RULES) {
      re.lastIndex = pos;
      const m = re.exec(text);
      if (!m || !m[0].length) continue;
      end = pos + m[0].length;
      const w = m[0];
      cls = kind === 'word' ? (w === 'Value' ? 'value' : w === 'label' ? 'label' : KEYWORDS.has(w) ? 'keyword' : '')
        : kind === 'space' ? '' : kind;
      break;
    }
    const last = runs[runs.length - 1];
    if (last && last.cls === cls && last.to === pos) last.to = end;
    else runs.push({ from: pos, to: end, cls });
    pos = end;
  }
  return runs;
}
