import { cpuInputs } from '../core/cpuPartner';
import { HitWindows } from '../core/hitWindows';
import type { DrumInput } from '../core/judge';
import { type Lineup, runOffsets, type SeatKind, slotForPress } from '../core/lineup';
import { Match, type Results } from '../core/match';
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
  /** Plays the loaded song from `songTime` (may be negative), audible `leadIn` seconds from now. */
  startSong(songTime: Seconds, leadIn: Seconds): void;
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
  /** Replay seats: the recorded inputs (raw song seconds) and the offsets they were judged with. */
  readonly recorded?: { readonly inputs: readonly DrumInput[]; readonly offsetsMs: readonly [Ms, Ms] };
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

/** A seat that plays from a list of song-time inputs (a CPU partner, a recorded run). */
interface Partner {
  readonly inputs: readonly DrumInput[];
  next: number;
}

export class Run extends Emitter<RunEvents> {
  readonly match: Match;
  readonly charts: readonly [Note[], Note[]];
  /** Input offset each slot is judged with. */
  readonly offsetsMs: readonly [Ms, Ms];
  state: RunState = 'ready';
  private audio: RunAudio | null = null;
  private pausedAt: Seconds | null = null;
  private readonly endTime: Seconds;
  private readonly partners: Partner[];

  constructor(readonly setup: RunSetup) {
    super();
    const { song, lineup, difficulties } = setup;
    this.charts = matchCharts(song, difficulties);
    this.offsetsMs = runOffsets(lineup, setup.playerOffsetsMs, setup.recorded?.offsetsMs);
    this.match = new Match({
      songId: song.id,
      mode: lineup.mode,
      charts: this.charts,
      difficulties,
      inputOffsetsMs: this.offsetsMs,
    });
    this.partners = ([0, 1] as const).flatMap((p): Partner[] => {
      const seat = lineup.seats[p];
      if (seat.kind === 'cpu' && seat.skill) {
        const windows = HitWindows.for(difficulties[p]);
        return [{ inputs: cpuInputs(this.charts[p], p, seat.skill, setup.seed + p, windows), next: 0 }];
      }
      if (seat.kind === 'replay') {
        const mine = (setup.recorded?.inputs ?? []).filter((i) => i.player === p);
        return [{ inputs: [...mine].sort((a, b) => a.time - b.time), next: 0 }];
      }
      return [];
    });
    const lastNote = Math.max(0, ...this.charts.flat().map((n) => n.time));
    this.endTime = Math.max(song.length, lastNote + END_GRACE);
  }

  get song(): Song {
    return this.setup.song;
  }

  get lineup(): Lineup {
    return this.setup.lineup;
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
    const first = Math.min(0, this.song.tempo.toSeconds(0));
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
    this.match.advance(t);
    if (t >= this.endTime) this.finish();
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

  /** Resumes a few beats before the pause point, counting in. */
  resume(): void {
    if (this.state !== 'paused' || !this.audio || this.pausedAt === null) return;
    const at = this.pausedAt;
    this.pausedAt = null;
    this.play(at - RESUME_COUNT_IN_BEATS * this.beatLength(at), at, RESUME_COUNT_IN_BEATS);
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
    const { lineup, difficulties, song } = this.setup;
    return {
      ...this.match.results(),
      title: song.title,
      difficulties,
      seats: [lineup.seats[0].kind, lineup.seats[1].kind],
    };
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

  /** Partners press as their inputs come due: judged at once, heard at their exact time. */
  private feedPartners(now: Seconds): void {
    const audio = this.audio as RunAudio;
    for (const partner of this.partners) {
      while (partner.next < partner.inputs.length) {
        const input = partner.inputs[partner.next] as DrumInput;
        if (input.time > now + PARTNER_LEAD) break;
        partner.next++;
        const judged = this.match.press(input);
        // A press the song already passed (after a stall) is judged, but its sound would come late.
        if (input.time < now - PARTNER_LEAD) continue;
        const muted = judged === null || judged.judgement === 'miss';
        audio.hit(input.player, input.lane, { at: audio.contextTimeOfSong(input.time), muted });
        this.emit('sound', { player: input.player, lane: input.lane, muted });
      }
    }
  }

  private play(from: Seconds, countInEnd: Seconds, beats: number): void {
    const audio = this.audio as RunAudio;
    audio.startSong(from, audio.minLeadIn);
    const beat = this.beatLength(countInEnd);
    for (let i = beats; i >= 1; i--) audio.clickAtSong(countInEnd - i * beat, i === beats);
    this.emit('countIn', { until: countInEnd, beats });
    this.setState('playing');
  }

  private setState(s: RunState): void {
    this.state = s;
    this.emit('state', s);
  }
}
