import type { AudioEngine } from '../audio/engine';
import { matchCharts, type Note, type Song } from '../core/chart';
import { type CpuSkill, cpuInputs } from '../core/cpuPartner';
import { HitWindows } from '../core/hitWindows';
import type { DrumInput } from '../core/judge';
import { Match, type Results } from '../core/match';
import type { Difficulty, Mode, Ms, PlayerId, Seconds } from '../core/units';
import type { DrumPress, InputHub } from '../input/inputHub';
import { Emitter } from './emitter';
import type { Settings } from './settings';

export type SessionState = 'ready' | 'playing' | 'paused' | 'ended';

/** Beats counted in before the song starts, and before it resumes after a pause. */
export const START_COUNT_IN_BEATS = 4;
export const RESUME_COUNT_IN_BEATS = 3;
/**
 * Notes are declared missed this long after their window closes, so that a key event still
 * queued behind a slow frame is judged before its note expires.
 */
export const EXPIRY_LAG: Seconds = 0.25;
const LEAD_IN: Seconds = 0.12;

export interface SessionEvents extends Record<string, unknown> {
  state: SessionState;
  /** A drum was pressed and made a sound (judged or not). */
  sound: { player: PlayerId; lane: DrumPress['lane'] };
  /** Count-in: song time at which the count ends, and beats. */
  countIn: { until: Seconds; beats: number };
  results: Results;
}

export interface SessionOptions {
  song: Song;
  mode: Mode;
  difficulties: readonly [Difficulty, Difficulty];
  settings: Settings;
  /** Solo and Lesson: a CPU partner plays this player's part through the same input path. */
  cpu?: { player: PlayerId; skill: CpuSkill; seed: number };
}

/** How far ahead of its time a CPU press is handed over (its sound is scheduled exactly). */
const CPU_LEAD: Seconds = 0.03;

/**
 * One run of a song: the Match (judging), the audio transport and the input, glued together.
 * Judging happens when each input event arrives; frames only call `update` to draw and to let
 * missed notes expire.
 */
export class Session extends Emitter<SessionEvents> {
  readonly match: Match;
  readonly charts: readonly [Note[], Note[]];
  state: SessionState = 'ready';
  private pausedAt: Seconds | null = null;
  private readonly unsubscribe: (() => void)[] = [];
  private readonly endTime: Seconds;
  /** Input offset per player for this run (a CPU partner's is 0: its presses are exact). */
  private readonly offsetsMs: readonly [Ms, Ms];
  private readonly cpuInputs: readonly DrumInput[];
  private cpuNext = 0;
  /** With one human, every key set plays that human's part. */
  private readonly human: PlayerId | null;

  constructor(
    readonly options: SessionOptions,
    private readonly input: InputHub,
    private audio: AudioEngine | null,
  ) {
    super();
    const { song, mode, difficulties, settings, cpu } = options;
    this.charts = matchCharts(song, difficulties);
    const offsets: [Ms, Ms] = [settings.players[0].inputOffsetMs, settings.players[1].inputOffsetMs];
    if (cpu) offsets[cpu.player] = 0;
    this.offsetsMs = offsets;
    this.human = cpu ? (cpu.player === 0 ? 1 : 0) : null;
    this.cpuInputs = cpu
      ? cpuInputs(this.charts[cpu.player], cpu.player, cpu.skill, cpu.seed, HitWindows.for(difficulties[cpu.player]))
      : [];
    this.match = new Match({ songId: song.id, mode, charts: this.charts, difficulties, inputOffsetsMs: offsets });
    const lastNote = Math.max(...this.charts.flat().map((n) => n.time), 0);
    this.endTime = Math.max(song.length, lastNote + 0.5);
    this.unsubscribe.push(input.on('drum', this.onDrum));
  }

  get song(): Song {
    return this.options.song;
  }

  /** Seconds in a beat at a song time. */
  beatLength(at: Seconds): Seconds {
    const song = this.song;
    return 60 / song.tempo.bpmAt(Math.max(0, song.tempo.toBeats(Math.max(0, at))));
  }

  /** Starts (or restarts) the song with a count-in. Needs running audio. */
  start(audio: AudioEngine): void {
    this.audio = audio;
    audio.loadSong(this.song);
    const beat = this.beatLength(0);
    this.play(-START_COUNT_IN_BEATS * beat, 0, START_COUNT_IN_BEATS);
  }

  /** Song time now (audio clock), or null before the song runs. */
  songTime(perfNow: number): Seconds | null {
    if (this.state === 'paused') return this.pausedAt;
    return this.audio?.songTimeAt(perfNow) ?? null;
  }

  /** Per-frame: refresh the clock relation and expire notes past their windows. */
  update(perfNow: number): void {
    if (this.state !== 'playing' || !this.audio) return;
    this.audio.sample();
    const t = this.audio.songTimeAt(perfNow);
    if (t === null) return;
    this.feedCpu(t);
    this.match.advance(t - EXPIRY_LAG);
    if (t >= this.endTime) this.finish();
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
    const beats = RESUME_COUNT_IN_BEATS;
    this.pausedAt = null;
    this.play(at - beats * this.beatLength(at), at, beats);
  }

  /** Ends the run now (the song reached its end). */
  finish(): void {
    if (this.state === 'ended') return;
    this.audio?.stopSong();
    this.match.advance(Number.POSITIVE_INFINITY);
    this.setState('ended');
    this.emit('results', this.match.results());
  }

  /** The performance-clock instant judged as exactly on `songTime` for a player. */
  perfTimeOf(player: PlayerId, songTime: Seconds): number | null {
    if (this.state !== 'playing' || !this.audio) return null;
    return this.audio.perfTimeOfSong(songTime + this.offsetsMs[player] / 1000);
  }

  /** The player whose part a press from `player`'s keys plays (one human plays with either key set). */
  partOf(player: PlayerId): PlayerId {
    return this.human ?? player;
  }

  /** Hands the CPU partner's presses to the input hub as they come due. */
  private feedCpu(now: Seconds): void {
    const audio = this.audio as AudioEngine;
    while (this.cpuNext < this.cpuInputs.length) {
      const next = this.cpuInputs[this.cpuNext] as DrumInput;
      if (next.time > now + CPU_LEAD) break;
      this.cpuNext++;
      // Presses the song already passed (after a rewind on resume) are not replayed.
      if (next.time < now - EXPIRY_LAG) continue;
      const timeStamp = audio.perfTimeOfSong(next.time);
      if (timeStamp !== null) this.input.press({ player: next.player, lane: next.lane, timeStamp, source: 'cpu' });
    }
  }

  dispose(): void {
    for (const u of this.unsubscribe) u();
    if (this.state !== 'ended') this.audio?.stopSong();
  }

  private play(from: Seconds, countInEnd: Seconds, beats: number): void {
    const audio = this.audio as AudioEngine;
    audio.startSong(from, LEAD_IN);
    const beat = this.beatLength(countInEnd);
    for (let i = beats; i >= 1; i--) audio.clickAtSong(countInEnd - i * beat, i === beats);
    this.emit('countIn', { until: countInEnd, beats });
    this.setState('playing');
  }

  private readonly onDrum = (p: DrumPress): void => {
    if (this.state !== 'playing' || !this.audio) return;
    const t = this.audio.songTimeAt(p.timeStamp);
    if (t === null) return;
    const player = p.source === 'cpu' ? p.player : this.partOf(p.player);
    const judged = this.match.press({ player, lane: p.lane, time: t });
    if (judged?.judgement === 'miss') return;
    if (this.options.settings.hitSounds || p.source === 'cpu') {
      // A CPU press is handed over a little early: its sound plays at its exact time.
      this.audio.hit(player, p.lane, p.source === 'cpu' ? this.audio.contextTimeOfSong(t) : undefined);
    }
    this.emit('sound', { player, lane: p.lane });
  };

  private setState(s: SessionState): void {
    this.state = s;
    this.emit('state', s);
  }
}
