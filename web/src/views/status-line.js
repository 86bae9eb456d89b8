// The page's status line in the header: what went wrong while the page runs (a frame that threw). Owns that element.
export class StatusLine {
  /** @param {HTMLElement} root the header's <output> */
  constructor(root) { this.root = root; }

  /** @param {string} text '' clears it */
  render(text) {
    this.root.textContent = text;
    this.root.classList.toggle('error', !!text);
  }
}
