// The one animation loop: each frame runs the training steps the speed asks for (and a playing walk's next node),
// then render(). At max speed training runs instead in short tasks between the frames, so that drawing takes only
// what it costs (a big network's step can take longer than a frame). A frame that throws is reported on the page and
// the next frame comes anyway. The loop measures how fast training runs (steps per second, ms per step).
import { SPEEDS } from './state.js';

const SLICE_MS = 10; // max speed: training per task; the browser draws and answers input between tasks

/** @param {any} app { store, snap, actions, teach }
 *  @param {((now: number, spent?: number) => void) & { resumed?: (t: number) => void }} render */
export function startLoop(app, render) {
  const s = app.store.state;
  let lastTime = null, carry = 0, was = { playing: false, speed: -1 };
  let lastWalk = 0, window0 = 0, windowSteps = 0, windowMs = 0;
  let stepMs = NaN, lastK = 1, trainer = null; // the step time measured on this trainer (NaN: not yet)

  /** Up to k steps (fewer until the step time is known: a first guess must not hold the page for seconds). */
  function train(k) {
    if (app.snap.trainer !== trainer) { trainer = app.snap.trainer; stepMs = NaN; lastK = 1; }
    k = Math.max(1, Math.min(k, Number.isNaN(stepMs) ? 1 : 2 * lastK + 1));
    lastK = k;
    const t0 = performance.now();
    let done = 0, ms = 0;
    try { done = app.actions.train(k); } finally { ms = performance.now() - t0; }
    if (done > 0) {
      const per = Math.max(0.002, ms / done);
      stepMs = Number.isNaN(stepMs) ? per : 0.8 * stepMs + 0.2 * per;
      windowSteps += done;
      windowMs += ms;
    }
  }
  const stepsFor = (ms) => Math.max(1, Math.floor(ms / (Number.isNaN(stepMs) ? ms : stepMs)));

  // max speed: a chain of tasks, each training for about SLICE_MS
  const channel = new MessageChannel();
  let pumping = false;
  channel.port1.onmessage = () => {
    pumping = false;
    if (!s.playing || !SPEEDS[s.speed].max) return;
    render.resumed?.(performance.now());
    try { train(stepsFor(SLICE_MS)); } catch (e) { app.actions.reportError('training', e); }
    pump();
  };
  const pump = () => { if (!pumping) { pumping = true; channel.port2.postMessage(0); } };

  /** The steps this frame's speed asks for (none at max speed: the tasks train). */
  function frameSteps(now) {
    if (s.playing !== was.playing || s.speed !== was.speed) { lastTime = null; carry = 0; } // no burst of catch-up steps
    was = { playing: s.playing, speed: s.speed };
    if (!s.playing) return 0;
    const speed = SPEEDS[s.speed];
    if (speed.max) { pump(); return 0; }
    if (speed.perFrame) return speed.perFrame;
    const dt = lastTime === null ? 0 : Math.min(now - lastTime, 250);
    lastTime = now;
    carry += (dt / 1000) * speed.perSecond;
    const k = Math.floor(carry);
    carry -= k;
    return k;
  }

  /** steps/s over the last half second or more (at least one step, or 3 s without any), and ms per step, into the
   *  state about twice a second; 0 while paused and until the first measurement */
  function measure(now) {
    if (!s.playing) { windowSteps = windowMs = 0; window0 = now; app.store.set({ stepsPerSecond: 0, msPerStep: 0 }); return; }
    if (now - window0 < 500 || (windowSteps === 0 && now - window0 < 3000)) return;
    app.store.set({ stepsPerSecond: (1000 * windowSteps) / (now - window0), msPerStep: windowSteps ? windowMs / windowSteps : 0 });
    windowSteps = windowMs = 0;
    window0 = now;
  }

  function frame(/** @type {number} */ now) {
    requestAnimationFrame(frame); // first: whatever this frame does, the next one comes
    const t0 = performance.now();
    try {
      const k = frameSteps(now);
      if (k > 0) train(k);
      if (s.walkPlaying && now - lastWalk >= 1000 / s.walkSpeed) { lastWalk = now; app.teach.walkTick(); }
      measure(now);
    } catch (e) { app.actions.reportError('training', e); }
    try { render(now, performance.now() - t0); } catch (e) { app.actions.reportError('drawing', e); } // each view is guarded too
  }
  requestAnimationFrame(frame);
}
