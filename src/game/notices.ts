/**
 * Messages for the player in the page itself (a polite live region over the canvas), so that
 * screen readers announce them and nothing is lost if a scene changes underneath.
 */
export class NoticeArea {
  private readonly el: HTMLElement;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(parent: HTMLElement = document.body) {
    this.el = document.createElement('div');
    this.el.className = 'notice';
    this.el.setAttribute('role', 'status');
    this.el.setAttribute('aria-live', 'polite');
    this.el.hidden = true;
    parent.appendChild(this.el);
  }

  /** Shows a message for `ms` (it stays in the DOM, hidden, for assistive technology). */
  show(message: string, ms = 6000): void {
    this.el.textContent = message;
    this.el.hidden = false;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.el.hidden = true;
    }, ms);
  }
}
