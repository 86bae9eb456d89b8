// The one render loop: each animation frame runs the training steps the speed asks for, then renders.
import { SPEEDS } from './state.js';

const FRAME_BUDGET_MS = 11; // 'max' speed: training time per frame, leaving the rest of the 16.7 ms for drawing

/** @param {{ state: any, runSteps: (k: number) => void, render: (now: number) => void }} app */
export function startLoop({ state, runSteps, render }) {
  let lastTime = null, carry = 0, stepMs = 0.5;
  const loop = {
    /** forget the time base (after play or a speed change) so no burst of catch-up steps follows */
    restart() { lastTime = null; carry = 0; },
  };
  function frame(now) {
    if (state.playing) {
      const speed = SPEEDS[state.speed];
      let k;
      if (speed.perFrame) k = speed.perFrame;
      else if (speed.max) k = Math.max(1, Math.min(5000, Math.floor(FRAME_BUDGET_MS / stepMs)));
      else {
        const dt = lastTime === null ? 0 : Math.min(now - lastTime, 250);
        carry += (dt / 1000) * speed.perSecond;
        k = Math.floor(carry);
        carry -= k;
      }
      lastTime = now;
      if (k > 0) {
        const t0 = performance.now();
        runSteps(k);
        stepMs = 0.8 * stepMs + 0.2 * Math.max(0.002, (performance.now() - t0) / k);
      }
    }
    render(now);
    requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);
  return loop;
}
