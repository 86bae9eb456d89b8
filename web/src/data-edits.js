// Edits of the data points with undo/redo: each edit records the points before it (snapshots are small:
// at most a few thousand points), so undo and redo restore exactly what was there.
const HISTORY = 200;

export class DataEdits {
  /** @param {() => any} getTrainer the current engine Trainer @param {() => void} onChange called after every change */
  constructor(getTrainer, onChange) {
    this.getTrainer = getTrainer;
    this.onChange = onChange;
    this.undoStack = [];
    this.redoStack = [];
    this.edited = false; // the points differ from the generated dataset (the URL then carries them)
  }

  snapshot() {
    const t = this.getTrainer();
    return { train: t.points('train'), val: t.points('val'), test: t.points('test') };
  }
  record() {
    this.undoStack.push(this.snapshot());
    if (this.undoStack.length > HISTORY) this.undoStack.shift();
    this.redoStack = [];
  }
  changed() { this.edited = true; this.onChange(); }

  add(point, split = 'train') {
    const t = this.getTrainer();
    const before = this.snapshot();
    t.addPoint(point, split); // throws (naming the field) without changing anything on bad input
    this.undoStack.push(before);
    this.redoStack = [];
    this.changed();
  }
  /** A drag: begin() once, then move() as often as the pointer moves; one undo step for the whole drag. */
  beginMove() { this.record(); }
  move(split, index, x, y) { this.getTrainer().movePoint(split, index, x, y); this.changed(); }
  remove(split, index) { this.record(); this.getTrainer().removePoint(split, index); this.changed(); }
  clear() { this.record(); this.getTrainer().clearPoints(); this.changed(); }

  undo() { return this.swap(this.undoStack, this.redoStack); }
  redo() { return this.swap(this.redoStack, this.undoStack); }
  swap(from, to) {
    if (!from.length) return false;
    to.push(this.snapshot());
    this.getTrainer().setPoints(from.pop());
    this.changed();
    return true;
  }
  get canUndo() { return this.undoStack.length > 0; }
  get canRedo() { return this.redoStack.length > 0; }
  /** A new dataset or network: the history no longer applies. */
  forget() { this.undoStack = []; this.redoStack = []; this.edited = false; }
}
