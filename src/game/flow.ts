import type { CpuSkillName } from '../core/cpuPartner';
import { bestSlots, ghostLineup, type Lineup, lineupFor, practiceLineup, watchLineup } from '../core/lineup';
import { normalizePractice, type PracticeSetup } from '../core/practice';
import {
  compareResults,
  encodeReplay,
  makeReplay,
  type OpenedReplay,
  type ReplayDoc,
  replayInputs,
} from '../core/replay';
import { nearestDifficulty, type Song } from '../core/song';
import type { Difficulty, Mode, PerfMs, PlayerId, Seconds } from '../core/units';
import { Run, type RunResults, type RunSetup } from '../run/run';
import { newBestWorthShowing } from './celebrate';
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

/** What the next run is: played, a replay watched, a race against a recorded run, or practice. */
export type RunPlan =
  /** The selection, played; `ghost` shows a recorded run (the best) beside the players' own parts. */
  | { readonly kind: 'play'; readonly ghost?: ReplayDoc | null }
  /** A replay re-enacted, at `rate` (0.5–2). */
  | { readonly kind: 'watch'; readonly replay: OpenedReplay; readonly rate: number }
  /** Slot `ghost` plays a recorded run back; the other slot is played here. */
  | { readonly kind: 'race'; readonly replay: OpenedReplay; readonly ghost: PlayerId }
  /** The selection, practised: a loop of bars, slower; never a best, never kept. */
  | { readonly kind: 'practice'; readonly setup: PracticeSetup };

/** A finished run as Results shows it: what was played and judged, and which bests it set. */
export interface FinishedRun {
  readonly results: RunResults;
  /** Per slot: the run set a best worth celebrating. */
  readonly newBest: readonly boolean[];
  /** Per slot: it beat a best saved before. */
  readonly improved: readonly boolean[];
  /** How it was run. */
  readonly kind: RunPlan['kind'];
  /** The run as a replay (the one watched, for a replay). */
  readonly replay: ReplayDoc | null;
  /** A watched replay: where judging it now differs from the results it recorded (empty: none). */
  readonly differences: readonly string[];
}

/** Keeps finished runs as replays (the IndexedDB store). */
export interface ReplayKeeper {
  keep(doc: ReplayDoc, humans: readonly PlayerId[]): Promise<unknown>;
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
  /** What `begin` makes next. */
  plan: RunPlan = { kind: 'play' };
  /** The practice setup last chosen, and for which song. */
  practice: { readonly songId: string; readonly setup: PracticeSetup } | null = null;
  /** Show the ghost of the best run beside the players' parts (asked for in song select). */
  ghostLane = false;
  /** The last run played to its end (not watched), as the replay file a player exports. */
  lastReplay: string | null = null;

  constructor(
    private readonly library: SongLibrary,
    private readonly store: SaveStore,
    private readonly replays: ReplayKeeper | null = null,
    private readonly now: () => Date = () => new Date(),
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

  /**
   * The next run watches, races or practises: the selection follows the replay's song, mode and
   * difficulties (so the charts shown before the start are its charts).
   */
  setPlan(plan: RunPlan): void {
    this.plan = plan;
    if (plan.kind === 'watch' || plan.kind === 'race') {
      const { doc } = plan.replay;
      this.selection = { ...this.selection, songId: doc.song.id, mode: doc.mode, difficulties: doc.difficulties };
    }
  }

  /** Makes the run of the plan (the selection played, by default). */
  begin(settings: Settings, seed: number): Run {
    this.last = null;
    const base: RunSetup = {
      song: this.song,
      lineup: this.lineup,
      difficulties: this.difficulties,
      playerOffsetsMs: [settings.players[0].inputOffsetMs, settings.players[1].inputOffsetMs],
      seed,
      hitSounds: settings.hitSounds,
    };
    this.run = new Run(this.setupFor(this.plan, base));
    this.timed = this.run;
    return this.run;
  }

  private setupFor(plan: RunPlan, base: RunSetup): RunSetup {
    switch (plan.kind) {
      case 'play': {
        const ghost = plan.ghost;
        return ghost ? { ...base, ghost: { inputs: replayInputs(ghost), offsetsMs: ghost.offsetsMs } } : base;
      }
      case 'watch':
      case 'race': {
        const { doc, song, inputs } = plan.replay;
        const recorded = { inputs, offsetsMs: doc.offsetsMs, seats: doc.seats };
        const lineup = plan.kind === 'watch' ? watchLineup(doc.mode) : ghostLineup(doc.mode, plan.ghost);
        const rate = plan.kind === 'watch' ? plan.rate : 1;
        return { ...base, song, lineup, difficulties: doc.difficulties, recorded, seed: doc.seed, rate };
      }
      case 'practice': {
        const { mode, cpuSkill } = this.selection;
        const practice = normalizePractice(base.song, plan.setup);
        return { ...base, lineup: practiceLineup(mode, practice.demo, cpuSkill), practice };
      }
    }
  }

  /**
   * The run is over. A played run (or race): its bests are saved (for people only), it becomes
   * the last replay and is kept. A watched replay: compared with what it recorded. Storage
   * problems go to `tell`.
   */
  finish(results: RunResults, tell: (n: Notice) => void): FinishedRun {
    const plan = this.plan;
    if (plan.kind === 'watch') {
      const { doc } = plan.replay;
      const differences = compareResults(doc.results, results);
      this.last = {
        results,
        newBest: [false, false],
        improved: [false, false],
        kind: 'watch',
        replay: doc,
        differences,
      };
      return this.last;
    }
    const run = this.run;
    const humans = run ? bestSlots(run.lineup) : bestSlots(lineupFor(results.mode));
    const { improved, previous } = this.store.recordResults(results, results.difficulties, humans);
    for (const n of this.store.drainNotices()) tell(n);
    const newBest = results.players.map((p, i) => newBestWorthShowing(improved[i] ?? false, p.accuracy));
    const doc = run ? this.replayOf(run, results) : null;
    if (doc) {
      this.lastReplay = encodeReplay(doc);
      void this.replays?.keep(doc, humans);
    }
    this.last = {
      results,
      newBest,
      improved: newBest.map((b, i) => b && !!previous?.players[i]),
      kind: plan.kind,
      replay: doc,
      differences: [],
    };
    return this.last;
  }

  private replayOf(run: Run, results: RunResults): ReplayDoc {
    const { song, lineup, difficulties, seed } = run.setup;
    return makeReplay({
      song,
      mode: lineup.mode,
      difficulties,
      seats: [lineup.seats[0].kind, lineup.seats[1].kind],
      offsetsMs: run.offsetsMs,
      seed,
      inputs: run.match.inputs,
      results,
      recordedAt: this.now().toISOString(),
    });
  }

  /** The run has been left (quit, restarted or finished). */
  end(run: Run): void {
    run.dispose();
    if (this.run === run) this.run = null;
    if (this.timed === run) this.timed = null;
  }
}
