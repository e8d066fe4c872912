import { cpuInputs } from '../core/cpuPartner';
import { HitWindows } from '../core/hitWindows';
import type { DrumInput } from '../core/judge';
import { type Lineup, localSlots, runOffsets, type SeatKind, slotForPress } from '../core/lineup';
import { Match, type MatchEvent, type Results } from '../core/match';
import {
  afterLoop,
  clampSpeed,
  type LoopRange,
  loopRange,
  notesIn,
  type PracticeProgress,
  type PracticeSetup,
  startProgress,
} from '../core/practice';
import { matchCharts, type Note, type Song } from '../core/song';
import type { ContextSeconds, Difficulty, Lane, Ms, PerfMs, PlayerId, Seconds } from '../core/units';
import { Emitter } from '../game/emitter';

/*
 * One run of a song: the Match (judging), the song clock and the partners (CPU, replay),
 * glued together outside any scene. Local presses are judged when they arrive, by their own
 * stamp; partners hand song-time inputs straight to the match. Frames only call `update` to
 * let time pass (missed notes expire, partners play, the song ends).
 */

/** What a run needs from the audio engine: the song clock and the drums. AudioEngine is one. */
export interface RunAudio {
  /** Shortest lead-in a song start may have: the backing is scheduled this far ahead. */
  readonly minLeadIn: Seconds;
  /** Reads the audio clock once (feeds the clock relation). */
  sample(): void;
  loadSong(song: Song): void;
  /**
   * Plays the loaded song from `songTime` (may be negative), audible `leadIn` seconds from now,
   * at `rate` times its tempo (the song clock then runs at that rate: song time = anchor +
   * rate × elapsed audible time).
   */
  startSong(songTime: Seconds, leadIn: Seconds, rate?: number): void;
  /** Stops where it is; the song time it stopped at (null if idle). */
  pauseSong(): Seconds | null;
  stopSong(): void;
  songTimeAt(at: PerfMs): Seconds | null;
  perfTimeOfSong(songTime: Seconds): PerfMs | null;
  contextTimeOfSong(songTime: Seconds): ContextSeconds;
  clickAtSong(songTime: Seconds, accent: boolean): void;
  hit(player: PlayerId, lane: Lane, options?: { at?: ContextSeconds; velocity?: number; muted?: boolean }): number;
}

/** A press from a device at this screen, already assigned to a player by its device. */
export interface LocalPress {
  /** Whose drums the device plays (the key set, the half of the screen, the kit's player). */
  readonly player: PlayerId;
  readonly lane: Lane;
  /** When the device stamped it. */
  readonly at: PerfMs;
  /** 0..1 where the device gives it; scales the drum sound, never the judgement. */
  readonly velocity?: number;
  /** The device's own latency, ms, added to the player's offset. */
  readonly deviceOffsetMs?: Ms;
}

export interface RunSetup {
  readonly song: Song;
  readonly lineup: Lineup;
  readonly difficulties: readonly [Difficulty, Difficulty];
  /** Each player's own input offset (settings); the lineup decides what each seat uses. */
  readonly playerOffsetsMs: readonly [Ms, Ms];
  /** Seeds the CPU partner, so its run can be replayed. */
  readonly seed: number;
  /**
   * Replay seats: the recorded inputs (raw song seconds), the offsets they were judged with and,
   * when the whole run is watched, who played it then (the results say so).
   */
  readonly recorded?: {
    readonly inputs: readonly DrumInput[];
    readonly offsetsMs: readonly [Ms, Ms];
    readonly seats?: readonly [SeatKind, SeatKind];
  };
  /**
   * A ghost beside the local players' own parts: a recorded run (their best) judged silently
   * as the song goes, so each side shows where it hit and what it scored by now.
   */
  readonly ghost?: { readonly inputs: readonly DrumInput[]; readonly offsetsMs: readonly [Ms, Ms] };
  /** Playback speed (watching a replay), 0.5..2; practice sets its own. */
  readonly rate?: number;
  /** Practice: a looped range of bars, at its own speed; never finishes, never a best. */
  readonly practice?: PracticeSetup;
  /** Play the drum sounds of presses (a setting). */
  readonly hitSounds: boolean;
}

export type RunState = 'ready' | 'playing' | 'paused' | 'ended';

/** What a finished run hands on: the judged results and what was played. */
export interface RunResults extends Results {
  readonly title: string;
  readonly difficulties: readonly [Difficulty, Difficulty];
  readonly seats: readonly [SeatKind, SeatKind];
}

export interface RunEvents extends Record<string, unknown> {
  state: RunState;
  /** Every event of the run's match (judgements, reverts, ghost hits, unison). */
  match: MatchEvent;
  /** The match was made afresh (a seek, a new practice loop): redraw from `run.match`. */
  reset: { time: Seconds };
  /** Practice: a loop ended; what it was and the speed of the next. */
  loop: PracticeProgress;
  /** The playback speed changed. */
  rate: number;
  /** A press made a sound: a hit its drum, a Miss or a ghost a muted one. */
  sound: { player: PlayerId; lane: Lane; muted: boolean };
  /** Count-in: the song time at which it ends, and its beats. */
  countIn: { until: Seconds; beats: number };
  results: RunResults;
}

/** Beats counted in before the song starts, and before it resumes after a pause. */
export const START_COUNT_IN_BEATS = 4;
export const RESUME_COUNT_IN_BEATS = 3;
/** Partners' presses are handed over this far ahead, so their sounds are scheduled exactly. */
const PARTNER_LEAD: Seconds = 0.05;
/**
 * The song ends this long after its last note: time for the last window to close and for a
 * press stamped inside it, but delivered late (a stalled page), to arrive and be judged.
 */
const END_GRACE: Seconds = 1;
/** A practice loop goes on this long after its last note's time, so its window closes first. */
const LOOP_TAIL: Seconds = 0.3;
/** Slowest and fastest playback when watching. */
export const MIN_RATE = 0.5;
export const MAX_RATE = 2;

/** A seat that plays from a list of song-time inputs (a CPU partner, a recorded run). */
interface Partner {
  readonly inputs: readonly DrumInput[];
  next: number;
}

/** A recorded run judged silently beside the live one. */
interface Ghost {
  match: Match;
  readonly inputs: readonly DrumInput[];
  next: number;
}

export class Run extends Emitter<RunEvents> {
  /** The judge of the run (made afresh by a seek or a new practice loop: see the `reset` event). */
  match: Match;
  /** The charts played: the whole song's, or in practice the notes of the looped bars. */
  readonly charts: readonly [Note[], Note[]];
  /** Input offset each slot is judged with. */
  readonly offsetsMs: readonly [Ms, Ms];
  /** Practice: the looped range in song seconds; null otherwise. */
  readonly range: LoopRange | null;
  state: RunState = 'ready';
  /** Playback speed: song seconds per second. */
  rate: number;
  /** Practice: loops so far (null outside practice). */
  progress: PracticeProgress | null;
  private audio: RunAudio | null = null;
  private pausedAt: Seconds | null = null;
  private readonly endTime: Seconds;
  private readonly partners: Partner[];
  private readonly ghost: Ghost | null;

  constructor(readonly setup: RunSetup) {
    super();
    const { song, lineup, difficulties, practice } = setup;
    const full = matchCharts(song, difficulties);
    this.range = practice ? loopRange(song, practice.fromBar, practice.toBar) : null;
    const range = this.range;
    this.charts = range ? [notesIn(full[0], range), notesIn(full[1], range)] : full;
    this.offsetsMs = runOffsets(lineup, setup.playerOffsetsMs, setup.recorded?.offsetsMs);
    this.rate = practice ? clampSpeed(practice.speed) : clampRate(setup.rate ?? 1);
    this.progress = practice ? startProgress(practice) : null;
    this.match = this.newMatch(this.offsetsMs);
    this.partners = ([0, 1] as const).flatMap((p): Partner[] => {
      const seat = lineup.seats[p];
      if (seat.kind === 'cpu' && seat.skill) {
        const windows = HitWindows.for(difficulties[p]);
        return [{ inputs: cpuInputs(this.charts[p], p, seat.skill, setup.seed + p, windows), next: 0 }];
      }
      if (seat.kind === 'replay') return [{ inputs: byTime(setup.recorded?.inputs ?? [], p), next: 0 }];
      return [];
    });
    const ghost = setup.ghost;
    this.ghost = ghost
      ? {
          match: this.newMatch(ghost.offsetsMs),
          inputs: [...ghost.inputs].sort((a, b) => a.time - b.time),
          next: 0,
        }
      : null;
    const lastNote = Math.max(0, ...this.charts.flat().map((n) => n.time));
    this.endTime = range ? Math.max(range.to, lastNote + LOOP_TAIL) : Math.max(song.length, lastNote + END_GRACE);
  }

  get song(): Song {
    return this.setup.song;
  }

  get lineup(): Lineup {
    return this.setup.lineup;
  }

  /** Nobody plays here (a replay being watched): the run can be sought and sped up freely. */
  get watching(): boolean {
    return localSlots(this.lineup).length === 0;
  }

  /** Song time at which the run starts (before its count-in) and the song time it ends at. */
  get span(): { start: Seconds; end: Seconds } {
    return { start: this.range?.from ?? Math.min(0, this.song.tempo.toSeconds(0)), end: this.endTime };
  }

  /** Seconds in a beat at a song time. */
  beatLength(at: Seconds): Seconds {
    const tempo = this.song.tempo;
    return 60 / tempo.bpmAt(tempo.toBeats(at));
  }

  /** Starts (or restarts) the song with a count-in. Needs running audio. */
  start(audio: RunAudio): void {
    this.audio = audio;
    audio.loadSong(this.song);
    if (this.range) {
      this.startLoop();
      return;
    }
    const first = this.span.start;
    this.play(first - START_COUNT_IN_BEATS * this.beatLength(first), first, START_COUNT_IN_BEATS);
  }

  /** Song time now (audio clock), or null before the song runs. */
  songTime(now: PerfMs): Seconds | null {
    if (this.state === 'paused') return this.pausedAt;
    return this.audio?.songTimeAt(now) ?? null;
  }

  /** Lets time pass: refreshes the clock relation, partners play, missed notes expire, the song ends. */
  update(now: PerfMs): void {
    if (this.state !== 'playing' || !this.audio) return;
    this.audio.sample();
    const t = this.audio.songTimeAt(now);
    if (t === null) return;
    this.feedPartners(t);
    this.feedGhost(t);
    this.match.advance(t);
    if (t < this.endTime) return;
    if (this.range) this.endLoop();
    else this.finish();
  }

  /** Judges a local press by its own stamp and plays its sound. */
  press(p: LocalPress): void {
    if (this.state !== 'playing' || !this.audio) return;
    const slot = slotForPress(this.lineup, p.player);
    if (slot === null) return;
    const t = this.audio.songTimeAt(p.at);
    if (t === null) return;
    const judged = this.match.press({ player: slot, lane: p.lane, time: t - (p.deviceOffsetMs ?? 0) / 1000 });
    const muted = judged === null || judged.judgement === 'miss';
    if (this.setup.hitSounds) {
      this.audio.hit(slot, p.lane, p.velocity === undefined ? { muted } : { muted, velocity: p.velocity });
    }
    this.emit('sound', { player: slot, lane: p.lane, muted });
  }

  pause(): void {
    if (this.state !== 'playing' || !this.audio) return;
    this.pausedAt = this.audio.pauseSong();
    this.setState('paused');
  }

  /**
   * Resumes: a few beats before the pause point, counting in, for players; exactly at the
   * pause point when a replay is being watched.
   */
  resume(): void {
    if (this.state !== 'paused' || !this.audio || this.pausedAt === null) return;
    const at = this.pausedAt;
    this.pausedAt = null;
    if (this.watching) this.playAt(at);
    else this.play(at - RESUME_COUNT_IN_BEATS * this.beatLength(at), at, RESUME_COUNT_IN_BEATS);
  }

  /**
   * Watching: goes to song time `to`. The match is made afresh and every recorded input before
   * `to` judged at once (silently); the rest play as the song goes on from there.
   */
  seek(to: Seconds): void {
    if (!this.watching || !this.audio || (this.state !== 'playing' && this.state !== 'paused')) return;
    const { start, end } = this.span;
    const at = Math.min(Math.max(to, start), end - 0.05);
    this.match = this.newMatch(this.offsetsMs);
    for (const partner of this.partners) {
      partner.next = 0;
      while (partner.next < partner.inputs.length && (partner.inputs[partner.next] as DrumInput).time < at)
        this.match.press(partner.inputs[partner.next++] as DrumInput);
    }
    this.match.advance(at);
    this.emit('reset', { time: at });
    if (this.state === 'paused') this.pausedAt = at;
    else this.playAt(at);
  }

  /** Watching: plays on at another speed (0.5..2) from where it is. */
  setRate(rate: number, now: PerfMs): void {
    const next = clampRate(rate);
    if (next === this.rate) return;
    this.rate = next;
    this.emit('rate', next);
    if (this.state !== 'playing' || !this.audio) return;
    const t = this.audio.songTimeAt(now);
    if (t !== null) this.playAt(t);
  }

  /** Ends the run now: every note left is judged, and the results go out. */
  finish(): void {
    if (this.state === 'ended') return;
    this.audio?.stopSong();
    this.match.advance(Number.POSITIVE_INFINITY);
    this.setState('ended');
    this.emit('results', this.results());
  }

  /** The results as of now, with what was played. */
  results(): RunResults {
    const { lineup, difficulties, song, recorded } = this.setup;
    return {
      ...this.match.results(),
      title: song.title,
      difficulties,
      seats: this.watching && recorded?.seats ? recorded.seats : [lineup.seats[0].kind, lineup.seats[1].kind],
    };
  }

  /** The ghost's score so far for a slot (null without a ghost). */
  ghostScore(p: PlayerId): number | null {
    return this.ghost ? this.ghost.match.player(p).score : null;
  }

  /** Where the ghost pressed in a slot, offset-corrected song seconds, in time order (empty without one). */
  ghostPresses(p: PlayerId): { time: Seconds; lane: Lane }[] {
    const g = this.setup.ghost;
    if (!g) return [];
    return byTime(g.inputs, p).map((i) => ({ time: i.time - g.offsetsMs[p] / 1000, lane: i.lane }));
  }

  /** The performance-clock instant judged as exactly on `songTime` for a player slot. */
  perfTimeOf(player: PlayerId, songTime: Seconds): PerfMs | null {
    if (this.state !== 'playing' || !this.audio) return null;
    return this.audio.perfTimeOfSong(songTime + this.offsetsMs[player] / 1000);
  }

  /** Stops the song if it still plays; the run is over for good. */
  dispose(): void {
    if (this.state !== 'ended') this.audio?.stopSong();
    this.state = 'ended';
  }

  private newMatch(offsets: readonly [Ms, Ms]): Match {
    const { song, lineup, difficulties } = this.setup;
    const match = new Match({
      songId: song.id,
      mode: lineup.mode,
      charts: this.charts,
      difficulties,
      inputOffsetsMs: offsets,
    });
    // Only the run's own match speaks; a ghost's is silent.
    if (offsets === this.offsetsMs) match.on((e) => this.emit('match', e));
    return match;
  }

  /** Practice: a loop of the range, counted in from a few beats before it. */
  private startLoop(): void {
    const range = this.range as LoopRange;
    this.match = this.newMatch(this.offsetsMs);
    for (const partner of this.partners) partner.next = 0;
    this.emit('reset', { time: range.from });
    const beats = START_COUNT_IN_BEATS;
    this.play(range.from - beats * this.beatLength(range.from), range.from, beats);
  }

  /** Practice: the loop is over; it is counted, the speed may step up, and the next loop starts. */
  private endLoop(): void {
    const practice = this.setup.practice as PracticeSetup;
    this.match.advance(Number.POSITIVE_INFINITY);
    const progress = afterLoop(
      this.progress ?? startProgress(practice),
      practice,
      this.match.results(),
      localSlots(this.lineup),
    );
    this.progress = progress;
    this.emit('loop', progress);
    if (progress.speed !== this.rate) {
      this.rate = progress.speed;
      this.emit('rate', progress.speed);
    }
    this.startLoop();
  }

  /** Partners press as their inputs come due: judged at once, heard at their exact time. */
  private feedPartners(now: Seconds): void {
    const audio = this.audio as RunAudio;
    const lead = PARTNER_LEAD * this.rate;
    for (const partner of this.partners) {
      while (partner.next < partner.inputs.length) {
        const input = partner.inputs[partner.next] as DrumInput;
        if (input.time > now + lead) break;
        partner.next++;
        const judged = this.match.press(input);
        // A press the song already passed (after a stall) is judged, but its sound would come late.
        if (input.time < now - lead) continue;
        const muted = judged === null || judged.judgement === 'miss';
        audio.hit(input.player, input.lane, { at: audio.contextTimeOfSong(input.time), muted });
        this.emit('sound', { player: input.player, lane: input.lane, muted });
      }
    }
  }

  private feedGhost(now: Seconds): void {
    const g = this.ghost;
    if (!g) return;
    while (g.next < g.inputs.length && (g.inputs[g.next] as DrumInput).time <= now)
      g.match.press(g.inputs[g.next++] as DrumInput);
    g.match.advance(now);
  }

  private play(from: Seconds, countInEnd: Seconds, beats: number): void {
    const audio = this.audio as RunAudio;
    audio.startSong(from, audio.minLeadIn, this.rate);
    const beat = this.beatLength(countInEnd);
    for (let i = beats; i >= 1; i--) audio.clickAtSong(countInEnd - i * beat, i === beats);
    this.emit('countIn', { until: countInEnd, beats });
    this.setState('playing');
  }

  /** Plays on from a song time without a count-in (watching). */
  private playAt(at: Seconds): void {
    (this.audio as RunAudio).startSong(at, (this.audio as RunAudio).minLeadIn, this.rate);
    this.setState('playing');
  }

  private setState(s: RunState): void {
    this.state = s;
    this.emit('state', s);
  }
}

/** A slot's recorded inputs in time order. */
function byTime(inputs: readonly DrumInput[], p: PlayerId): DrumInput[] {
  return inputs.filter((i) => i.player === p).sort((a, b) => a.time - b.time);
}

/** A watching speed within 0.5..2. */
export function clampRate(rate: number): number {
  return Number.isFinite(rate) ? Math.min(MAX_RATE, Math.max(MIN_RATE, rate)) : 1;
}
