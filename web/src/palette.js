// Class colours (Okabe-Ito, safe for colour-blind readers) and a distinct marker shape per class.
export const CLASS_RGB = [[230, 159, 0], [0, 114, 178], [0, 158, 115]]; // orange, blue, bluish green
export const CLASS_NAMES = ['class 0', 'class 1', 'class 2'];
export const CLASS_SHAPES = ['circle', 'square', 'triangle'];
export const classColor = (k) => `rgb(${CLASS_RGB[k].join(',')})`;

/** Traces a class marker centred at (x, y) with radius r on a 2D context (caller fills/strokes). */
export function markerPath(ctx, label, x, y, r) {
  ctx.beginPath();
  if (label === 1) ctx.rect(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
  else if (label === 2) {
    ctx.moveTo(x, y - r * 1.1);
    ctx.lineTo(x + r * 1.05, y + r * 0.75);
    ctx.lineTo(x - r * 1.05, y + r * 0.75);
    ctx.closePath();
  } else ctx.arc(x, y, r, 0, 2 * Math.PI);
}
