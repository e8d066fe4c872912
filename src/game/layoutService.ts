import type Phaser from 'phaser';
import { designSizeFor, HEIGHT, minDesignFontPx, setDesignSize, touchLayout, WIDTH } from './layout';

/**
 * Keeps the design space the shape of the page: on a resize or a turn of the phone the game
 * size changes and the menus showing are laid out again (restarted). A run is never restarted:
 * while Play (or its Pause) shows, the canvas letterboxes and the new shape is taken
 * by the next scene. Play always gets a landscape design space (in portrait the page asks to turn
 * the phone sideways).
 */

/** Scenes that are never laid out again while they run. */
const HOLD = new Set(['Play', 'Pause']);
const LANDSCAPE_FALLBACK = { width: 1280, height: 720 } as const;
const DEBOUNCE_MS = 120;

interface Host {
  game: Phaser.Game;
  parent: HTMLElement;
}

let host: Host | null = null;

function pageSize(parent: HTMLElement | null): { width: number; height: number } {
  const rect = parent?.getBoundingClientRect();
  const width = rect && rect.width > 0 ? rect.width : window.innerWidth;
  const height = rect && rect.height > 0 ? rect.height : window.innerHeight;
  return { width, height };
}

/** The design space a scene should be laid out in, for the page as it is now. */
export function targetSize(sceneKey: string, parent: HTMLElement | null = host?.parent ?? null) {
  const page = pageSize(parent);
  const size = designSizeFor(page.width, page.height);
  if (HOLD.has(sceneKey) && size.height > size.width) return LANDSCAPE_FALLBACK;
  return size;
}

/** CSS px per design px, as the canvas is fitted in the page now. */
export function cssPerDesignPx(): number {
  const page = pageSize(host?.parent ?? null);
  return Math.min(page.width / WIDTH, page.height / HEIGHT);
}

/** The smallest font size (design px) that stays legible at the current scale. */
export function minFontPx(): number {
  return minDesignFontPx(cssPerDesignPx(), touchLayout);
}

/** The smallest button or pad height (design px) that is 44 CSS px tall at the current scale. */
export function minButtonPx(): number {
  return Math.ceil(44 / cssPerDesignPx());
}

/** Sets the first design space, before the game is built (its config reads WIDTH and HEIGHT). */
export function initialDesignSize(parent: HTMLElement): void {
  const size = targetSize('Boot', parent);
  setDesignSize(size.width, size.height);
}

function holding(game: Phaser.Game, except?: string): boolean {
  return game.scene
    .getScenes(false)
    .some((s) => s.scene.key !== except && HOLD.has(s.scene.key) && (s.scene.isActive() || s.scene.isPaused()));
}

function apply(game: Phaser.Game, size: { width: number; height: number }): boolean {
  if (size.width === WIDTH && size.height === HEIGHT) return false;
  setDesignSize(size.width, size.height);
  game.scale.setGameSize(size.width, size.height);
  return true;
}

/**
 * Called by every scene before it lays out (BaseScene.init): takes the page's current shape,
 * unless a run is showing underneath.
 */
export function beforeLayout(game: Phaser.Game, sceneKey: string): void {
  if (!host || holding(game, sceneKey)) return;
  apply(game, targetSize(sceneKey));
}

/** Follows the page's size; returns a disposer. */
export function installLayout(game: Phaser.Game, parent: HTMLElement): () => void {
  host = { game, parent };
  let timer: number | undefined;
  const relayout = () => {
    timer = undefined;
    if (holding(game)) {
      game.scale.refresh();
      return;
    }
    const running = game.scene.getScenes(true).filter((s) => s.scene.key !== 'Boot');
    const top = running[running.length - 1]?.scene.key ?? 'Boot';
    if (!apply(game, targetSize(top))) {
      game.scale.refresh();
      return;
    }
    for (const s of running) s.scene.restart();
  };
  const schedule = () => {
    if (timer !== undefined) window.clearTimeout(timer);
    timer = window.setTimeout(relayout, DEBOUNCE_MS);
  };
  const observer = new ResizeObserver(schedule);
  observer.observe(parent);
  window.addEventListener('orientationchange', schedule);
  return () => {
    observer.disconnect();
    window.removeEventListener('orientationchange', schedule);
    if (timer !== undefined) window.clearTimeout(timer);
    host = null;
  };
}

/**
 * Design px at the top of the page that the page's own buttons (Import, full screen: 48 CSS px
 * squares at the top right) take; a portrait layout starts below them.
 */
export function topInset(): number {
  return Math.ceil(62 / cssPerDesignPx());
}
