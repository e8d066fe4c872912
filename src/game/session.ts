import type { AudioEngine } from '../audio/engine';
import { matchCharts, type Note, type Song } from '../core/chart';
import { Match, type Results } from '../core/match';
import type { Difficulty, Mode, PlayerId, Seconds } from '../core/units';
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
}

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

  constructor(
    readonly options: SessionOptions,
    input: InputHub,
    private audio: AudioEngine | null,
  ) {
    super();
    const { song, mode, difficulties, settings } = options;
    this.charts = matchCharts(song, difficulties);
    this.match = new Match({
      songId: song.id,
      mode,
      charts: this.charts,
      difficulties,
      inputOffsetsMs: [settings.players[0].inputOffsetMs, settings.players[1].inputOffsetMs],
    });
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
    return this.audio.perfTimeOfSong(songTime + this.options.settings.players[player].inputOffsetMs / 1000);
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
    const judged = this.match.press({ player: p.player, lane: p.lane, time: t });
    if (judged?.judgement === 'miss') return;
    if (this.options.settings.hitSounds) this.audio.hit(p.player, p.lane);
    this.emit('sound', { player: p.player, lane: p.lane });
  };

  private setState(s: SessionState): void {
    this.state = s;
    this.emit('state', s);
  }
}
