import * as v from 'valibot';
import { bestSlots, lineupFor } from '../core/lineup';
import type { Results } from '../core/match';
import type { Grade } from '../core/score';
import {
  DIFFICULTIES,
  type Difficulty,
  LANES,
  type Lane,
  MODES,
  type Mode,
  OFFSET_LIMIT_MS,
  type PlayerId,
} from '../core/units';
import { LANGUAGES, type Settings, SettingsSchema } from './settings';

/*
 * Persistence of settings and best scores in localStorage.
 *
 * - Settings are one JSON document, `{ version: 3, settings }`, under SETTINGS_KEY. Older
 *   documents are migrated; a corrupt one is moved aside to SETTINGS_CORRUPT_KEY (never lost)
 *   and defaults are used; a document with some bad fields keeps its good ones, which are
 *   written back (the whole old text kept aside); a document from a newer game is left alone.
 * - Each best score is its own key, so one corrupt entry never costs the others, and nothing
 *   here ever clears storage.
 * - Nothing throws: storage that is missing or throws (privacy modes, full quota) gives a
 *   Notice, and the store falls back to memory for the rest of the session.
 */

/** The subset of the Web Storage API the store uses (so tests can pass a fake). */
export interface StorageLike {
  getItem(k: string): string | null;
  setItem(k: string, v: string): void;
  removeItem(k: string): void;
  key(i: number): string | null;
  readonly length: number;
}

/** Something the player may want to be told about storage. */
export type Notice = {
  kind: 'corrupt-settings' | 'corrupt-best' | 'storage-unavailable' | 'quota' | 'migrated';
  detail: string;
};

export const SETTINGS_KEY = 'drumDiplomacy.settings';
/** Where a settings document that could not be read is kept, raw. */
export const SETTINGS_CORRUPT_KEY = 'drumDiplomacy.settings.corrupt';
/** Where a settings document from a newer game is kept, raw, before this game overwrites it. */
export const SETTINGS_FUTURE_KEY = 'drumDiplomacy.settings.future';
/** Where a migrated version-1 document is kept, raw. */
export const SETTINGS_V1_BACKUP_KEY = 'drumDiplomacy.settings.v1';
export const BEST_PREFIX = 'drumDiplomacy.best.';
/** Prefix of the keys where a corrupt best entry is kept, raw, before a new best replaces it. */
export const BEST_CORRUPT_PREFIX = 'drumDiplomacy.corrupt.best.';
export const SETTINGS_VERSION = 3;
export const BEST_VERSION = 1;

/* ---------- schemas ---------- */

const SettingsDocSchema = v.object({ version: v.literal(SETTINGS_VERSION), settings: v.unknown() });
const SettingsV2DocSchema = v.object({ version: v.literal(2), settings: v.unknown() });

const keyCode = v.pipe(v.string(), v.nonEmpty());
const fourKeys = v.tuple([keyCode, keyCode, keyCode, keyCode]);

/**
 * The version-1 settings document older builds wrote: one master volume, one input offset
 * shared by both players, keys as arrays in hihat, snare, tom, kick order.
 */
export const SettingsV1Schema = v.object({
  version: v.literal(1),
  volume: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  offsetMs: v.pipe(v.number(), v.finite()),
  keys: v.object({ p1: fourKeys, p2: fourKeys }),
  language: v.optional(v.picklist(LANGUAGES)),
});
export type SettingsV1 = v.InferOutput<typeof SettingsV1Schema>;

const GRADES = ['SS', 'S', 'A', 'B', 'C', 'D'] as const satisfies readonly Grade[];
const unit = v.pipe(v.number(), v.minValue(0), v.maxValue(1));

const PlayerBestSchema = v.object({
  score: v.pipe(v.number(), v.minValue(0), v.maxValue(1_000_000)),
  accuracy: unit,
  grade: v.picklist(GRADES),
  maxCombo: v.pipe(v.number(), v.integer(), v.minValue(0)),
  date: v.pipe(v.string(), v.isoTimestamp()),
});

const BestDocSchema = v.object({
  version: v.literal(BEST_VERSION),
  players: v.tuple([v.nullable(PlayerBestSchema), v.nullable(PlayerBestSchema)]),
  harmony: v.nullable(unit),
  /** When the best harmony was set. */
  harmonyDate: v.nullable(v.pipe(v.string(), v.isoTimestamp())),
});

/** One player's best on one (song, mode, difficulties). */
export type PlayerBest = v.InferOutput<typeof PlayerBestSchema>;

/**
 * The bests of one song, mode and pair of difficulties: each player slot's best run (null for a
 * slot no human has played, e.g. the CPU's in Solo) and the best duet Harmony (null outside
 * Duet). Each slot is the run with that slot's highest score; ties keep the older run.
 */
export interface BestEntry {
  readonly songId: string;
  readonly mode: Mode;
  readonly difficulties: readonly [Difficulty, Difficulty];
  readonly players: readonly [PlayerBest | null, PlayerBest | null];
  readonly harmony: number | null;
  readonly harmonyDate: string | null;
}

/** The key of a best entry: `drumDiplomacy.best.<songId>.<mode>.<p0difficulty>-<p1difficulty>`. */
export function bestKey(songId: string, mode: Mode, difficulties: readonly [Difficulty, Difficulty]): string {
  return `${BEST_PREFIX}${songId}.${mode}.${difficulties[0]}-${difficulties[1]}`;
}

const BEST_KEY_RE = new RegExp(
  `^${BEST_PREFIX.replaceAll('.', '\\.')}([a-z0-9-]+)\\.(${MODES.join('|')})\\.(${DIFFICULTIES.join('|')})-(${DIFFICULTIES.join('|')})$`,
);

/** Song, mode and difficulties of a best-entry key; null for any other key. */
export function parseBestKey(key: string): BestWhere | null {
  const m = BEST_KEY_RE.exec(key);
  if (!m) return null;
  return { songId: m[1] as string, mode: m[2] as Mode, difficulties: [m[3] as Difficulty, m[4] as Difficulty] };
}

/* ---------- migration ---------- */

/**
 * Turns a version-1 document into current settings: master volume, the shared offset as both
 * players' input offset (clamped to the ±400 ms the settings allow), keyboard bindings from the
 * key arrays, the language if it had one; everything else from `defaults`.
 */
export function migrateV1(doc: SettingsV1, defaults: Settings): Settings {
  const keysOf = (codes: readonly string[]) =>
    Object.fromEntries(LANES.map((lane, i) => [lane, codes[i] as string])) as Record<Lane, string>;
  const offset = Math.min(OFFSET_LIMIT_MS, Math.max(-OFFSET_LIMIT_MS, doc.offsetMs));
  return {
    ...defaults,
    volumes: { ...defaults.volumes, master: doc.volume },
    players: [{ inputOffsetMs: offset }, { inputOffsetMs: offset }],
    bindings: { keyboard: [keysOf(doc.keys.p1), keysOf(doc.keys.p2)] },
    language: doc.language ?? defaults.language,
  };
}

/**
 * Turns version-2 settings into version 3: bindings became device-qualified (the two players'
 * keys now sit under `bindings.keyboard`). Anything else is left for validation.
 */
export function migrateV2Settings(settings: unknown): unknown {
  if (typeof settings !== 'object' || settings === null) return settings;
  const s = settings as Record<string, unknown>;
  return Array.isArray(s.bindings) ? { ...s, bindings: { keyboard: s.bindings } } : s;
}

/* ---------- storage helpers ---------- */

/** A StorageLike in memory: the fallback when the browser's storage cannot be used, and for tests. */
export class MemoryStorage implements StorageLike {
  private readonly map = new Map<string, string>();
  get length(): number {
    return this.map.size;
  }
  getItem(k: string): string | null {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, value: string): void {
    this.map.set(k, String(value));
  }
  removeItem(k: string): void {
    this.map.delete(k);
  }
  key(i: number): string | null {
    return [...this.map.keys()][i] ?? null;
  }
}

/** True for the error browsers throw when storage is full (names differ by engine). */
export function isQuotaError(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { name, code } = e as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

function describe(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

function issuesText(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((i) => {
      const path = i.path?.map((p) => String(p.key)).join('.');
      return path ? `${path}: ${i.message}` : i.message;
    })
    .join('; ');
}

/* ---------- the store ---------- */

/** Settings and best scores, saved in Web Storage. No method throws. */
export class SaveStore {
  private storage: StorageLike;
  private persistent: boolean;
  private notices: Notice[] = [];
  private unavailableNoticed = false;

  /**
   * @param storage the storage to use; null when there is none (the store then keeps
   *   everything in memory for this session and says so once).
   * @param defaults fresh default settings (called each time defaults are needed).
   * @param now the clock that dates new bests.
   */
  constructor(
    storage: StorageLike | null,
    private readonly defaults: () => Settings,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.storage = storage ?? new MemoryStorage();
    this.persistent = storage !== null;
    if (!storage) this.unavailable('no storage: settings and bests last until the page closes');
  }

  /** A store on `window.localStorage`, or in memory when reading it throws or there is none. */
  static fromWindow(defaults: () => Settings): SaveStore {
    let storage: StorageLike | null = null;
    try {
      storage = globalThis.window?.localStorage ?? null;
    } catch {
      // Some privacy modes throw a SecurityError on the mere access.
      storage = null;
    }
    return new SaveStore(storage, defaults);
  }

  /**
   * The saved settings: migrated from an older version if need be, defaults when there are
   * none or they cannot be read. A corrupt document is kept under SETTINGS_CORRUPT_KEY; a
   * document from a newer game is not touched. The notices include any still pending (such
   * as storage being unavailable). Never throws.
   */
  loadSettings(): { settings: Settings; notices: Notice[] } {
    const settings = this.loadSettingsInner();
    return { settings, notices: this.drainNotices() };
  }

  /**
   * Saves settings as a version-2 document. Returns a Notice when they could not be saved
   * to storage (full quota, storage unavailable) or are invalid (then nothing is written);
   * null on success. Never throws.
   */
  saveSettings(s: Settings): Notice | null {
    const mark = this.notices.length;
    this.saveSettingsInner(s);
    return this.notices.splice(mark)[0] ?? null;
  }

  /**
   * The bests of a song, mode and difficulties; null when there are none, or when the entry
   * is corrupt (a 'corrupt-best' notice is then queued for drainNotices). Never throws.
   */
  best(songId: string, mode: Mode, difficulties: readonly [Difficulty, Difficulty]): BestEntry | null {
    return this.readBest({ songId, mode, difficulties: [difficulties[0], difficulties[1]] }).entry;
  }

  /**
   * Records a finished run: each human slot whose score beats its saved best (or has none)
   * gets this run; the duet Harmony is kept if higher. A corrupt entry is replaced (its text
   * kept under BEST_CORRUPT_PREFIX). Notices are queued for drainNotices. Never throws.
   *
   * @param results the run's results.
   * @param difficulties the difficulties played, player 0 then player 1.
   * @param humans slots played by people: by default those of the mode's lineup (a CPU's scores
   *   are not bests). Slots whose chart had no notes are never recorded.
   * @returns per player slot whether it set a new best, and the entry as it was before (null
   *   if none or corrupt).
   */
  recordResults(
    results: Results,
    difficulties: readonly [Difficulty, Difficulty],
    humans: readonly PlayerId[] = bestSlots(lineupFor(results.mode)),
  ): { improved: boolean[]; previous: BestEntry | null } {
    const where = { songId: results.songId, mode: results.mode, difficulties: [difficulties[0], difficulties[1]] };
    const key = bestKey(where.songId, where.mode, difficulties);
    const { entry: previous, raw } = this.readBest(where as BestWhere);
    const date = this.now().toISOString();
    const improved = [false, false];
    const players: [PlayerBest | null, PlayerBest | null] = [
      previous?.players[0] ?? null,
      previous?.players[1] ?? null,
    ];
    for (const p of [0, 1] as const) {
      const r = results.players[p];
      if (!r || !humans.includes(p) || r.hits.length === 0) continue;
      const old = players[p];
      if (old && r.score <= old.score) continue;
      players[p] = { score: r.score, accuracy: r.accuracy, grade: r.grade, maxCombo: r.maxCombo, date };
      improved[p] = true;
    }
    let harmony = previous?.harmony ?? null;
    let harmonyDate = previous?.harmonyDate ?? null;
    const harmonyImproved = results.harmony !== null && (harmony === null || results.harmony > harmony);
    if (harmonyImproved) {
      harmony = results.harmony;
      harmonyDate = date;
    }
    if (improved.some(Boolean) || harmonyImproved) {
      // Replacing a corrupt entry: keep its text first.
      if (previous === null && raw !== null) this.write(BEST_CORRUPT_PREFIX + key.slice(BEST_PREFIX.length), raw);
      this.write(key, JSON.stringify({ version: BEST_VERSION, players, harmony, harmonyDate }));
    }
    return { improved, previous };
  }

  /**
   * Every readable best entry of a song (all modes and difficulties), sorted by key, for song
   * select. Corrupt entries are skipped with a queued notice. Never throws.
   */
  bestsFor(songId: string): BestEntry[] {
    const found: BestWhere[] = [];
    try {
      for (let i = 0; i < this.storage.length; i++) {
        const where = parseBestKey(this.storage.key(i) ?? '');
        if (where?.songId === songId) found.push(where);
      }
    } catch (e) {
      this.failed(e);
      return [];
    }
    found.sort((a, b) =>
      bestKey(a.songId, a.mode, a.difficulties).localeCompare(bestKey(b.songId, b.mode, b.difficulties)),
    );
    return found.flatMap((where) => {
      const { entry } = this.readBest(where);
      return entry ? [entry] : [];
    });
  }

  /**
   * Deletes every best entry of a song (all modes and difficulties, corrupt ones too), as when
   * the player deletes an imported song. Returns how many were removed. Never throws.
   */
  removeBests(songId: string): number {
    const keys: string[] = [];
    try {
      for (let i = 0; i < this.storage.length; i++) {
        const key = this.storage.key(i) ?? '';
        const where = parseBestKey(
          key.startsWith(BEST_CORRUPT_PREFIX) ? BEST_PREFIX + key.slice(BEST_CORRUPT_PREFIX.length) : key,
        );
        if (where?.songId === songId) keys.push(key);
      }
    } catch (e) {
      this.failed(e);
      return 0;
    }
    for (const key of keys) this.remove(key);
    return keys.length;
  }

  /** Notices gathered and not yet returned, oldest first; the queue is emptied. */
  drainNotices(): Notice[] {
    return this.notices.splice(0);
  }

  /* ---------- internals: each pushes its notices to the queue ---------- */

  private loadSettingsInner(): Settings {
    const raw = this.read(SETTINGS_KEY);
    if (raw === null) return this.defaults();
    let doc: unknown;
    try {
      doc = JSON.parse(raw);
    } catch (e) {
      return this.corruptSettings(raw, `not JSON (${describe(e)})`, this.defaults());
    }
    const version =
      typeof doc === 'object' && doc !== null && !Array.isArray(doc)
        ? (doc as { version?: unknown }).version
        : undefined;

    if (isFutureVersion(version)) {
      this.notices.push({
        kind: 'corrupt-settings',
        detail: `settings version ${version} come from a newer game; using defaults and leaving them saved`,
      });
      return this.defaults();
    }

    if (version === 1) {
      const v1 = v.safeParse(SettingsV1Schema, doc);
      if (!v1.success)
        return this.corruptSettings(raw, `version 1 settings: ${issuesText(v1.issues)}`, this.defaults());
      const settings = migrateV1(v1.output, this.defaults());
      this.notices.push({
        kind: 'migrated',
        detail: `settings upgraded from version 1 to version ${SETTINGS_VERSION}`,
      });
      // The old text is kept before the new document replaces it.
      if (this.write(SETTINGS_V1_BACKUP_KEY, raw)) this.saveSettingsInner(settings);
      return settings;
    }

    let body: unknown;
    const v2 = v.safeParse(SettingsV2DocSchema, doc);
    if (v2.success) {
      body = migrateV2Settings(v2.output.settings);
    } else {
      const parsedDoc = v.safeParse(SettingsDocSchema, doc);
      if (!parsedDoc.success) {
        return this.corruptSettings(raw, `not a settings document (${issuesText(parsedDoc.issues)})`, this.defaults());
      }
      body = parsedDoc.output.settings;
    }
    const parsed = v.safeParse(SettingsSchema, body);
    if (parsed.success) {
      // A version-2 document is written back as the current version (its meaning is unchanged).
      if (v2.success) this.saveSettingsInner(parsed.output);
      return parsed.output;
    }
    const { settings, reset, kept } = salvage(body, this.defaults());
    return this.corruptSettings(raw, `reset to defaults: ${reset.join(', ')}`, settings, kept > 0);
  }

  private saveSettingsInner(s: Settings): void {
    const parsed = v.safeParse(SettingsSchema, s);
    if (!parsed.success) {
      this.notices.push({
        kind: 'corrupt-settings',
        detail: `not saved, invalid settings: ${issuesText(parsed.issues)}`,
      });
      return;
    }
    const previous = this.read(SETTINGS_KEY);
    // A newer game's settings are kept before this older game writes its own.
    if (previous !== null && isFutureDocument(previous) && !this.write(SETTINGS_FUTURE_KEY, previous)) return;
    this.write(SETTINGS_KEY, JSON.stringify({ version: SETTINGS_VERSION, settings: parsed.output }));
  }

  private readBest(where: BestWhere): { entry: BestEntry | null; raw: string | null } {
    const key = bestKey(where.songId, where.mode, where.difficulties);
    const raw = this.read(key);
    if (raw === null) return { entry: null, raw };
    let doc: unknown;
    try {
      doc = JSON.parse(raw);
    } catch (e) {
      this.notices.push({ kind: 'corrupt-best', detail: `${key}: not JSON (${describe(e)})` });
      return { entry: null, raw };
    }
    const parsed = v.safeParse(BestDocSchema, doc);
    if (!parsed.success) {
      this.notices.push({ kind: 'corrupt-best', detail: `${key}: ${issuesText(parsed.issues)}` });
      return { entry: null, raw };
    }
    const { players, harmony, harmonyDate } = parsed.output;
    return { entry: { ...where, players, harmony, harmonyDate }, raw };
  }

  /**
   * Keeps an unreadable document aside and goes on with `settings`: when some of its fields
   * were good (`salvaged`), those are written back so the next visit has them too; otherwise
   * the main key is cleared.
   */
  private corruptSettings(raw: string, detail: string, settings: Settings, salvaged = false): Settings {
    this.notices.push({
      kind: 'corrupt-settings',
      detail: `${detail}; the old text is kept under ${SETTINGS_CORRUPT_KEY}`,
    });
    // Only once the text is safe elsewhere may the main key change; until then it stays as it was.
    if (this.write(SETTINGS_CORRUPT_KEY, raw)) {
      if (salvaged) this.saveSettingsInner(settings);
      else this.remove(SETTINGS_KEY);
    }
    return settings;
  }

  private read(key: string): string | null {
    try {
      return this.storage.getItem(key);
    } catch (e) {
      this.failed(e);
      return null;
    }
  }

  /** Writes a key; false (with a queued notice) when it could not be written to storage. */
  private write(key: string, value: string): boolean {
    try {
      this.storage.setItem(key, value);
      return true;
    } catch (e) {
      if (isQuotaError(e)) {
        this.notices.push({ kind: 'quota', detail: `storage is full; ${key} was not saved` });
        return false;
      }
      this.failed(e);
      // The memory fallback keeps it for this session.
      this.storage.setItem(key, value);
      return false;
    }
  }

  private remove(key: string): void {
    try {
      this.storage.removeItem(key);
    } catch (e) {
      this.failed(e);
    }
  }

  /** Storage threw something other than a full quota: go on in memory for this session. */
  private failed(e: unknown): void {
    if (this.persistent) this.storage = copyOurKeys(this.storage);
    this.persistent = false;
    this.unavailable(`storage failed (${describe(e)}): settings and bests last until the page closes`);
  }

  private unavailable(detail: string): void {
    if (this.unavailableNoticed) return;
    this.unavailableNoticed = true;
    this.notices.push({ kind: 'storage-unavailable', detail });
  }
}

type BestWhere = { songId: string; mode: Mode; difficulties: [Difficulty, Difficulty] };

function isFutureVersion(version: unknown): version is number {
  return typeof version === 'number' && Number.isInteger(version) && version > SETTINGS_VERSION;
}

/** A memory copy of every `drumDiplomacy.` key still readable from a failing storage. */
function copyOurKeys(from: StorageLike): MemoryStorage {
  const memory = new MemoryStorage();
  try {
    for (let i = 0; i < from.length; i++) {
      const key = from.key(i);
      const value = key?.startsWith('drumDiplomacy.') ? from.getItem(key) : null;
      if (key && value !== null) memory.setItem(key, value);
    }
  } catch {
    // Whatever could be read is kept; the rest was unreadable anyway.
  }
  return memory;
}

/** True when raw text is a settings document of a version newer than this game's. */
function isFutureDocument(raw: string): boolean {
  try {
    return isFutureVersion((JSON.parse(raw) as { version?: unknown } | null)?.version);
  } catch {
    return false;
  }
}

/** Defaults, with every top-level field of `input` that is valid on its own kept (`kept` of them). */
function salvage(input: unknown, defaults: Settings): { settings: Settings; reset: string[]; kept: number } {
  const source = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const settings: Record<string, unknown> = { ...defaults };
  const reset: string[] = [];
  let kept = 0;
  for (const [field, schema] of Object.entries(SettingsSchema.entries)) {
    const parsed = v.safeParse(schema, source[field]);
    if (parsed.success) {
      settings[field] = parsed.output;
      if (Object.hasOwn(source, field)) kept++;
    } else reset.push(field);
  }
  return { settings: settings as Settings, reset, kept };
}
