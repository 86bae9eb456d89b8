// Mounts the views the link's embedding asks for (view=, controls=), each on its own DOM subtree, wired to the
// actions. Returns them by name (a view not mounted is undefined); the graph view arrives later (app.js).
import { BoundaryView } from './views/boundary-view.js';
import { Controls } from './views/controls.js';
import { Readouts } from './views/readouts.js';
import { DataTools } from './views/data-tools.js';
import { LossChart } from './views/loss-chart.js';
import { WalkPanel } from './views/walk-panel.js';
import { TeachPanel } from './views/teach-panel.js';
import { NodeField } from './views/node-field.js';
import { StatusLine } from './views/status-line.js';
import { GraphNotes } from './views/graph-notes.js';
import { ModeSwitch } from './views/mode-switch.js';

/** @param {Document} doc @param {any} state @param {Record<string, (...a: any[]) => any>} a the actions */
export function mountViews(doc, state, a) {
  const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (doc.getElementById(id));
  doc.body.classList.add(`view-${state.view}`, `controls-${state.controls}`);
  const framed = window.self !== window.top;
  if (framed || state.view !== 'both' || state.controls !== 'full') doc.body.classList.add('embedded');
  const full = state.controls === 'full', graph = state.view !== 'boundary';
  const side = $('controls-panel');
  const part = (/** @type {string} */ cls) => side.appendChild(Object.assign(doc.createElement('div'), { className: cls }));

  /** @type {Record<string, any>} */
  const views = {
    status: new StatusLine($('status')),
    mode: new ModeSwitch(ModeSwitch.place(doc), { onMode: a.setMode }),
    boundary: new BoundaryView($('boundary-panel'), { onTraceMove: a.setTrace, onAddPoint: a.addPoint, onMoveStart: a.moveStart,
      onMovePoint: a.movePoint, onDeletePoint: a.deletePoint }),
    readouts: new Readouts(part('readouts')), // the numbers first, right under the canvas
    controls: new Controls(part('controls'), a),
    dataTools: new DataTools(part('data-tools'), { onClass: a.setClass, onUndo: a.undo, onRedo: a.redo, onClear: a.clear, onShowVal: a.setShowVal }),
    settingsRoot: full ? $('settings-panel') : undefined, // the settings panel's subtree; the panel loads after the page (app.js)
    settings: undefined,
    tableRoot: full ? $('optimizer-panel') : undefined, // the optimizer table's subtree; the table loads after the page (app.js)
    table: undefined,
    chart: state.view !== 'graph' ? new LossChart($('chart-panel')) : undefined,
    walk: new WalkPanel($('walk-panel'), { onMode: a.setWalk, onGo: a.walkGo, onPlay: a.walkTogglePlay, onSpeed: a.setWalkSpeed }),
    teach: new TeachPanel($('teach-panel'), { onCheckNode: a.checkNode, onCheckParams: a.checkParams, onParam: a.setPointParam,
      onLossSize: a.setLossSize, onSaturated: a.setSaturated }),
    field: new NodeField($('field-panel')),
    notes: graph ? new GraphNotes($('graph-notes'), { onReference: a.traceReference }) : undefined,
    graphPanel: graph ? $('graph-panel') : undefined,
    graph: undefined,
  };
  return views;
}
