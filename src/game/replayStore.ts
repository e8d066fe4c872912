import { openDB } from 'idb';
import { encodeReplay, parseReplay, type ReplayDoc, type ReplayProblem } from '../core/replay';
import type { Difficulty, Mode, PlayerId } from '../core/units';

/*
 * Every finished run kept as a replay, in IndexedDB: the last LAST_KEPT runs, and per song,
 * mode and pair of difficulties the best run. Each record holds the replay file's text (the
 * same text a player exports) and a few fields to list it by; the text is validated again
 * whenever it is read, like the saves are. Nothing here throws: without IndexedDB (a privacy
 * mode, an old browser) replays are kept in memory for the session, and the caller is told.
 */

/** How many of the latest runs are kept. */
export const LAST_KEPT = 20;
export const REPLAY_DB = 'drum-diplomacy-replays';
const STORE = 'replays';

/** One stored replay. */
export interface ReplayRecord {
  /** `last:<recordedAt>:<n>` or `best:<songId>.<mode>.<d0>-<d1>`. */
  readonly key: string;
  readonly kind: 'last' | 'best';
  readonly songId: string;
  readonly title: string;
  readonly mode: Mode;
  readonly difficulties: readonly [Difficulty, Difficulty];
  readonly scores: readonly [number, number];
  readonly harmony: number | null;
  readonly recordedAt: string;
  /** The replay file's text. */
  readonly text: string;
}

/** A stored replay as listed: its record and the file, read and checked. */
export interface StoredReplay {
  readonly record: ReplayRecord;
  readonly doc: ReplayDoc;
}

/** Where records live: IndexedDB, or a Map for the session. */
export interface ReplayBackend {
  put(record: ReplayRecord): Promise<void>;
  get(key: string): Promise<ReplayRecord | undefined>;
  delete(key: string): Promise<void>;
  all(): Promise<ReplayRecord[]>;
}

/** Records in memory: the fallback without IndexedDB, and for tests. */
export class MemoryReplayBackend implements ReplayBackend {
  private readonly map = new Map<string, ReplayRecord>();
  async put(r: ReplayRecord): Promise<void> {
    this.map.set(r.key, r);
  }
  async get(key: string): Promise<ReplayRecord | undefined> {
    return this.map.get(key);
  }
  async delete(key: string): Promise<void> {
    this.map.delete(key);
  }
  async all(): Promise<ReplayRecord[]> {
    return [...this.map.values()];
  }
}

/** The IndexedDB backend, or null when IndexedDB cannot be opened. */
export async function openIndexedDbBackend(): Promise<ReplayBackend | null> {
  try {
    if (typeof indexedDB === 'undefined') return null;
    const db = await openDB(REPLAY_DB, 1, {
      upgrade(d) {
        if (!d.objectStoreNames.contains(STORE)) d.createObjectStore(STORE, { keyPath: 'key' });
      },
    });
    return {
      put: async (r) => {
        await db.put(STORE, r);
      },
      get: (key) => db.get(STORE, key) as Promise<ReplayRecord | undefined>,
      delete: (key) => db.delete(STORE, key),
      all: () => db.getAll(STORE) as Promise<ReplayRecord[]>,
    };
  } catch {
    return null;
  }
}

/** The key of the best run of a song, mode and difficulties. */
export function bestReplayKey(songId: string, mode: Mode, difficulties: readonly [Difficulty, Difficulty]): string {
  return `best:${songId}.${mode}.${difficulties[0]}-${difficulties[1]}`;
}

/**
 * How good a run is for keeping it as the best: the sum of the people's scores (a duet's two,
 * a Solo player's one), then Harmony.
 */
export function bestRank(doc: ReplayDoc, humans: readonly PlayerId[]): [number, number] {
  let sum = 0;
  for (const p of humans) sum += doc.results.scores[p];
  return [sum, doc.results.harmony ?? 0];
}

export type ReplayStoreProblem =
  | { readonly kind: 'unavailable' }
  | { readonly kind: 'failed'; readonly detail: string }
  | { readonly kind: 'unreadable'; readonly key: string; readonly problem: ReplayProblem };

export class ReplayStore {
  private counter = 0;
  private failedOnce = false;
  private backend: Promise<ReplayBackend>;

  /**
   * @param backend where records live, or the promise of it (memory when null: the store says
   *   so once through `tell`).
   * @param tell where problems go (the page's notices).
   */
  constructor(
    backend: ReplayBackend | null | Promise<ReplayBackend | null>,
    private readonly tell: (p: ReplayStoreProblem) => void,
  ) {
    this.backend = Promise.resolve(backend).then((b) => {
      if (b) return b;
      tell({ kind: 'unavailable' });
      return new MemoryReplayBackend();
    });
  }

  /**
   * Keeps a finished run: as one of the last runs, and as the best of its song, mode and
   * difficulties when it beats the one kept (people's scores, then Harmony).
   * @param humans the slots played by people (their scores rank the run).
   * @returns whether it became the best.
   */
  async keep(doc: ReplayDoc, humans: readonly PlayerId[]): Promise<{ best: boolean }> {
    const text = encodeReplay(doc);
    const base = recordOf(doc, text);
    try {
      const backend = await this.backend;
      await backend.put({
        ...base,
        key: `last:${doc.recordedAt}:${String(this.counter++).padStart(4, '0')}`,
        kind: 'last',
      });
      const lasts = (await backend.all()).filter((r) => r.kind === 'last').sort((a, b) => b.key.localeCompare(a.key));
      for (const old of lasts.slice(LAST_KEPT)) await backend.delete(old.key);
      if (humans.length === 0) return { best: false };
      const key = bestReplayKey(doc.song.id, doc.mode, doc.difficulties);
      const kept = await this.read(key);
      if (kept && !better(bestRank(doc, humans), bestRank(kept.doc, humans))) return { best: false };
      await backend.put({ ...base, key, kind: 'best' });
      return { best: true };
    } catch (e) {
      this.failed(e);
      return { best: false };
    }
  }

  /** Every stored replay that reads and checks, newest first (bests and last runs). */
  async list(): Promise<StoredReplay[]> {
    let records: ReplayRecord[];
    try {
      records = await (await this.backend).all();
    } catch (e) {
      this.failed(e);
      return [];
    }
    const out: StoredReplay[] = [];
    for (const record of records) {
      const doc = this.check(record);
      if (doc) out.push({ record, doc });
    }
    return out.sort(
      (a, b) => b.record.recordedAt.localeCompare(a.record.recordedAt) || a.record.key.localeCompare(b.record.key),
    );
  }

  /** The best kept run of a song, mode and difficulties, or null. */
  async best(songId: string, mode: Mode, difficulties: readonly [Difficulty, Difficulty]): Promise<ReplayDoc | null> {
    return (await this.read(bestReplayKey(songId, mode, difficulties)))?.doc ?? null;
  }

  async remove(key: string): Promise<void> {
    try {
      await (await this.backend).delete(key);
    } catch (e) {
      this.failed(e);
    }
  }

  private async read(key: string): Promise<StoredReplay | null> {
    try {
      const record = await (await this.backend).get(key);
      const doc = record ? this.check(record) : null;
      return record && doc ? { record, doc } : null;
    } catch (e) {
      this.failed(e);
      return null;
    }
  }

  /** A record's file, read and checked again; a bad one is reported and skipped (never deleted). */
  private check(record: ReplayRecord): ReplayDoc | null {
    const parsed = parseReplay(typeof record?.text === 'string' ? record.text : '');
    if (parsed.ok) return parsed.value;
    this.tell({ kind: 'unreadable', key: String(record?.key), problem: parsed.problem });
    return null;
  }

  /** The backend failed: the rest of the session keeps replays in memory. */
  private failed(e: unknown): void {
    this.backend = Promise.resolve(new MemoryReplayBackend());
    if (this.failedOnce) return;
    this.failedOnce = true;
    this.tell({ kind: 'failed', detail: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  }
}

function recordOf(doc: ReplayDoc, text: string): Omit<ReplayRecord, 'key' | 'kind'> {
  return {
    songId: doc.song.id,
    title: doc.song.title,
    mode: doc.mode,
    difficulties: doc.difficulties,
    scores: doc.results.scores,
    harmony: doc.results.harmony,
    recordedAt: doc.recordedAt,
    text,
  };
}

function better(a: [number, number], b: [number, number]): boolean {
  return a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);
}
