import { channelsOf, DEFAULT_RATE, decodeMusic, MusicDecodeError, nativeRate } from '../audio/decode';
import { cachedMusic, forgetMusic, keepMusic } from '../audio/musicCache';
import { gainToTarget } from '../audio/normalise';
import type { Song } from '../core/song';
import type { MeasuredMusic } from './importer';
import type { SongDatabase } from './songDatabase';

/** Integrated loudness (LUFS) of decoded channels; -Infinity for silence. */
export type LoudnessMeter = (channels: readonly Float32Array[], sampleRate: number) => number;

/**
 * The music of imported songs, decoded in the page: at import (measured for its gain) and again
 * from the stored file before a song is played (the decoded sound is too big to store). Decoded
 * music is kept in src/audio/musicCache.ts for the engine.
 */
export class SongMusic {
  private readonly pending = new Map<string, Promise<void>>();

  constructor(
    private readonly db: SongDatabase,
    private readonly loudness: LoudnessMeter,
    /** The rate audio plays at (the running context's), or the usual default before it runs. */
    private readonly sampleRate: () => number = () => DEFAULT_RATE,
  ) {}

  /** Decodes and measures a music file being imported; keeps it decoded for a first play. */
  async measure(key: string, bytes: Uint8Array, name: string): Promise<MeasuredMusic> {
    // at the file's own rate where its header gives it: no resampling of the whole file
    const decoded = await decodeMusic(bytes, name, nativeRate(bytes) ?? this.sampleRate());
    const { buffer, startTrim } = decoded;
    keepMusic(key, decoded);
    return {
      duration: buffer.duration - startTrim,
      gainDb: gainToTarget(this.loudness(channelsOf(buffer), buffer.sampleRate)),
    };
  }

  forget(key: string): void {
    forgetMusic(key);
  }

  /** True when the song's music is ready to play (at once for songs that bring no file). */
  ready(song: Song): boolean {
    return song.audio.kind !== 'file' || cachedMusic(song.audio.key) !== undefined;
  }

  /**
   * Makes a song's music ready: its stored file read and decoded, unless it is kept already.
   * @throws an Error with a plain-English message when the file is gone or cannot be decoded here.
   */
  prepare(song: Song): Promise<void> {
    const audio = song.audio;
    if (audio.kind !== 'file' || cachedMusic(audio.key)) return Promise.resolve();
    const running = this.pending.get(audio.key);
    if (running) return running;
    const job = (async () => {
      const record = await this.db.audio(audio.key);
      if (!record) throw new MusicDecodeError('its music is no longer stored: import it again');
      const bytes = new Uint8Array(record.bytes);
      keepMusic(audio.key, await decodeMusic(bytes, record.name, nativeRate(bytes) ?? this.sampleRate()));
    })().finally(() => this.pending.delete(audio.key));
    this.pending.set(audio.key, job);
    return job;
  }
}
