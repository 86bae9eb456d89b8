// Data edits with undo/redo against the real engine.
import { describe, it, expect, beforeAll } from 'vitest';
import { loadEngine } from '../../web/src/engine.js';
import { DataEdits } from '../../web/src/data-edits.js';

let engine;
beforeAll(async () => { engine = await loadEngine(); });

describe('DataEdits', () => {
  it('add, move, remove and clear are each undone and redone exactly', () => {
    const t = new engine.Trainer();
    let changes = 0;
    const edits = new DataEdits(() => t, () => { changes++; });
    const original = t.points('train');
    edits.add({ x: 0.25, y: -0.5, label: 2 });
    expect(t.points('train')).toHaveLength(81);
    edits.beginMove();
    edits.move('train', 0, 1, 1);
    edits.move('train', 0, 1.5, 1.25); // one drag = one undo step
    edits.remove('val', 3);
    edits.clear();
    expect(t.points('train')).toEqual([]);
    expect(edits.undo()).toBe(true); // clear
    expect(t.points('val')).toHaveLength(9);
    expect(edits.undo()).toBe(true); // remove
    expect(t.points('val')).toHaveLength(10);
    expect(t.points('train')[0]).toEqual({ x: 1.5, y: 1.25, label: 0 });
    expect(edits.undo()).toBe(true); // the whole drag
    expect(t.points('train')[0]).toEqual(original[0]);
    expect(edits.undo()).toBe(true); // add
    expect(t.points('train')).toEqual(original);
    expect(edits.undo()).toBe(false);
    expect(edits.redo()).toBe(true);
    expect(t.points('train')).toHaveLength(81);
    expect(changes).toBeGreaterThan(5);
    t.delete();
  });

  it('a refused edit changes nothing and leaves no undo step', () => {
    const t = new engine.Trainer();
    const edits = new DataEdits(() => t, () => {});
    expect(() => edits.add({ x: NaN, y: 0, label: 0 })).toThrow(/^x:/);
    expect(edits.canUndo).toBe(false);
    expect(t.points('train')).toHaveLength(80);
    t.delete();
  });
});
