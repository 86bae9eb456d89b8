// Entry point of the page: loads the engine, then starts the app; a failure is shown, never thrown away.
import './style.css';
import { startApp } from './app.js';

const status = document.getElementById('status');
startApp(document).catch((err) => {
  status.textContent = `Could not start: ${err && err.message ? err.message : err}`;
  status.classList.add('error');
  console.error(err);
});
