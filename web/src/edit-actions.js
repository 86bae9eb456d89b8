// The actions that edit the data points: add (with the page's cap), drag, delete, clear, undo and redo, the class of
// new points and the validation toggle. The undo history keeps the snapshot's own point lists (data-edits.js).
import { LIMITS } from './state.js';
import { record, undo, redo } from './data-edits.js';
import { NO_TRAIN_POINTS } from './actions.js';

/** @param {any} app { store, snap } */
export function createEditActions(app) {
  const { store, snap } = app, state = store.state;
  const changed = () => {
    store.set({ edited: true });
    if (state.message === NO_TRAIN_POINTS && snap.points('train').length) store.set({ message: '' }); // answered
  };
  /** Runs an edit; a refusal (the engine names the field) becomes the message and changes nothing. */
  const guard = (fn) => { try { fn(); return true; } catch (e) { store.set({ message: e.message }); return false; } };
  /** Records the lists before an edit, runs it, and drops the record if the engine refused. */
  const edit = (fn) => {
    const before = snap.lists(), h = state.history;
    return guard(() => {
      fn();
      record(h, before);
      store.touch('history');
      changed();
    });
  };

  return {
    addPoint(x, y, shift) {
      return edit(() => {
        if (snap.points('train').length >= LIMITS.maxPoints) {
          throw new Error(`points: at most ${LIMITS.maxPoints} training points on the page, so that a link can carry them`);
        }
        snap.addPoint({ x, y, label: shift ? 1 : state.newClass });
      });
    },
    /** A drag: moveStart() once, then movePoint() as often as the pointer moves; one undo step for the whole drag. */
    moveStart() { record(state.history, snap.lists()); store.touch('history'); },
    movePoint(split, i, x, y) { guard(() => { snap.movePoint(split, i, x, y); changed(); }); },
    deletePoint(split, i) { edit(() => snap.removePoint(split, i)); },
    clear() { edit(() => snap.clearPoints()); },
    undo() { swap(undo); },
    redo() { swap(redo); },
    setClass(k) { store.set({ newClass: k }); },
    setShowVal(on) { store.set({ showVal: !!on }); },
    /** A new dataset or network: the history no longer applies. */
    forget() {
      state.history.undo.length = state.history.redo.length = 0;
      store.touch('history');
      store.set({ edited: false });
    },
  };

  /** @param {typeof undo} which */
  function swap(which) {
    const lists = which(state.history, snap.lists());
    if (!lists) return false;
    snap.setPoints(lists);
    store.touch('history');
    changed();
    return true;
  }
}
