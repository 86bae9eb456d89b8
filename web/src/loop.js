// The one animation loop: each frame runs the training steps the speed asks for (and a playing walk's next node),
// then render(). A frame that throws is reported on the page and the next frame comes anyway. It measures how fast
// training runs (steps per second, ms per step) for the readouts.
import { SPEEDS } from './state.js';

const MIN_BUDGET_MS = 11; // 'max' speed: training time per frame at least this, ...
const MAX_BUDGET_MS = 90; // ... at most this (the page answers within ~10 frames a second), ...
const DRAW_SHARE = 0.15;  // ... and about this share of the time left for drawing
const FRAME_MS = 1000 / 60;

/** @param {any} app { store, actions, teach } @param {(now: number) => void} render */
export function startLoop(app, render) {
  const s = app.store.state;
  let lastTime = null, carry = 0, stepMs = 0.5, was = { playing: false, speed: -1 };
  let lastWalk = 0, trainMs = 0, lastFrame = null;
  const others = new Float64Array(8); // recent frames: time not spent training (drawing, the browser's own work)
  let other = 0, window0 = 0, windowSteps = 0, windowMs = 0;

  /** 'max' speed: train for most of the frame, leaving DRAW_SHARE of the time to everything else, in whole frames. */
  function budget() {
    const o = Math.min(...others);
    const frames = Math.max(1, Math.ceil(o / (DRAW_SHARE * FRAME_MS)));
    return Math.max(MIN_BUDGET_MS, Math.min(MAX_BUDGET_MS, frames * FRAME_MS - o - 2));
  }

  function train(now) {
    if (s.playing !== was.playing || s.speed !== was.speed) { lastTime = null; carry = 0; } // no burst of catch-up steps
    was = { playing: s.playing, speed: s.speed };
    trainMs = 0;
    if (!s.playing) return;
    const speed = SPEEDS[s.speed];
    let k;
    if (speed.perFrame) k = speed.perFrame;
    else if (speed.max) k = Math.max(1, Math.min(100000, Math.floor(budget() / stepMs)));
    else {
      const dt = lastTime === null ? 0 : Math.min(now - lastTime, 250);
      carry += (dt / 1000) * speed.perSecond;
      k = Math.floor(carry);
      carry -= k;
    }
    lastTime = now;
    if (k <= 0) return;
    const t0 = performance.now();
    let done = 0;
    try { done = app.actions.train(k); } finally { trainMs = performance.now() - t0; }
    if (done > 0) {
      stepMs = 0.8 * stepMs + 0.2 * Math.max(0.002, trainMs / done);
      windowSteps += done;
      windowMs += trainMs;
    }
  }

  /** steps/s over the last half second or more, and ms per step, into the state twice a second */
  function measure(now) {
    if (!s.playing) { windowSteps = windowMs = 0; window0 = now; app.store.set({ stepsPerSecond: 0, msPerStep: 0 }); return; }
    if (now - window0 < 500) return;
    app.store.set({ stepsPerSecond: (1000 * windowSteps) / (now - window0), msPerStep: windowSteps ? windowMs / windowSteps : 0 });
    windowSteps = windowMs = 0;
    window0 = now;
  }

  function frame(/** @type {number} */ now) {
    requestAnimationFrame(frame); // first: whatever this frame does, the next one comes
    if (lastFrame !== null) {
      other = Math.max(0, now - lastFrame - trainMs);
      others.copyWithin(0, 1);
      others[others.length - 1] = other;
    }
    lastFrame = now;
    try {
      train(now);
      if (s.walkPlaying && now - lastWalk >= 1000 / s.walkSpeed) { lastWalk = now; app.teach.walkTick(); }
      measure(now);
    } catch (e) { app.actions.reportError('training', e); }
    try { render(now); } catch (e) { app.actions.reportError('drawing', e); } // each view is guarded too
  }
  requestAnimationFrame(frame);
}
