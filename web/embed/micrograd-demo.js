// <micrograd-demo>: the demo as a custom element for course notes. One file, no dependencies: it frames the
// page that sits beside this script (or the http(s) page in `src`; any other scheme is refused) with the
// attributes as the page's link settings, sizes the frame, and says so, with a plain link, when the page does not
// start: the page posts 'micrograd-demo:ready' to its parent as soon as it runs (web/src/main.js); a frame that
// loaded without saying it (a 404, a host that refuses to be framed) or says nothing within `timeout` seconds
// (default 20, counted once the element is on screen) is reported. Put a link inside the element: it shows when
// this script itself cannot load (a host that does not send CORS headers for it, a blocked script).
//   <script type="module" src="https://USER.github.io/micrograd-live/micrograd-demo.js"></script>
//   <micrograd-demo view="boundary" hidden="8" controls="min" autoplay>
//     <a href="https://USER.github.io/micrograd-live/">micrograd live demo</a></micrograd-demo>
//   <micrograd-demo expr="a = Value(2.0); b = a * a + 1"></micrograd-demo>   (a snippet: expression mode)
const SETTINGS = ['view', 'controls', 'autoplay', 'dataset', 'n', 'noise', 'seed', 'hidden', 'act', 'opt', 'lr', 'wd',
  'tx', 'ty', 'tl', 'speed', 'train', 'val', 'mode', 'expr'];
const PAGE = new URL('./index.html', import.meta.url);
const READY = 'micrograd-demo:ready';
const TIMEOUT_S = 20;  // seconds a page may take to start
const AFTER_LOAD_MS = 3000;  // a frame that loaded has this long to say it is the demo

class MicrogradDemo extends HTMLElement {
  static get observedAttributes() { return [...SETTINGS, 'src', 'height', 'timeout']; }

  connectedCallback() {
    if (!this.shadowRoot) {
      const root = this.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = ':host{display:block;width:100%;height:var(--micrograd-height,520px)}' +
        'iframe{border:0;width:100%;height:100%;display:block}iframe[hidden],.fail[hidden]{display:none}' +
        '.fail{box-sizing:border-box;height:100%;padding:16px;border:1px solid #d0d4dc;border-radius:6px;background:#f7f8fa;' +
        'font:15px/1.45 system-ui,sans-serif;color:#1f2430;display:flex;flex-direction:column;justify-content:center;gap:8px}' +
        '.fail a{color:#1a56db}';
      this.frame = document.createElement('iframe');
      this.frame.title = this.getAttribute('title') || 'micrograd live demo';
      this.frame.loading = 'lazy';
      this.frame.allow = 'clipboard-write';
      this.frame.addEventListener('load', () => this.loaded());
      this.box = document.createElement('div');
      this.box.className = 'fail';
      this.box.setAttribute('role', 'alert');
      this.box.hidden = true;
      this.why = document.createElement('p');
      this.why.style.margin = '0';
      this.link = document.createElement('a');
      this.link.target = '_blank';
      this.link.rel = 'noopener';
      this.link.textContent = 'Open the micrograd demo in a new tab';
      this.box.append(this.why, this.link);
      root.append(style, this.frame, this.box);
      this.onMessage = (/** @type {MessageEvent} */ e) => {
        if (e.source === this.frame.contentWindow && e.data && e.data.type === READY) this.started();
      };
    }
    window.addEventListener('message', this.onMessage);
    this.update();
  }

  disconnectedCallback() {
    window.removeEventListener('message', this.onMessage);
    this.stopWatching();
  }

  attributeChangedCallback() { if (this.frame) this.update(); }

  /** The page to frame, or null (and why) when `src` is not an http(s) URL. */
  page() {
    const src = this.getAttribute('src');
    if (src === null) return { url: new URL(PAGE.href) };
    let url = null;
    try { url = new URL(src, document.baseURI); } catch { /* reported below */ }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      return { url: null, why: `its src must be an http:// or https:// address (got "${src.slice(0, 60)}")` };
    }
    return { url };
  }

  update() {
    const params = new URLSearchParams();
    for (const key of SETTINGS) {
      if (!this.hasAttribute(key)) continue;
      const value = this.getAttribute(key);
      params.set(key, key === 'autoplay' && value === '' ? '1' : value);
    }
    const height = this.getAttribute('height');
    if (height && /^\d+(px|vh|em|rem|%)?$/.test(height)) this.style.setProperty('--micrograd-height', /\d$/.test(height) ? `${height}px` : height);
    const { url, why } = this.page();
    if (!url) {
      this.stopWatching();
      this.frame.removeAttribute('src');
      this.fail(why, null);
      return;
    }
    url.hash = params.toString();
    if (this.frame.src === url.href) return;
    this.frame.src = url.href;
    this.href = url.href;
    this.ready = false;
    this.show(false);
    this.watch();
  }

  /** Starts the clock once the element is on screen (a lazy frame loads only then). */
  watch() {
    this.stopWatching();
    const s = Number(this.getAttribute('timeout'));
    const ms = 1000 * (s > 0 ? s : TIMEOUT_S);
    const start = () => { this.timer = setTimeout(() => this.fail(`it did not start within ${ms / 1000} s`, this.href), ms); };
    if (typeof IntersectionObserver === 'undefined') { start(); return; }
    this.seen = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      this.seen.disconnect();
      this.seen = null;
      start();
    });
    this.seen.observe(this);
  }

  stopWatching() {
    clearTimeout(this.timer);
    clearTimeout(this.afterLoad);
    this.seen?.disconnect();
    this.seen = null;
  }

  /** The frame loaded something: the demo says so at once; anything else (an error page) does not. */
  loaded() {
    if (this.ready || !this.frame.hasAttribute('src')) return;
    clearTimeout(this.afterLoad);
    this.afterLoad = setTimeout(() => {
      if (!this.ready) this.fail('the page there did not start (it may not exist, or its host may not allow framing it)', this.href);
    }, AFTER_LOAD_MS);
  }

  started() {
    this.ready = true;
    this.stopWatching();
    this.show(false);
  }

  fail(why, href) {
    this.why.textContent = `The micrograd demo could not be shown here: ${why}.`;
    this.link.hidden = !href;
    if (href) this.link.href = href;
    this.show(true);
  }

  show(failed) {
    this.box.hidden = !failed;
    this.frame.hidden = failed;
  }
}

if (!customElements.get('micrograd-demo')) customElements.define('micrograd-demo', MicrogradDemo);
