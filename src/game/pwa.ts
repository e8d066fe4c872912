import { registerSW } from 'virtual:pwa-register';
import { loadFonts } from './fonts';
import { touchLayout } from './layout';
import { installScreenUi } from './screen';
import type { Language } from './settings';

/**
 * Installable and offline: registers the service worker (vite-plugin-pwa, precaching the whole
 * game) and, when a new version is waiting, offers a quiet "Reload" banner, never during Play.
 * Also installs the rotate prompt and the full-screen button (./screen.ts).
 */

const TEXT: Record<Language, { ready: string; reload: string; later: string; offline: string }> = {
  en: {
    ready: 'A new version is ready.',
    reload: 'Reload',
    later: 'Not now',
    offline: 'Ready to play offline.',
  },
  ja: {
    ready: '新しいバージョンがあります。',
    reload: '再読み込み',
    later: '後で',
    offline: 'オフラインでも遊べるようになりました。',
  },
  ko: {
    ready: '새 버전이 준비되었습니다.',
    reload: '새로 고침',
    later: '나중에',
    offline: '이제 오프라인에서도 플레이할 수 있습니다.',
  },
};

const OFFLINE_NOTE_MS = 5000;
const UPDATE_CHECK_MS = 60 * 60 * 1000;

function activeScene(): string {
  try {
    return window.drumDiplomacy.scene();
  } catch {
    return 'Boot';
  }
}

/** A small banner (a polite live region) in the bottom-left corner. */
export class UpdateBanner {
  readonly el: HTMLElement;
  private readonly message: HTMLElement;
  private readonly reload: HTMLButtonElement;
  private readonly later: HTMLButtonElement;
  private pending: 'update' | 'offline' | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly language: () => Language,
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
    if (!this.pending || activeScene() === 'Play') return;
    const kind = this.pending;
    this.pending = null;
    const text = TEXT[this.language()] ?? TEXT.en;
    this.el.lang = this.language();
    this.message.textContent = kind === 'update' ? text.ready : text.offline;
    this.reload.textContent = text.reload;
    this.later.textContent = text.later;
    this.reload.hidden = kind !== 'update';
    this.later.hidden = kind !== 'update';
    this.el.hidden = false;
    clearTimeout(this.timer);
    if (kind === 'offline') this.timer = setTimeout(() => this.hide(), OFFLINE_NOTE_MS);
  }

  hide(): void {
    this.el.hidden = true;
  }
}

/** Sets up the service worker, the update banner, the rotate prompt and the full-screen button. */
export function installDeviceUi(language: () => Language): void {
  installScreenUi({ scene: activeScene, language, touch: () => touchLayout });
  let updateSW: (reload?: boolean) => Promise<void> = async () => {};
  const banner = new UpdateBanner(language, () => void updateSW(true));
  setInterval(() => banner.tick(), 500);
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
