// Entry point of the page: says it runs to a framing page (the <micrograd-demo> element), then the link's mode decides
// which app loads (url-state.js: linkMode), so an expression page (a snippet in course notes) never downloads the
// network's engine, views or layout code, and the network page never the expression engine until its switch asks.
// A failure to start is shown, never thrown away.
import './style.css';
import './views/mode-switch.css'; // the switch shows on both pages
import './views/loss-chart.css'; // in the entry's CSS file: one file fewer for the network page
import { linkMode } from './url-state.js';

// In a frame (the <micrograd-demo> element, web/embed/): tell the parent at once that this is the demo and it runs.
if (window.parent !== window) window.parent.postMessage({ type: 'micrograd-demo:ready' }, '*');

const status = /** @type {HTMLElement} */ (document.getElementById('status'));
const fail = (/** @type {any} */ err) => {
  status.textContent = `Could not start: ${err && err.message ? err.message : err}`;
  status.classList.add('error');
  console.error(err);
};

if (linkMode(location.hash) === 'expression') {
  import('./expr-app.js').then((m) => m.startExpressionApp(document)).catch(fail);
} else {
  // the engine's WASM starts downloading now, beside the app's code (the build names it in a meta tag)
  const wasm = document.querySelector('meta[name="micrograd-wasm"]')?.getAttribute('content');
  if (wasm) document.head.append(Object.assign(document.createElement('link'), { rel: 'preload', href: wasm, as: 'fetch', type: 'application/wasm', crossOrigin: 'anonymous' }));
  import('./app.js').then((m) => m.startApp(document)).catch(fail);
}
