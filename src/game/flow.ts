import type { CpuSkillName } from '../core/cpuPartner';
import { type Lineup, lineupFor } from '../core/lineup';
import { nearestDifficulty, type Song } from '../core/song';
import type { Difficulty, Mode, PerfMs, PlayerId, Seconds } from '../core/units';
import { Run, type RunResults } from '../run/run';
import type { SongLibrary } from './library';
import type { Settings } from './settings';
import type { Notice, SaveStore } from './storage';

/** What the players chose to play: plain data. */
export interface Selection {
  readonly songId: string;
  readonly mode: Mode;
  readonly difficulties: readonly [Difficulty, Difficulty];
  /** Solo: how well the CPU partner plays. */
  readonly cpuSkill: CpuSkillName;
}

/** A finished run as Results shows it: what was played and judged, and which bests it set. */
export interface FinishedRun {
  readonly results: RunResults;
  /** Per slot: the run set a best worth celebrating. */
  readonly newBest: readonly boolean[];
  /** Per slot: it beat a best saved before. */
  readonly improved: readonly boolean[];
}

/** Something timed on a song clock whose instants the automation hook can ask for. */
export interface Timed {
  perfTimeOf(player: PlayerId, time: Seconds): PerfMs | null;
}

/**
 * The way from choosing to playing to results: the selection, the run being played, and the
 * last finished run. Scenes read and change it; it knows no scene.
 */
export class PlayFlow {
  selection: Selection;
  run: Run | null = null;
  /** What the hook's perfTimeOf reads: the run, or the calibration metronome. */
  timed: Timed | null = null;
  last: FinishedRun | null = null;

  constructor(
    private readonly library: SongLibrary,
    private readonly store: SaveStore,
  ) {
    const first = library.listed[0] ?? library.all[0];
    this.selection = { songId: first?.id ?? '', mode: 'duet', difficulties: ['normal', 'normal'], cpuSkill: 'steady' };
  }

  get lineup(): Lineup {
    return lineupFor(this.selection.mode, this.selection.cpuSkill);
  }

  /** The selected song (the first one if it has gone). */
  get song(): Song {
    return (this.library.get(this.selection.songId) ?? this.library.all[0]) as Song;
  }

  /** Changes the selection; a mode with a fixed song and difficulties takes them. */
  choose(change: Partial<Selection>): void {
    const next = { ...this.selection, ...change };
    const fixed = lineupFor(next.mode).fixed;
    this.selection = fixed ? { ...next, songId: fixed.songId, difficulties: fixed.difficulties } : next;
  }

  /** The difficulties the selected song really has for each slot (the nearest to those chosen). */
  get difficulties(): [Difficulty, Difficulty] {
    const song = this.song;
    const [a, b] = this.selection.difficulties;
    return [nearestDifficulty(song, 0, a), nearestDifficulty(song, 1, b)];
  }

  /** Makes the run of the selection. */
  begin(settings: Settings, seed: number): Run {
    this.last = null;
    this.run = new Run({
      song: this.song,
      lineup: this.lineup,
      difficulties: this.difficulties,
      playerOffsetsMs: [settings.players[0].inputOffsetMs, settings.players[1].inputOffsetMs],
      seed,
      hitSounds: settings.hitSounds,
    });
    this.timed = this.run;
    return this.run;
  }

  /** The run is over: its bests are saved (for people only). Storage problems go to `tell`. */
  finish(results: RunResults, tell: (n: Notice) => void): FinishedRun {
    const { improved, previous } = this.store.recordResults(results, results.difficulties);
    for (const n of this.store.drainNotices()) tell(n);
    const newBest = results.players.map((p, i) => (improved[i] ?? false) && p.score > 0);
    this.last = { results, newBest, improved: newBest.map((b, i) => b && !!previous?.players[i]) };
    return this.last;
  }

  /** The run has been left (quit, restarted or finished). */
  end(run: Run): void {
    run.dispose();
    if (this.run === run) this.run = null;
    if (this.timed === run) this.timed = null;
  }
}
