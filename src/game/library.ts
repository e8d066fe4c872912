import type { Song } from '../core/song';
import { Emitter } from './emitter';

/** The short song the automated tests play; reachable by URL only, not listed in song select. */
export const SELF_TEST_SONG = 'test-song';

export interface LibraryEvents extends Record<string, unknown> {
  changed: readonly Song[];
}

/** Every playable song: the shipped ones, and those the player adds (or removes) after start. */
export class SongLibrary extends Emitter<LibraryEvents> {
  private readonly songs = new Map<string, Song>();

  constructor(songs: readonly Song[]) {
    super();
    for (const s of songs) this.songs.set(s.id, s);
  }

  /** All songs, shipped first, in the order they came. */
  get all(): readonly Song[] {
    return [...this.songs.values()];
  }

  /** Songs offered in song select. */
  get listed(): readonly Song[] {
    return this.all.filter((s) => s.id !== SELF_TEST_SONG);
  }

  get(id: string): Song | undefined {
    return this.songs.get(id);
  }

  /** Adds a song, or replaces one with the same id. */
  add(song: Song): void {
    this.songs.set(song.id, song);
    this.emit('changed', this.all);
  }

  remove(id: string): void {
    if (this.songs.delete(id)) this.emit('changed', this.all);
  }
}
