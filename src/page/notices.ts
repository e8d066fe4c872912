import { type StringKey, translate } from '../content/strings';
import type { Language } from '../game/settings';
import type { Notice as StorageNotice } from '../game/storage';

/** A message shown to the player. */
export interface Notice {
  readonly level: 'info' | 'error';
  readonly text: string;
}

/**
 * Messages for the player: shown in the page itself (a polite live region over the canvas, so
 * screen readers announce them and nothing is lost when a scene changes underneath), and kept,
 * oldest first, for the automation hook's `notices()`.
 */
export class Notices {
  private readonly log: Notice[] = [];
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

  info(text: string, ms?: number): void {
    this.show({ level: 'info', text }, ms);
  }

  error(text: string, ms?: number): void {
    this.show({ level: 'error', text }, ms);
  }

  /** Every message shown since the page loaded, oldest first. */
  list(): readonly Notice[] {
    return [...this.log];
  }

  private show(notice: Notice, ms = 6000): void {
    this.log.push(notice);
    this.el.textContent = notice.text;
    this.el.dataset.level = notice.level;
    this.el.hidden = false;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.el.hidden = true;
    }, ms);
  }
}

const STORAGE_TEXT: Readonly<Record<StorageNotice['kind'], StringKey>> = {
  'corrupt-settings': 'noticeCorruptSettings',
  'corrupt-best': 'noticeCorruptBest',
  quota: 'noticeQuota',
  migrated: 'noticeMigrated',
  'storage-unavailable': 'noticeNoStorage',
};

/** Tells the player about a storage problem in plain words (never blocks play). */
export function tellStorage(notices: Notices, language: Language, n: StorageNotice): void {
  const text = translate(language, STORAGE_TEXT[n.kind]);
  if (n.kind === 'migrated') notices.info(text);
  else notices.error(text);
}
