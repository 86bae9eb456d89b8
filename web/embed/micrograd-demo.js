// <micrograd-demo>: the demo as a custom element for course notes. One file, no dependencies: it frames the
// page that sits beside this script (attributes become the page's link settings) and sizes the frame.
//   <script type="module" src="https://USER.github.io/micrograd-live/micrograd-demo.js"></script>
//   <micrograd-demo view="boundary" hidden="8" controls="min" autoplay></micrograd-demo>
//   <micrograd-demo expr="a = Value(2.0); b = a * a + 1"></micrograd-demo>   (a snippet: expression mode)
const SETTINGS = ['view', 'controls', 'autoplay', 'dataset', 'n', 'noise', 'seed', 'hidden', 'act', 'opt', 'lr', 'wd',
  'tx', 'ty', 'tl', 'speed', 'train', 'val', 'mode', 'expr'];
const PAGE = new URL('./index.html', import.meta.url);

class MicrogradDemo extends HTMLElement {
  static get observedAttributes() { return [...SETTINGS, 'src', 'height']; }

  connectedCallback() {
    if (!this.shadowRoot) {
      const root = this.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = ':host{display:block;width:100%;height:var(--micrograd-height,520px)}iframe{border:0;width:100%;height:100%;display:block}';
      this.frame = document.createElement('iframe');
      this.frame.title = this.getAttribute('title') || 'micrograd live demo';
      this.frame.loading = 'lazy';
      this.frame.allow = 'clipboard-write';
      root.append(style, this.frame);
    }
    this.update();
  }

  attributeChangedCallback() { if (this.frame) this.update(); }

  update() {
    const params = new URLSearchParams();
    for (const key of SETTINGS) {
      if (!this.hasAttribute(key)) continue;
      const value = this.getAttribute(key);
      params.set(key, key === 'autoplay' && value === '' ? '1' : value);
    }
    const height = this.getAttribute('height');
    if (height && /^\d+(px|vh|em|rem|%)?$/.test(height)) this.style.setProperty('--micrograd-height', /\d$/.test(height) ? `${height}px` : height);
    const page = new URL(this.getAttribute('src') || PAGE.href, document.baseURI);
    page.hash = params.toString();
    if (this.frame.src !== page.href) this.frame.src = page.href;
  }
}

if (!customElements.get('micrograd-demo')) customElements.define('micrograd-demo', MicrogradDemo);
