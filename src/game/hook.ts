import { matchCharts } from '../core/song';
import { LANES, type Lane, type PlayerId, type Seconds } from '../core/units';
import type { DeviceInfo } from '../input/press';
import type { LayoutBox } from '../page/layoutBoxes';
import type { Notice } from '../page/notices';
import type { RunResults } from '../run/run';
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
  results(): RunResults | null;
  notices(): Notice[];
  devices(): DeviceInfo[];
  replay(): string | null;
  /**
   * Not in DESIGN.md's contract (tests only): every visible text, button and page control as a
   * box in CSS px, with text sizes; see src/page/layoutBoxes.ts.
   */
  layoutBoxes(): LayoutBox[];
}

declare global {
  interface Window {
    drumDiplomacy: DrumDiplomacyHook;
  }
}

export interface HookSources {
  app: App;
  /** Centre of a touch pad in CSS px, when Play shows pads. */
  padAt(player: PlayerId, lane: Lane): { x: number; y: number } | null;
  /** The last finished run as a replay file (text), when there is one. */
  replay(): string | null;
  layoutBoxes(): LayoutBox[];
}

export function installHook({ app, padAt, replay, layoutBoxes }: HookSources): DrumDiplomacyHook {
  const hook: DrumDiplomacyHook = {
    scene: () => app.activeScene,
    songs: () => app.library.all.map((s) => ({ id: s.id, title: s.title, bpm: s.bpm, length: s.length })),
    notes: (player) => {
      const charts = app.flow.run?.charts ?? matchCharts(app.flow.song, app.flow.difficulties);
      return charts[player].map((n) => ({ id: n.id, time: n.time, lane: n.lane, unison: n.unison }));
    },
    keyFor: (player, lane) => {
      if (!LANES.includes(lane)) throw new Error(`no lane ${lane}`);
      return app.settings.bindings.keyboard[player][lane];
    },
    padAt,
    perfTimeOf: (player, songTime) => app.flow.timed?.perfTimeOf(player, songTime) ?? null,
    keysHandled: () => app.input.keysHandled,
    results: () => app.flow.last?.results ?? null,
    notices: () => [...app.notices.list()],
    devices: () => [...app.input.devices],
    replay,
    layoutBoxes,
  };
  Object.defineProperty(window, 'drumDiplomacy', { value: Object.freeze(hook), writable: false, configurable: false });
  return hook;
}
