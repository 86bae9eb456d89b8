// The undo history of the data points: two plain stacks of point lists ({ train, val, test }, as the snapshot holds
// them), capped at HISTORY entries. Lists are shared, never copied or changed: an edit of the training points keeps
// the very same val and test arrays, so a step costs only the list that changed.
export const HISTORY = 200;

/** @typedef {{ x: number, y: number, label: number }} Point */
/** @typedef {{ train: Point[], val: Point[], test: Point[] }} Lists */
/** @typedef {{ undo: Lists[], redo: Lists[] }} History */

/** @returns {History} */
export const emptyHistory = () => ({ undo: [], redo: [] });

/** Records the lists before an edit; clears what could be redone; drops the oldest beyond the cap.
 *  @param {History} h @param {Lists} before */
export function record(h, before) {
  h.undo.push(before);
  if (h.undo.length > HISTORY) h.undo.splice(0, h.undo.length - HISTORY);
  h.redo.length = 0;
}

/** The lists to go back to (null: nothing to undo); `now` goes on the redo stack. @param {History} h @param {Lists} now */
export function undo(h, now) { return swap(h.undo, h.redo, now); }
/** The lists to go forward to (null: nothing to redo). @param {History} h @param {Lists} now */
export function redo(h, now) { return swap(h.redo, h.undo, now); }

/** @param {Lists[]} from @param {Lists[]} to @param {Lists} now */
function swap(from, to, now) {
  const back = from.pop();
  if (!back) return null;
  to.push(now);
  if (to.length > HISTORY) to.splice(0, to.length - HISTORY);
  return back;
}
