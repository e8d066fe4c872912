import type { Song } from '../../src/core/song';
import type { ContextSeconds, Lane, PerfMs, PlayerId, Seconds } from '../../src/core/units';
import type { RunAudio } from '../../src/run/run';

/**
 * A song clock and drum kit for Node tests: the performance clock is `now` (ms), set by the
 * test; the song clock runs at the rate the song was started at.
 */
export class FakeAudio implements RunAudio {
  readonly minLeadIn = 0.15;
  now: PerfMs = 1000;
  loaded: Song | null = null;
  hits: { player: PlayerId; lane: Lane; at?: ContextSeconds; muted?: boolean; velocity?: number }[] = [];
  clicks: { songTime: Seconds; accent: boolean }[] = [];
  starts: { from: Seconds; leadIn: Seconds; rate: number }[] = [];
  private anchor: { perf: PerfMs; song: Seconds; rate: number } | null = null;

  sample(): void {}
  loadSong(song: Song): void {
    this.loaded = song;
  }
  startSong(songTime: Seconds, leadIn: Seconds, rate = 1): void {
    this.starts.push({ from: songTime, leadIn, rate });
    this.anchor = { perf: this.now + leadIn * 1000, song: songTime, rate };
  }
  pauseSong(): Seconds | null {
    const t = this.songTimeAt(this.now);
    this.anchor = null;
    return t;
  }
  stopSong(): void {
    this.anchor = null;
  }
  songTimeAt(at: PerfMs): Seconds | null {
    return this.anchor ? this.anchor.song + (this.anchor.rate * (at - this.anchor.perf)) / 1000 : null;
  }
  perfTimeOfSong(songTime: Seconds): PerfMs | null {
    return this.anchor ? this.anchor.perf + ((songTime - this.anchor.song) * 1000) / this.anchor.rate : null;
  }
  contextTimeOfSong(songTime: Seconds): ContextSeconds {
    return (this.perfTimeOfSong(songTime) ?? 0) / 1000;
  }
  clickAtSong(songTime: Seconds, accent: boolean): void {
    this.clicks.push({ songTime, accent });
  }
  hit(player: PlayerId, lane: Lane, options: { at?: ContextSeconds; velocity?: number; muted?: boolean } = {}): number {
    this.hits.push({ player, lane, ...options });
    return options.at ?? this.now / 1000;
  }
}
