// The page's keys, each bound to an action. Training: space plays or pauses, s or → steps, r resets. During a walk
// through a pass the same keys drive the walk instead: → or s the next node, ← the previous one, space plays or
// pauses the walk, Home / End jump to its start / end, Escape leaves it (back to the live numbers). 1/2/3 pick the
// class of new points; ctrl+z / ctrl+shift+z (or ctrl+y) undo and redo data edits. Typing in a field is left alone
// (the walk's own mode buttons excepted: there the arrows move the walk, not the choice of pass).

/** The key's action during a walk, or undefined. @param {string} key */
function walkKey(key, a) {
  switch (key) {
    case 'arrowright': case 's': return () => a.walkGo(1);
    case 'arrowleft': return () => a.walkGo(-1);
    case ' ': return () => a.walkTogglePlay();
    case 'home': return () => a.walkGo('start');
    case 'end': return () => a.walkGo('end');
    case 'escape': return () => a.setWalk('off');
    default: return undefined;
  }
}

/** @param {Document} doc @param {any} state @param {Record<string, (...a: any[]) => any>} a the actions */
export function bindKeys(doc, state, a) {
  doc.addEventListener('keydown', (e) => {
    const target = /** @type {HTMLElement} */ (e.target), tag = target.tagName;
    const walking = state.walkMode !== 'off';
    const walkRadio = tag === 'INPUT' && /** @type {HTMLInputElement} */ (target).name === 'walk-mode';
    if ((tag === 'INPUT' && !(walking && walkRadio)) || tag === 'SELECT' || tag === 'TEXTAREA' || e.altKey) return;
    if (state.mode === 'expression') return; // no training or data edits while the network is hidden
    const key = e.key.toLowerCase();
    if (e.ctrlKey || e.metaKey) {
      if (key === 'z' && !e.shiftKey) { e.preventDefault(); a.undo(); }
      else if ((key === 'z' && e.shiftKey) || key === 'y') { e.preventDefault(); a.redo(); }
      return;
    }
    const act = walking ? walkKey(key, a) : undefined;
    if (act) {
      if (key === ' ' && tag === 'BUTTON') return; // a focused button takes space itself
      e.preventDefault();
      act();
      return;
    }
    if (walkRadio) return;
    if (e.key === ' ' && tag !== 'BUTTON') { e.preventDefault(); a.toggle(); }
    else if (key === 's' || e.key === 'ArrowRight') { e.preventDefault(); a.step(1); }
    else if (key === 'r') a.reset();
    else if (['1', '2', '3'].includes(e.key)) a.setClass(Number(e.key) - 1);
  });
}
