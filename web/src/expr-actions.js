// Expression mode's actions: typing (re-run after a pause), presets, leaf sliders (setLeaf: forward and backward again
// without parsing, the number written back into the snippet) and keeping the snippet in the link. Like every action
// they change state and the engine (through ExprSnapshot), never a view.
import { LIMITS } from './state.js';
import { PRESETS } from './expr-presets.js';

export const TYPING_MS = 250; // the snippet runs this long after the last keystroke

/** The snippet the state stands for: the link's, else the first preset. @param {{ expr: string | null }} s */
export const snippetOf = (s) => s.expr ?? PRESETS[0].source;

/** A slider's number as a Python float literal ('3' -> '3.0'), so the snippet parses to what setLeaf set.
 *  @param {number} v */
export function floatText(v) {
  const t = String(v);
  return /^-?\d+$/.test(t) ? `${t}.0` : t;
}

/**
 * @param {any} app { store, expr (ExprSnapshot), teach, link () => the page's link, flush }
 */
export function createExprActions(app) {
  const { store } = app, state = store.state;
  let timer = /** @type {any} */ (0);

  /** The link must hold the snippet: a longer one is said so (the address keeps the last one that fit). */
  function checkLink() {
    const n = app.link().length, max = LIMITS.maxLinkChars;
    return n > max ? `This snippet is too long for a link (${n.toLocaleString('en')} characters encoded, the limit is ` +
      `${max.toLocaleString('en')}): the address keeps the last one that fit.` : '';
  }

  const x = {
    /** The editor's text changed: it is the state at once, and runs after a pause in typing. @param {string} text */
    exprEdit(text) {
      if (text === snippetOf(state)) return;
      store.set({ expr: text });
      clearTimeout(timer);
      timer = setTimeout(() => { x.exprRun(); app.flush(); }, TYPING_MS);
    },
    /** Runs the snippet now. An error marks its line and keeps the last good graph (dimmed); a new graph ends the
     *  walk and forgets pinned nodes (their indices were the old graph's). */
    exprRun() {
      clearTimeout(timer);
      if (!app.expr) return false; // the engine is still loading: it runs the snippet when it comes
      const src = snippetOf(state);
      try {
        app.expr.run(src);
      } catch (e) {
        if (!(e instanceof app.expr.engine.ExpressionError)) throw e;
        const err = /** @type {any} */ (e);
        store.set({ exprError: { line: err.line, column: err.column, offset: err.offset, detail: err.detail }, exprNote: checkLink() });
        return false;
      }
      app.teach.exitWalk();
      app.teach.forgetNodes();
      store.set({ exprError: null, exprNote: checkLink() });
      return true;
    },
    /** A link opened in an expression page: its snippet runs; what the link could not give is said.
     *  @param {string | null} expr @param {string} [note] */
    exprOpen(expr, note = '') {
      store.set({ expr });
      x.exprSync();
      if (note) store.set({ exprNote: note });
    },
    /** What the page's first link could not give. @param {string} note */
    exprLinkNote(note) { store.set({ exprNote: note }); },
    /** Runs the state's snippet when it is not the one that ran (the first load, a link opened). */
    exprSync() { if (app.expr && (snippetOf(state) !== app.expr.source || state.exprError)) x.exprRun(); },
    /** @param {string} key a preset's key (expr-presets.js) */
    exprPreset(key) {
      const p = PRESETS.find((q) => q.key === key);
      if (!p) return;
      store.set({ expr: p.source });
      x.exprRun();
    },
    /**
     * A leaf's slider: leaf i becomes Number(text), forward and backward run again (no parsing, no new layout) and the
     * snippet gets the number. Only while the snippet in the editor is the one that ran. @param {number} i @param {string} text
     */
    exprSetLeaf(i, text) {
      if (!app.expr || state.exprError || snippetOf(state) !== app.expr.source) return;
      const v = Number(text), written = floatText(v), leaf = app.expr.leaves()?.[i];
      if (!leaf || !Number.isFinite(v)) return;
      try {
        store.set({ expr: app.expr.setLeaf(i, v, written), exprNote: '' });
      } catch (e) {
        store.set({ exprNote: `${leaf.name} = ${written} was refused: ${/** @type {any} */ (e).detail ?? /** @type {Error} */ (e).message}` });
        store.touch('exprValues'); // the slider goes back to the leaf's number
      }
    },
  };
  return x;
}
