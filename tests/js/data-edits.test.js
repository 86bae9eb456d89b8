// The undo history of the data points: a plain, capped stack of point lists that restores exactly what was there.
import { describe, it, expect } from 'vitest';
import { emptyHistory, record, undo, redo, HISTORY } from '../../web/src/data-edits.js';

const lists = (k) => ({ train: [{ x: k, y: 0, label: 0 }], val: [], test: [] });

describe('data edit history', () => {
  it('undo and redo give back exactly the recorded lists, newest first', () => {
    const h = emptyHistory();
    const a = lists(1), b = lists(2), c = lists(3);
    record(h, a);
    record(h, b);
    expect(undo(h, c)).toBe(b);
    expect(undo(h, b)).toBe(a);
    expect(undo(h, a)).toBe(null);
    expect(redo(h, a)).toBe(b);
    expect(redo(h, b)).toBe(c);
    expect(redo(h, c)).toBe(null);
  });

  it('a new edit clears what could be redone', () => {
    const h = emptyHistory();
    record(h, lists(1));
    undo(h, lists(2));
    expect(h.redo).toHaveLength(1);
    record(h, lists(3));
    expect(h.redo).toHaveLength(0);
  });

  it(`keeps at most ${HISTORY} entries however many edits come (each holds up to 2,000 points)`, () => {
    const h = emptyHistory();
    for (let k = 0; k < 2000; k++) record(h, lists(k));
    expect(h.undo).toHaveLength(HISTORY);
    expect(h.undo[0]).toEqual(lists(2000 - HISTORY)); // the oldest were dropped
    for (let k = 0; k < 2000; k++) undo(h, lists(-k));
    expect(h.redo).toHaveLength(HISTORY);
    expect(h.undo).toHaveLength(0);
  });
});

describe('point edits against the real engine', async () => {
  const { loadEngine } = await import('../../web/src/engine.js');
  const { createStore, useEngineLimits } = await import('../../web/src/state.js');
  const { Snapshot } = await import('../../web/src/snapshot.js');
  const { createEditActions } = await import('../../web/src/edit-actions.js');
  const engine = await loadEngine();
  useEngineLimits(engine.limits());
  const setup = () => {
    const store = createStore({});
    const snap = new Snapshot(new engine.Trainer(), store);
    return { store, snap, edits: createEditActions({ store, snap }) };
  };

  it('add, move, remove and clear are each undone and redone exactly', () => {
    const { store, snap, edits } = setup();
    const original = snap.lists();
    edits.addPoint(0.25, -0.5, false);
    expect(snap.points('train')).toHaveLength(81);
    edits.moveStart();
    edits.movePoint('train', 0, 1, 1);
    edits.movePoint('train', 0, 1.5, 1.25); // one drag = one undo step
    edits.deletePoint('val', 3);
    edits.clear();
    expect(snap.trainer.points('train')).toEqual([]);
    expect(store.state.edited).toBe(true);
    edits.undo(); // clear
    expect(snap.trainer.points('val')).toHaveLength(9);
    edits.undo(); // remove
    expect(snap.trainer.points('val')).toEqual(original.val);
    expect(snap.trainer.points('train')[0]).toEqual({ x: 1.5, y: 1.25, label: 0 });
    edits.undo(); // the whole drag
    expect(snap.trainer.points('train')[0]).toEqual(original.train[0]);
    edits.undo(); // add
    expect(snap.trainer.points('train')).toEqual(original.train);
    expect(snap.trainer.points('test')).toEqual(original.test);
    expect(store.state.history.undo).toHaveLength(0);
    edits.redo();
    expect(snap.trainer.points('train')).toHaveLength(81);
    snap.trainer.delete();
  });

  it('a refused edit changes nothing, says why and leaves no undo step', () => {
    const { store, snap, edits } = setup();
    edits.addPoint(NaN, 0, false);
    expect(store.state.message).toMatch(/^x:/);
    expect(store.state.history.undo).toHaveLength(0);
    expect(snap.trainer.points('train')).toHaveLength(80);
    snap.trainer.delete();
  });

  it(`adding points keeps the history at ${HISTORY} entries (it used to grow without bound)`, () => {
    const { store, snap, edits } = setup();
    for (let k = 0; k < 300; k++) { edits.addPoint(k / 300, 0.5, false); edits.deletePoint('train', 80); }
    expect(store.state.history.undo).toHaveLength(HISTORY);
    expect(snap.trainer.points('train')).toHaveLength(80);
    snap.trainer.delete();
  });
});
