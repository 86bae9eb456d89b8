// The page's colours: the classes (Okabe-Ito, safe for colour-blind readers, each with its own marker shape)
// and the one diverging palette for the sign of a number.
export const CLASS_RGB = [[230, 159, 0], [0, 114, 178], [0, 158, 115]]; // orange, blue, bluish green
export const CLASS_NAMES = ['class 0', 'class 1', 'class 2'];
export const CLASS_SHAPES = ['circle', 'square', 'triangle'];
export const classColor = (k) => `rgb(${CLASS_RGB[k].join(',')})`;

/** Traces a class marker centred at (x, y) with radius r on a 2D context (caller fills/strokes); with fresh false it
 *  adds to the current path, so many markers of a class draw with one fill and one stroke. */
export function markerPath(ctx, label, x, y, r, fresh = true) {
  if (fresh) ctx.beginPath();
  if (label === 1) ctx.rect(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
  else if (label === 2) {
    ctx.moveTo(x, y - r * 1.1);
    ctx.lineTo(x + r * 1.05, y + r * 0.75);
    ctx.lineTo(x - r * 1.05, y + r * 0.75);
    ctx.closePath();
  } else {
    ctx.moveTo(x + r, y);
    ctx.arc(x, y, r, 0, 2 * Math.PI);
  }
}

/** One diverging palette for sign, everywhere: negative red, positive blue (graph fills and weight edges, node
 *  fields, the per-point rings, the optimizer table; style.css mirrors them as --sign-neg and --sign-pos). */
export const SIGN_RGB = { neg: [214, 48, 60], pos: [43, 108, 212] };
export const SIGN_COLOR = { neg: `rgb(${SIGN_RGB.neg.join(',')})`, pos: `rgb(${SIGN_RGB.pos.join(',')})` };
/** t in [-1, 1] -> [r, g, b]: white at 0, the sign's colour at full strength. @param {number} t */
export function signRgb(t) {
  const a = Math.min(1, Math.abs(t)), c = t < 0 ? SIGN_RGB.neg : SIGN_RGB.pos;
  return [255 - (255 - c[0]) * a, 255 - (255 - c[1]) * a, 255 - (255 - c[2]) * a];
}
