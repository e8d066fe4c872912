import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { TimedSongData } from '../core/song';
import { isQuotaError } from './storage';

/*
 * The imported songs, kept in IndexedDB (through idb) so they survive a reload and an offline
 * start. Database `drumDiplomacy.library`, version 1, two object stores:
 *
 * - `songs`, key path `id` (the content id, `imported-` + 12 hex digits of the chart's SHA-256):
 *   `{ id, version: 1, song: TimedSongData, files, importedAt, audioKey }`. The song is what
 *   loadTimedSong validates (its per-song offset inside); `files` the names it came from;
 *   `audioKey` the music it plays, or null (a click track or a .mid's own music).
 * - `audio`, key path `key` (`audio-` + 12 hex digits of the music file's SHA-256):
 *   `{ key, name, bytes }`, the music file as chosen (encoded: an MP3 stays an MP3), decoded
 *   again when the song is played. Songs with the same music share one record.
 *
 * A song and its music are written in one transaction: after a failure (a full quota) neither
 * is there. Deleting a song deletes its music unless another song plays it.
 */

export const DB_NAME = 'drumDiplomacy.library';
export const DB_VERSION = 1;
export const RECORD_VERSION = 1;

export interface SongRecord {
  readonly id: string;
  readonly version: number;
  readonly song: TimedSongData;
  readonly files: readonly string[];
  readonly importedAt: string;
  readonly audioKey: string | null;
}

export interface AudioRecord {
  readonly key: string;
  readonly name: string;
  readonly bytes: ArrayBuffer;
}

interface LibrarySchema extends DBSchema {
  songs: { key: string; value: SongRecord };
  audio: { key: string; value: AudioRecord };
}

/** Why the library could not do something, for the player. */
export class LibraryStorageError extends Error {
  override name = 'LibraryStorageError';
  constructor(
    readonly kind: 'quota' | 'unavailable',
    message: string,
  ) {
    super(message);
  }
}

/** What the importer and song select need of the stored library (a fake in Node tests). */
export interface SongDatabase {
  /** Every stored song record (unchecked: the caller validates). */
  all(): Promise<SongRecord[]>;
  /** Stores a song and, when given, its music, together or not at all. */
  put(record: SongRecord, audio: AudioRecord | null): Promise<void>;
  /** The music file under `key`, or null. */
  audio(key: string): Promise<AudioRecord | null>;
  /** Deletes a song, and its music unless another song plays it. */
  delete(id: string): Promise<void>;
  /** Changes a stored song's offset, ms. */
  setOffset(id: string, offsetMs: number): Promise<void>;
}

function fail(e: unknown, what: string): LibraryStorageError {
  if (isQuotaError(e)) return new LibraryStorageError('quota', `storage is full: ${what}`);
  return new LibraryStorageError(
    'unavailable',
    `${what}: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`,
  );
}

/** The library on the browser's IndexedDB. */
export class IndexedSongDatabase implements SongDatabase {
  private db: Promise<IDBPDatabase<LibrarySchema>> | null = null;

  constructor(private readonly name = DB_NAME) {}

  private open(): Promise<IDBPDatabase<LibrarySchema>> {
    if (!globalThis.indexedDB) return Promise.reject(new LibraryStorageError('unavailable', 'no IndexedDB here'));
    if (this.db) return this.db;
    const opening: Promise<IDBPDatabase<LibrarySchema>> = openDB<LibrarySchema>(this.name, DB_VERSION, {
      upgrade(db, oldVersion) {
        // Version 1: the first schema. Later versions add their steps below `oldVersion < n`.
        if (oldVersion < 1) {
          db.createObjectStore('songs', { keyPath: 'id' });
          db.createObjectStore('audio', { keyPath: 'key' });
        }
      },
      blocking: () => {
        // A newer game opened the database in another tab: let it upgrade (this tab reopens on next use).
        this.db = null;
        void opening.then((db) => db.close());
      },
    });
    this.db ??= opening.catch((e: unknown) => {
      this.db = null;
      throw fail(e, 'the song library could not be opened');
    });
    return this.db;
  }

  async all(): Promise<SongRecord[]> {
    const db = await this.open();
    try {
      return await db.getAll('songs');
    } catch (e) {
      throw fail(e, 'the song library could not be read');
    }
  }

  async put(record: SongRecord, audio: AudioRecord | null): Promise<void> {
    const db = await this.open();
    const tx = db.transaction(['songs', 'audio'], 'readwrite');
    // Every request's failure is seen here (none is left unhandled); the first one is reported.
    const settled = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: unknown) => e ?? new Error('aborted'),
      );
    try {
      const writes = [settled(tx.objectStore('songs').put(record))];
      if (audio) writes.push(settled(tx.objectStore('audio').put(audio)));
      const failed = (await Promise.all(writes)).find((e) => e !== null);
      if (failed) throw failed;
      const done = await settled(tx.done);
      if (done) throw done;
    } catch (e) {
      // Nothing of this song stays: what was written in this transaction is undone.
      try {
        tx.abort();
      } catch {
        // already aborted by the failure itself
      }
      await settled(tx.done);
      throw fail(e, `"${record.song.title}" was not saved`);
    }
  }

  async audio(key: string): Promise<AudioRecord | null> {
    const db = await this.open();
    try {
      return (await db.get('audio', key)) ?? null;
    } catch (e) {
      throw fail(e, 'the music could not be read');
    }
  }

  async delete(id: string): Promise<void> {
    const db = await this.open();
    try {
      const tx = db.transaction(['songs', 'audio'], 'readwrite');
      const songs = tx.objectStore('songs');
      const record = await songs.get(id);
      await songs.delete(id);
      const key = record?.audioKey;
      if (key) {
        const others = (await songs.getAll()).some((r) => r.audioKey === key);
        if (!others) await tx.objectStore('audio').delete(key);
      }
      await tx.done;
    } catch (e) {
      throw fail(e, 'the song could not be deleted');
    }
  }

  async setOffset(id: string, offsetMs: number): Promise<void> {
    const db = await this.open();
    try {
      const tx = db.transaction('songs', 'readwrite');
      const record = await tx.store.get(id);
      if (record) await tx.store.put({ ...record, song: { ...record.song, offsetMs } });
      await tx.done;
    } catch (e) {
      throw fail(e, 'the offset was not saved');
    }
  }
}

/** The library in memory: for Node tests, and the fallback when IndexedDB cannot be used. */
export class MemorySongDatabase implements SongDatabase {
  readonly songs = new Map<string, SongRecord>();
  readonly audios = new Map<string, AudioRecord>();
  /** Set to make the next put fail as a full quota would. */
  full = false;

  async all(): Promise<SongRecord[]> {
    return [...this.songs.values()];
  }
  async put(record: SongRecord, audio: AudioRecord | null): Promise<void> {
    if (this.full) throw new LibraryStorageError('quota', `storage is full: "${record.song.title}" was not saved`);
    this.songs.set(record.id, record);
    if (audio) this.audios.set(audio.key, audio);
  }
  async audio(key: string): Promise<AudioRecord | null> {
    return this.audios.get(key) ?? null;
  }
  async delete(id: string): Promise<void> {
    const key = this.songs.get(id)?.audioKey;
    this.songs.delete(id);
    if (key && ![...this.songs.values()].some((r) => r.audioKey === key)) this.audios.delete(key);
  }
  async setOffset(id: string, offsetMs: number): Promise<void> {
    const r = this.songs.get(id);
    if (r) this.songs.set(id, { ...r, song: { ...r.song, offsetMs } });
  }
}
