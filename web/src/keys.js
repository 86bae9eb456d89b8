// The page's keys, each bound to an action: space plays or pauses, s or → steps, r resets, 1/2/3 pick the class of
// new points, ctrl+z / ctrl+shift+z (or ctrl+y) undo and redo data edits. Typing in a field is left alone.
/** @param {Document} doc @param {any} state @param {Record<string, (...a: any[]) => any>} a the actions */
export function bindKeys(doc, state, a) {
  doc.addEventListener('keydown', (e) => {
    const tag = /** @type {HTMLElement} */ (e.target).tagName;
    if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || e.altKey) return;
    if (state.mode === 'expression') return; // no training or data edits while the network is hidden
    const key = e.key.toLowerCase();
    if (e.ctrlKey || e.metaKey) {
      if (key === 'z' && !e.shiftKey) { e.preventDefault(); a.undo(); }
      else if ((key === 'z' && e.shiftKey) || key === 'y') { e.preventDefault(); a.redo(); }
      return;
    }
    if (e.key === ' ' && tag !== 'BUTTON') { e.preventDefault(); a.toggle(); }
    else if (key === 's' || e.key === 'ArrowRight') { e.preventDefault(); a.step(1); }
    else if (key === 'r') a.reset();
    else if (['1', '2', '3'].includes(e.key)) a.setClass(Number(e.key) - 1);
  });
}
