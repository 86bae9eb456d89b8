// Browser tests of the boundary view: it paints the engine's probabilities, draws points and the traced point,
// and turns pointer gestures into the right events (add, drag a point, drag the trace, delete).
import { describe, it, expect, afterEach, beforeAll } from 'vitest';
import { loadEngine } from '../../web/src/engine.js';
import { BoundaryView } from '../../web/src/views/boundary-view.js';
import { CLASS_RGB } from '../../web/src/palette.js';

const EXTENT = { x0: -2, x1: 2, y0: -2, y1: 2 };
let engine, t;
const roots = [];
beforeAll(async () => { engine = await loadEngine(); t = new engine.Trainer(); t.steps(30); });
afterEach(() => { while (roots.length) roots.pop().remove(); });

function mount(handlers = {}, overrides = {}) {
  const root = document.createElement('div');
  document.body.append(root);
  roots.push(root);
  const view = new BoundaryView(root, handlers);
  const s = { grid: t.boundary(50, 50, -2, 2, -2, 2), gridSize: 50, extent: EXTENT, train: t.points('train'), val: t.points('val'),
    params: t.parameters(), firstLayerWidth: 8, trace: { x: 0, y: 0, label: 0 }, showLevelSets: true, step: 30, emphasis: null, ...overrides };
  view.render(s);
  return { view, canvas: root.querySelector('canvas'), s };
}
/** Fires a pointer event at data coordinates (x, y). */
function fire(canvas, type, x, y, extra = {}) {
  const r = canvas.getBoundingClientRect();
  canvas.dispatchEvent(new PointerEvent(type, { bubbles: true, clientX: r.left + ((x + 2) / 4) * r.width, clientY: r.top + ((2 - y) / 4) * r.height,
    button: 0, pointerId: 1, pointerType: 'mouse', ...extra }));
}

describe('BoundaryView', () => {
  it('paints the class probabilities: a confident cell takes its class colour', () => {
    const { canvas, s } = mount({}, { train: [], val: [], showLevelSets: false, trace: { x: 5, y: 5, label: 0 } });
    const p = t.points('train')[0];
    const probs = t.forward(p.x, p.y);
    const k = probs.indexOf(Math.max(...probs));
    const ctx = canvas.getContext('2d');
    const dpr = canvas.width / 480;
    const px = ctx.getImageData(Math.round(((p.x + 2) / 4) * 480 * dpr), Math.round(((2 - p.y) / 4) * 480 * dpr), 1, 1).data;
    const dist = (c) => Math.hypot(px[0] - (255 - (255 - c[0]) * 0.55), px[1] - (255 - (255 - c[1]) * 0.55), px[2] - (255 - (255 - c[2]) * 0.55));
    const nearest = CLASS_RGB.map(dist).indexOf(Math.min(...CLASS_RGB.map(dist)));
    expect(probs[k]).toBeGreaterThan(0.6);
    expect(nearest).toBe(k);
    expect(s.grid.length).toBe(50 * 50 * 3);
  });

  it('a click on empty space adds a point there; shift-click says so', () => {
    const calls = [];
    const { canvas } = mount({ onAddPoint: (...a) => calls.push(a) });
    fire(canvas, 'pointerdown', 1.9, 1.9);
    fire(canvas, 'pointerup', 1.9, 1.9);
    fire(canvas, 'pointerdown', -1.9, 1.9, { shiftKey: true });
    fire(canvas, 'pointerup', -1.9, 1.9, { shiftKey: true });
    expect(calls).toHaveLength(2);
    expect(calls[0][0]).toBeCloseTo(1.9, 1);
    expect(calls[0][2]).toBe(false);
    expect(calls[1][2]).toBe(true);
  });

  it('dragging a point moves it; dragging the traced point moves the trace; right-click deletes', () => {
    const moves = [], starts = [], traces = [], deletes = [];
    const p = t.points('train')[5];
    const { canvas } = mount({ onMovePoint: (...a) => moves.push(a), onMoveStart: (...a) => starts.push(a),
      onTraceMove: (...a) => traces.push(a), onDeletePoint: (...a) => deletes.push(a) }, { trace: { x: 5, y: 5, label: 0 } });
    fire(canvas, 'pointerdown', p.x, p.y);
    fire(canvas, 'pointermove', p.x + 0.3, p.y + 0.2);
    fire(canvas, 'pointerup', p.x + 0.3, p.y + 0.2);
    expect(starts).toEqual([['train', 5]]);
    expect(moves.at(-1)[0]).toBe('train');
    expect(moves.at(-1)[2]).toBeCloseTo(p.x + 0.3, 2);
    const m2 = mount({ onTraceMove: (...a) => traces.push(a) }, { trace: { x: 0.1, y: 0.1, label: 2 } });
    fire(m2.canvas, 'pointerdown', 0.1, 0.1);
    fire(m2.canvas, 'pointermove', 1.0, -1.0);
    fire(m2.canvas, 'pointerup', 1.0, -1.0);
    expect(traces.at(-1)[0]).toBeCloseTo(1.0, 2);
    expect(traces.at(-1)[1]).toBeCloseTo(-1.0, 2);
    const r = canvas.getBoundingClientRect();
    canvas.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true, clientX: r.left + ((p.x + 2) / 4) * r.width, clientY: r.top + ((2 - p.y) / 4) * r.height }));
    expect(deletes).toEqual([['train', 5]]);
  });
});

describe('BoundaryView by touch and keyboard', () => {
  it('a long press deletes the nearest point; a tap adds one', async () => {
    const deletes = [], adds = [];
    const p = t.points('train')[7];
    const { canvas } = mount({ onDeletePoint: (...a) => deletes.push(a), onAddPoint: (...a) => adds.push(a) }, { trace: { x: 5, y: 5, label: 0 } });
    fire(canvas, 'pointerdown', p.x, p.y, { pointerType: 'touch' });
    await new Promise((r) => setTimeout(r, 700));
    fire(canvas, 'pointerup', p.x, p.y, { pointerType: 'touch' });
    expect(deletes).toEqual([['train', 7]]);
    expect(adds).toEqual([]);
    fire(canvas, 'pointerdown', 1.95, -1.95, { pointerType: 'touch' });
    fire(canvas, 'pointerup', 1.95, -1.95, { pointerType: 'touch' });
    expect(adds).toHaveLength(1);
  });

  it('arrows move the traced point, Enter adds a point at it', () => {
    const traces = [], adds = [];
    const { canvas } = mount({ onTraceMove: (...a) => traces.push(a), onAddPoint: (...a) => adds.push(a) }, { trace: { x: 0.5, y: 0.5, label: 1 } });
    canvas.focus();
    canvas.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    canvas.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', shiftKey: true, bubbles: true }));
    canvas.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(traces).toEqual([[0.55, 0.5], [0.5, 0.75]]);
    expect(adds).toEqual([[0.5, 0.5, false]]);
  });
});
