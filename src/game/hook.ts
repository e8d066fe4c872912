import { matchCharts } from '../core/chart';
import type { Results } from '../core/match';
import { LANES, type Lane, type PlayerId, type Seconds } from '../core/units';
import type { App } from './app';

/** The automation contract of DESIGN.md: a small read-only view of the game for tests. */
export interface DrumDiplomacyHook {
  scene(): string;
  songs(): { id: string; title: string; bpm: number; length: number }[];
  notes(player: PlayerId): { id: string; time: number; lane: Lane; unison: boolean }[];
  keyFor(player: PlayerId, lane: Lane): string;
  padAt(player: PlayerId, lane: Lane): { x: number; y: number } | null;
  perfTimeOf(player: PlayerId, songTime: Seconds): number | null;
  keysHandled(): number;
  results(): Results | null;
}

declare global {
  interface Window {
    drumDiplomacy: DrumDiplomacyHook;
  }
}

export interface HookSources {
  app: App;
  /** Key of the topmost active scene. */
  activeScene(): string;
  /** Centre of a touch pad in CSS px, when Play shows pads. */
  padAt(player: PlayerId, lane: Lane): { x: number; y: number } | null;
}

export function installHook({ app, activeScene, padAt }: HookSources): DrumDiplomacyHook {
  const hook: DrumDiplomacyHook = {
    scene: activeScene,
    songs: () => app.songs.map((s) => ({ id: s.id, title: s.title, bpm: s.bpm, length: s.length })),
    notes: (player) => {
      const charts = app.session?.charts ?? matchCharts(app.selectedSong, app.selection.difficulties);
      return charts[player].map((n) => ({ id: n.id, time: n.time, lane: n.lane, unison: n.unison }));
    },
    keyFor: (player, lane) => {
      if (!LANES.includes(lane)) throw new Error(`no lane ${lane}`);
      return app.settings.bindings[player][lane];
    },
    padAt,
    perfTimeOf: (player, songTime) =>
      app.session?.perfTimeOf(player, songTime) ?? app.clockSource?.perfTimeOf(player, songTime) ?? null,
    keysHandled: () => app.input.keysHandled,
    results: () => app.lastResults,
  };
  Object.defineProperty(window, 'drumDiplomacy', { value: Object.freeze(hook), writable: false, configurable: false });
  return hook;
}
