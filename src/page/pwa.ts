import { registerSW } from 'virtual:pwa-register';
import type { App } from '../game/app';
import { loadFonts } from '../game/fonts';
import { touchLayout } from '../game/layout';
import { installScreenUi } from './screen';

/**
 * Installable and offline: registers the service worker (vite-plugin-pwa, precaching the whole
 * game) and, when a new version is waiting, offers a quiet "Reload" banner, never during Play.
 * Also installs the rotate prompt and the full-screen button (./screen.ts).
 */

const OFFLINE_NOTE_MS = 5000;
const UPDATE_CHECK_MS = 60 * 60 * 1000;
const RELOAD_BACKSTOP_MS = 4000;

/** A small banner (a polite live region) in the bottom-left corner. */
export class UpdateBanner {
  readonly el: HTMLElement;
  private readonly message: HTMLElement;
  private readonly reload: HTMLButtonElement;
  private readonly later: HTMLButtonElement;
  private pending: 'update' | 'offline' | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly app: App,
    onReload: () => void,
    parent: HTMLElement = document.body,
  ) {
    this.el = document.createElement('div');
    this.el.className = 'update-banner';
    this.el.setAttribute('role', 'status');
    this.el.hidden = true;
    this.message = document.createElement('span');
    this.reload = document.createElement('button');
    this.reload.type = 'button';
    this.reload.addEventListener('click', () => {
      this.reload.disabled = true;
      onReload();
    });
    this.later = document.createElement('button');
    this.later.type = 'button';
    this.later.className = 'later';
    this.later.addEventListener('click', () => this.hide());
    this.el.append(this.message, this.reload, this.later);
    parent.appendChild(this.el);
  }

  /** Asks to show a message; it waits while a song is played. */
  request(kind: 'update' | 'offline'): void {
    if (this.pending === 'update' && kind === 'offline') return;
    this.pending = kind;
    // Laid out in the shipped fonts: without them Japanese or Korean would show empty boxes.
    void loadFonts().then(() => this.tick());
  }

  /** Shows the pending message once no song is being played. */
  tick(): void {
    // "Ready to play offline" is a note for the title screen only: elsewhere the bottom-left
    // corner holds Back (and it once showed again on Results, after a first song).
    const scene = this.app.activeScene;
    if (this.showing === 'offline' && scene !== 'Title') this.hide();
    if (!this.pending || scene === 'Play') return;
    if (this.pending === 'offline' && scene !== 'Title') return;
    const kind = this.pending;
    this.pending = null;
    this.el.lang = this.app.settings.language;
    this.message.textContent = this.app.t(kind === 'update' ? 'pageUpdateReady' : 'pageOffline');
    this.reload.textContent = this.app.t('pageReload');
    this.later.textContent = this.app.t('pageLater');
    this.reload.hidden = kind !== 'update';
    this.later.hidden = kind !== 'update';
    this.el.hidden = false;
    this.showing = kind;
    clearTimeout(this.timer);
    if (kind === 'offline') this.timer = setTimeout(() => this.hide(), OFFLINE_NOTE_MS);
  }

  hide(): void {
    this.el.hidden = true;
    this.showing = null;
  }

  private showing: 'update' | 'offline' | null = null;
}

/** Sets up the service worker, the update banner, the rotate prompt and the full-screen button. */
export function installDeviceUi(app: App): void {
  installScreenUi({ app, touch: () => touchLayout });
  let updateSW: (reload?: boolean) => Promise<void> = async () => {};
  const banner = new UpdateBanner(app, () => {
    // The plugin reloads only when the page was controlled from the start; on a first visit the
    // new worker taking over is the signal, and a reload after a few seconds is the backstop.
    navigator.serviceWorker?.addEventListener('controllerchange', () => window.location.reload(), { once: true });
    setTimeout(() => window.location.reload(), RELOAD_BACKSTOP_MS);
    void updateSW(true);
  });
  // A waiting message shows once the players leave Play.
  app.events.on('scene', () => banner.tick());
  if (!('serviceWorker' in navigator)) return;
  updateSW = registerSW({
    onNeedRefresh: () => banner.request('update'),
    onOfflineReady: () => banner.request('offline'),
    // Chromium checks for a new worker only about a minute after a navigation: ask at once, when
    // the page comes back to the front (installed apps stay open for days), and hourly.
    onRegisteredSW: (_url, registration) => {
      if (!registration) return;
      const check = () => {
        if (navigator.onLine && !registration.installing) registration.update().catch(() => {});
      };
      check();
      setInterval(check, UPDATE_CHECK_MS);
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') check();
      });
    },
  });
}
