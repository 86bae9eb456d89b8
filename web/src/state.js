// The page's one state object and its speed table; views read it, only app.js's actions change it.

/** Speed levels: steps per second for the slow ones, steps per frame for the fast ones, 'max' fills the frame. */
export const SPEEDS = [
  { label: '1 step/s', perSecond: 1 },
  { label: '2 steps/s', perSecond: 2 },
  { label: '5 steps/s', perSecond: 5 },
  { label: '10 steps/s', perSecond: 10 },
  { label: '30 steps/s', perSecond: 30 },
  { label: '1 step/frame', perFrame: 1 },
  { label: '2 steps/frame', perFrame: 2 },
  { label: '5 steps/frame', perFrame: 5 },
  { label: '10 steps/frame', perFrame: 10 },
  { label: '30 steps/frame', perFrame: 30 },
  { label: 'max (fill each frame)', max: true },
];
export const DEFAULT_SPEED = 3;

/** The extent of the input plane shown on the canvas (the reference page's). */
export const EXTENT = { x0: -2, x1: 2, y0: -2, y1: 2 };

/** @param {Record<string, any>} settings the link's values (url-state.js) */
export function createState(settings) {
  return {
    settings,
    playing: false,
    speed: settings.speed ?? DEFAULT_SPEED,
    trace: { x: settings.tx ?? 0, y: settings.ty ?? 0, label: settings.tl ?? 0 },
    newClass: 0,
    showVal: true,
    showLevelSets: true,
    colorByGrad: false,
    hoverParam: /** @type {number|null} */ (null),
    message: '',
    /** figures of the current step, refreshed by the loop */
    stats: { step: 0, trainLoss: NaN, valLoss: NaN, trainAcc: NaN, valAcc: NaN },
  };
}
