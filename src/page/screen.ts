import type { App } from '../game/app';
import type { Language } from '../game/settings';

/**
 * The page around the canvas on phones and tablets: a "turn sideways" overlay while Play is
 * shown in portrait on a touchscreen (menus work in portrait), and a full-screen toggle in the
 * top-right corner. Plain DOM over the canvas, styled in index.html.
 */

export interface ScreenUiOptions {
  /** The game's services: its scene events, settings and strings. */
  app: App;
  /** True when the touch layout is in use (a touchscreen, or `?touch=1`). */
  touch(): boolean;
  parent?: HTMLElement;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function icon(paths: string[], viewBox = '0 0 24 24'): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', viewBox);
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  for (const d of paths) {
    const p = document.createElementNS(SVG_NS, 'path');
    p.setAttribute('d', d);
    svg.appendChild(p);
  }
  return svg;
}

const ENTER_ICON = ['M4 9V4h5', 'M15 4h5v5', 'M20 15v5h-5', 'M9 20H4v-5'];
const EXIT_ICON = ['M9 4v5H4', 'M20 9h-5V4', 'M15 20v-5h5', 'M4 15h5v5'];

type FullscreenDoc = Document & { webkitFullscreenEnabled?: boolean; webkitFullscreenElement?: Element | null };
type FullscreenEl = HTMLElement & { webkitRequestFullscreen?: () => Promise<void> | undefined };

function fullscreenEnabled(): boolean {
  const d = document as FullscreenDoc;
  return Boolean(d.fullscreenEnabled ?? d.webkitFullscreenEnabled);
}

function fullscreenElement(): Element | null {
  const d = document as FullscreenDoc;
  return d.fullscreenElement ?? d.webkitFullscreenElement ?? null;
}

/** Enters full screen and, where the browser allows it, locks landscape; failures are harmless. */
export async function enterFullscreen(el: HTMLElement = document.documentElement): Promise<void> {
  const target = el as FullscreenEl;
  try {
    if (target.requestFullscreen) await target.requestFullscreen({ navigationUI: 'hide' });
    else await target.webkitRequestFullscreen?.();
  } catch {
    return;
  }
  const orientation = screen.orientation as ScreenOrientation & { lock?: (o: string) => Promise<void> };
  try {
    await orientation?.lock?.('landscape');
  } catch {
    // Not a phone, or the browser does not lock: the rotate prompt covers it.
  }
}

export async function exitFullscreen(): Promise<void> {
  try {
    await document.exitFullscreen?.();
  } catch {
    // Already left (Esc, back gesture).
  }
}

export function installScreenUi(o: ScreenUiOptions): { update(): void; dispose(): void } {
  const parent = o.parent ?? document.body;
  const portrait = matchMedia('(orientation: portrait)');
  const installedFullscreen = matchMedia('(display-mode: fullscreen)');

  const rotate = document.createElement('div');
  rotate.className = 'rotate-prompt';
  rotate.setAttribute('role', 'alert');
  rotate.hidden = true;
  const rotateIcon = icon(['M7 3h10a1 1 0 0 1 1 1v16a1 1 0 0 1-1 1H7a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1Z', 'M11 18h2']);
  rotateIcon.classList.add('rotate-icon');
  const rotateText = document.createElement('p');
  rotate.append(rotateIcon, rotateText);

  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'fullscreen-toggle';
  button.hidden = !fullscreenEnabled();
  button.addEventListener('click', (e) => {
    if (fullscreenElement()) void exitFullscreen();
    else void enterFullscreen();
    // Tapped or clicked: give the focus back, so Space and Enter go to the game, not to this button.
    if (e.detail > 0) button.blur();
  });

  parent.append(rotate, button);

  let shownLanguage: Language | null = null;
  let shownFull: boolean | null = null;
  const { app } = o;
  const update = (): void => {
    const language = app.settings.language;
    const full = fullscreenElement() !== null;
    if (language !== shownLanguage || full !== shownFull) {
      shownLanguage = language;
      shownFull = full;
      rotate.lang = language;
      rotateText.textContent = app.t('pageRotate');
      button.lang = language;
      button.setAttribute('aria-label', app.t(full ? 'pageExitFullscreen' : 'pageFullscreen'));
      button.replaceChildren(icon(full ? EXIT_ICON : ENTER_ICON));
    }
    rotate.hidden = !(o.touch() && portrait.matches && app.activeScene === 'Play');
    // An installed app opened full screen has no browser UI to leave: no button there.
    button.hidden = !fullscreenEnabled() || (installedFullscreen.matches && !full);
  };

  const offScene = app.events.on('scene', update);
  const offSettings = app.events.on('settings', update);
  portrait.addEventListener('change', update);
  installedFullscreen.addEventListener('change', update);
  document.addEventListener('fullscreenchange', update);
  document.addEventListener('webkitfullscreenchange', update);
  update();

  return {
    update,
    dispose() {
      offScene();
      offSettings();
      portrait.removeEventListener('change', update);
      installedFullscreen.removeEventListener('change', update);
      document.removeEventListener('fullscreenchange', update);
      document.removeEventListener('webkitfullscreenchange', update);
      rotate.remove();
      button.remove();
    },
  };
}
