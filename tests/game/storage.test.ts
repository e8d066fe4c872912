import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { DIFFICULTIES, type Difficulty, LANES, type Mode } from '../../src/core';
import type { PlayerResult, Results } from '../../src/core/match';
import { defaultSettings, LANGUAGES, type Settings, SettingsSchema } from '../../src/game/settings';
import {
  BEST_CORRUPT_PREFIX,
  bestKey,
  isQuotaError,
  MemoryStorage,
  migrateV1,
  type Notice,
  parseBestKey,
  SaveStore,
  SETTINGS_CORRUPT_KEY,
  SETTINGS_FUTURE_KEY,
  SETTINGS_KEY,
  SETTINGS_V1_BACKUP_KEY,
  type StorageLike,
} from '../../src/game/storage';
import { BINDABLE_KEYS, RESERVED_KEYS } from '../../src/input/bindings';

/* ---------- fakes ---------- */

/** A storage whose every call throws, as localStorage does in some privacy modes. */
class ThrowingStorage implements StorageLike {
  get length(): number {
    throw new Error('SecurityError: storage is disabled');
  }
  getItem(): string | null {
    throw new Error('SecurityError: storage is disabled');
  }
  setItem(): void {
    throw new Error('SecurityError: storage is disabled');
  }
  removeItem(): void {
    throw new Error('SecurityError: storage is disabled');
  }
  key(): string | null {
    throw new Error('SecurityError: storage is disabled');
  }
}

/** A DOMException-like error, as browsers throw on a full quota. */
function quotaError(): Error {
  const e = new Error('The quota has been exceeded.');
  e.name = 'QuotaExceededError';
  return e;
}

/** A memory storage that is full: reads work, every write throws QuotaExceededError. */
class FullStorage extends MemoryStorage {
  full = true;
  override setItem(k: string, value: string): void {
    if (this.full) throw quotaError();
    super.setItem(k, value);
  }
}

/** Storage that reads but refuses every write with an error other than a full quota. */
class ReadOnlyStorage extends MemoryStorage {
  locked = true;
  override setItem(k: string, value: string): void {
    if (this.locked) throw new TypeError('read-only storage');
    super.setItem(k, value);
  }
  override removeItem(k: string): void {
    if (this.locked) throw new TypeError('read-only storage');
    super.removeItem(k);
  }
}

const defaults = () => defaultSettings('en');
const FIXED_DATE = new Date('2025-10-30T12:00:00.000Z');

function store(storage: StorageLike | null = new MemoryStorage(), now = () => FIXED_DATE): SaveStore {
  return new SaveStore(storage, defaults, now);
}

/** True while a store writes to real storage (false once it fell back to memory). */
function persistent(s: SaveStore): boolean {
  return (s as unknown as { persistent: boolean }).persistent;
}

function kinds(notices: readonly Notice[]): Notice['kind'][] {
  return notices.map((n) => n.kind);
}

function custom(): Settings {
  const s = defaults();
  return {
    ...s,
    volumes: { master: 0.5, music: 0.25, drums: 0.75 },
    players: [{ inputOffsetMs: 37 }, { inputOffsetMs: -12 }],
    visualOffsetMs: 20,
    language: 'ja',
    highContrast: true,
  };
}

/* ---------- results fixtures ---------- */

function playerResult(score: number, accuracy = score / 1e6, notes = 10): PlayerResult {
  return {
    counts: { perfect: notes, great: 0, good: 0, miss: 0 },
    accuracy,
    score,
    grade: accuracy >= 1 ? 'SS' : accuracy >= 0.9 ? 'A' : 'D',
    maxCombo: notes,
    meanOffsetMs: 0,
    unstableRate: 0,
    suggestedOffsetMs: null,
    hits: Array.from({ length: notes }, (_, i) => ({ noteId: `n${i}`, offsetMs: 0, judgement: 'perfect' as const })),
    histogram: { fromMs: -75, binMs: 5, counts: [] },
    difficulty: 'normal',
  };
}

function results(scores: [number, number], mode: Mode = 'duet', harmony: number | null = null): Results {
  return {
    songId: 'nara-nights',
    mode,
    players: [playerResult(scores[0]), playerResult(scores[1])],
    harmony,
    syncMs: harmony === null ? null : 5,
    battle: null,
  };
}

const NN: [Difficulty, Difficulty] = ['normal', 'normal'];

/* ---------- settings ---------- */

describe('settings', () => {
  it('gives defaults, without notices, when nothing is saved', () => {
    const { settings, notices } = store().loadSettings();
    expect(settings).toEqual(defaults());
    expect(notices).toEqual([]);
  });

  it('saves and loads a version-3 document', () => {
    const storage = new MemoryStorage();
    expect(store(storage).saveSettings(custom())).toBeNull();
    expect(JSON.parse(storage.getItem(SETTINGS_KEY) ?? '')).toEqual({ version: 3, settings: custom() });
    expect(store(storage).loadSettings()).toEqual({ settings: custom(), notices: [] });
  });

  it('migrates a version-2 document: its keys move under bindings.keyboard, everything else kept, written back', () => {
    const storage = new MemoryStorage();
    const keys = [
      { hihat: 'KeyQ', snare: 'KeyW', tom: 'KeyE', kick: 'KeyR' },
      { hihat: 'KeyU', snare: 'KeyI', tom: 'KeyO', kick: 'KeyP' },
    ];
    storage.setItem(SETTINGS_KEY, JSON.stringify({ version: 2, settings: { ...custom(), bindings: keys } }));
    const expected = { ...custom(), bindings: { keyboard: keys } };
    expect(store(storage).loadSettings()).toEqual({ settings: expected, notices: [] });
    expect(JSON.parse(storage.getItem(SETTINGS_KEY) ?? '')).toEqual({ version: 3, settings: expected });
  });

  it('gives a version-3 document written before drum devices existed the default devices, without a notice', () => {
    const storage = new MemoryStorage();
    const { devices: _, ...older } = custom();
    storage.setItem(SETTINGS_KEY, JSON.stringify({ version: 3, settings: older }));
    expect(store(storage).loadSettings()).toEqual({ settings: custom(), notices: [] });
    expect(custom().devices).toEqual({ midi: false, profiles: [] });
  });

  it('saves and loads drum-device profiles (player, offset, pads, thresholds), remembered by name', () => {
    const storage = new MemoryStorage();
    const devices: Settings['devices'] = {
      midi: true,
      profiles: [
        {
          kind: 'midi',
          name: 'TD-17',
          player: 1,
          offsetMs: 12,
          lanes: { hihat: [22, 26, 42], snare: [38, 40], tom: [48, 58], kick: [36] },
          thresholds: { hihat: 1, snare: 20, tom: 35, kick: 1 },
        },
        { kind: 'gamepad', name: 'Rock Band Drums', player: null },
        { kind: 'midi', name: 'TD-17 #2' },
      ],
    };
    expect(store(storage).saveSettings({ ...custom(), devices })).toBeNull();
    expect(store(storage).loadSettings()).toEqual({ settings: { ...custom(), devices }, notices: [] });
  });

  it.each([
    ['a note above 127', { kind: 'midi', name: 'X', lanes: { hihat: [128], snare: [], tom: [], kick: [] } }],
    ['a threshold of 0', { kind: 'midi', name: 'X', thresholds: { hihat: 0, snare: 1, tom: 1, kick: 1 } }],
    ['a third player', { kind: 'gamepad', name: 'X', player: 2 }],
    ['no name', { kind: 'midi', name: '' }],
    ['an unknown kind', { kind: 'bluetooth', name: 'X' }],
  ])('resets bad device profiles (%s) to the defaults and keeps every other setting', (_, profile) => {
    const storage = new MemoryStorage();
    const bad = { ...custom(), devices: { midi: true, profiles: [profile] } };
    storage.setItem(SETTINGS_KEY, JSON.stringify({ version: 3, settings: bad }));
    const { settings, notices } = store(storage).loadSettings();
    expect(settings).toEqual(custom());
    expect(kinds(notices)).toEqual(['corrupt-settings']);
    expect(notices[0]?.detail).toContain('devices');
  });

  it('refuses bindings that cannot be played: an unknown key, a 1 MB key name, markup, a reserved menu key, one key twice', () => {
    const keyboard = defaults().bindings.keyboard;
    const withKey = (code: string) => ({ keyboard: [{ ...keyboard[0], snare: code }, keyboard[1]] });
    for (const bindings of [
      withKey('KeyÅ'),
      withKey('x'.repeat(1_000_000)),
      withKey('<img src=x onerror=alert(1)>'),
      withKey('Escape'),
      withKey('KeyJ'),
      { keyboard: [{ hihat: 'Escape', snare: 'Escape', tom: 'Escape', kick: 'Escape' }, keyboard[1]] },
    ]) {
      expect(v.is(SettingsSchema, { ...custom(), bindings })).toBe(false);
    }
    expect(v.is(SettingsSchema, { ...custom(), bindings: withKey('Numpad5') })).toBe(true);
  });

  it('keeps corrupt JSON under the corrupt key and uses defaults', () => {
    const storage = new MemoryStorage();
    storage.setItem(SETTINGS_KEY, '{"version":2,"settings":{');
    const { settings, notices } = store(storage).loadSettings();
    expect(settings).toEqual(defaults());
    expect(kinds(notices)).toEqual(['corrupt-settings']);
    expect(notices[0]?.detail).toContain('not JSON');
    expect(storage.getItem(SETTINGS_CORRUPT_KEY)).toBe('{"version":2,"settings":{');
    // Moved aside: the next load is clean.
    expect(storage.getItem(SETTINGS_KEY)).toBeNull();
    expect(store(storage).loadSettings().notices).toEqual([]);
  });

  it.each([
    ['an array', '[1,2,3]'],
    ['a number', '42'],
    ['null', 'null'],
    ['no version', '{"settings":{}}'],
    ['a string version', '{"version":"2","settings":{}}'],
    ['version 0', '{"version":0}'],
    ['a fractional version', '{"version":2.5}'],
  ])('treats valid JSON of the wrong shape (%s) as corrupt', (_, raw) => {
    const storage = new MemoryStorage();
    storage.setItem(SETTINGS_KEY, raw);
    const { settings, notices } = store(storage).loadSettings();
    expect(settings).toEqual(defaults());
    expect(kinds(notices)).toEqual(['corrupt-settings']);
    expect(storage.getItem(SETTINGS_CORRUPT_KEY)).toBe(raw);
  });

  it('keeps the valid fields of a version-2 document with some bad ones', () => {
    const storage = new MemoryStorage();
    const doc = { version: 2, settings: { ...custom(), noteSpeed: 99, language: 'fr', bindings: 'nope' } };
    storage.setItem(SETTINGS_KEY, JSON.stringify(doc));
    const { settings, notices } = store(storage).loadSettings();
    expect(settings).toEqual({
      ...custom(),
      noteSpeed: defaults().noteSpeed,
      language: 'en',
      bindings: defaults().bindings,
    });
    expect(kinds(notices)).toEqual(['corrupt-settings']);
    expect(notices[0]?.detail).toMatch(/bindings, noteSpeed, language|bindings.*noteSpeed.*language/);
    expect(storage.getItem(SETTINGS_CORRUPT_KEY)).toBe(JSON.stringify(doc));
    // The good fields are written back: the next visit still has them, without a notice.
    expect(store(storage).loadSettings()).toEqual({ settings, notices: [] });
  });

  it('treats a version-2 document whose settings are not an object as corrupt', () => {
    const storage = new MemoryStorage();
    storage.setItem(SETTINGS_KEY, '{"version":2,"settings":"loud"}');
    expect(store(storage).loadSettings().settings).toEqual(defaults());
  });

  describe('version 1', () => {
    const v1 = {
      version: 1,
      volume: 0.4,
      offsetMs: 28,
      keys: { p1: ['KeyQ', 'KeyW', 'KeyE', 'KeyR'], p2: ['KeyU', 'KeyI', 'KeyO', 'KeyP'] },
      language: 'ko',
    };

    it('is migrated: master volume, both offsets, bindings, language; the rest defaults', () => {
      const storage = new MemoryStorage();
      storage.setItem(SETTINGS_KEY, JSON.stringify(v1));
      const { settings, notices } = store(storage).loadSettings();
      const expected: Settings = {
        ...defaults(),
        volumes: { ...defaults().volumes, master: 0.4 },
        players: [{ inputOffsetMs: 28 }, { inputOffsetMs: 28 }],
        bindings: {
          keyboard: [
            { hihat: 'KeyQ', snare: 'KeyW', tom: 'KeyE', kick: 'KeyR' },
            { hihat: 'KeyU', snare: 'KeyI', tom: 'KeyO', kick: 'KeyP' },
          ],
        },
        language: 'ko',
      };
      expect(settings).toEqual(expected);
      expect(v.is(SettingsSchema, settings)).toBe(true);
      expect(kinds(notices)).toEqual(['migrated']);
      // Written back as the current version, the old text kept.
      expect(JSON.parse(storage.getItem(SETTINGS_KEY) ?? '')).toEqual({ version: 3, settings: expected });
      expect(storage.getItem(SETTINGS_V1_BACKUP_KEY)).toBe(JSON.stringify(v1));
      expect(store(storage).loadSettings()).toEqual({ settings: expected, notices: [] });
    });

    it('keeps the default language when it had none, and clamps a wild offset', () => {
      const { language: _, ...noLanguage } = v1;
      const migrated = migrateV1({ ...noLanguage, version: 1, offsetMs: 950 } as never, defaultSettings('ja'));
      expect(migrated.language).toBe('ja');
      expect(migrated.players).toEqual([{ inputOffsetMs: 400 }, { inputOffsetMs: 400 }]);
    });

    it('is corrupt when malformed (three keys)', () => {
      const storage = new MemoryStorage();
      const bad = JSON.stringify({ ...v1, keys: { p1: ['KeyQ', 'KeyW', 'KeyE'], p2: v1.keys.p2 } });
      storage.setItem(SETTINGS_KEY, bad);
      const { settings, notices } = store(storage).loadSettings();
      expect(settings).toEqual(defaults());
      expect(kinds(notices)).toEqual(['corrupt-settings']);
      expect(storage.getItem(SETTINGS_CORRUPT_KEY)).toBe(bad);
    });

    it('is not overwritten when its backup cannot be written (full quota)', () => {
      const storage = new FullStorage();
      storage.full = false;
      storage.setItem(SETTINGS_KEY, JSON.stringify(v1));
      storage.full = true;
      const { settings, notices } = store(storage).loadSettings();
      expect(settings.players[0].inputOffsetMs).toBe(28);
      expect(kinds(notices)).toEqual(['migrated', 'quota']);
      expect(storage.getItem(SETTINGS_KEY)).toBe(JSON.stringify(v1));
    });
  });

  describe('a document from a newer game', () => {
    const future = JSON.stringify({ version: 4, settings: { everything: 'different' } });

    it('gives defaults and a notice, and is not overwritten by loading', () => {
      const storage = new MemoryStorage();
      storage.setItem(SETTINGS_KEY, future);
      const { settings, notices } = store(storage).loadSettings();
      expect(settings).toEqual(defaults());
      expect(kinds(notices)).toEqual(['corrupt-settings']);
      expect(notices[0]?.detail).toContain('version 4');
      expect(storage.getItem(SETTINGS_KEY)).toBe(future);
      expect(storage.getItem(SETTINGS_CORRUPT_KEY)).toBeNull();
    });

    it('is kept under the future key when this game saves its own', () => {
      const storage = new MemoryStorage();
      storage.setItem(SETTINGS_KEY, future);
      const s = store(storage);
      s.loadSettings();
      expect(s.saveSettings(custom())).toBeNull();
      expect(storage.getItem(SETTINGS_FUTURE_KEY)).toBe(future);
      expect(s.loadSettings().settings).toEqual(custom());
    });

    it('stays in place when it cannot be kept (full quota)', () => {
      const storage = new FullStorage();
      storage.full = false;
      storage.setItem(SETTINGS_KEY, future);
      storage.full = true;
      expect(store(storage).saveSettings(custom())?.kind).toBe('quota');
      expect(storage.getItem(SETTINGS_KEY)).toBe(future);
    });
  });

  it('overwrites a corrupt document on save', () => {
    const storage = new MemoryStorage();
    storage.setItem(SETTINGS_KEY, 'garbage');
    expect(store(storage).saveSettings(custom())).toBeNull();
    expect(store(storage).loadSettings().settings).toEqual(custom());
  });

  it('refuses to save invalid settings', () => {
    const storage = new MemoryStorage();
    const notice = store(storage).saveSettings({ ...custom(), noteSpeed: 10 });
    expect(notice?.kind).toBe('corrupt-settings');
    expect(notice?.detail).toContain('noteSpeed');
    expect(storage.length).toBe(0);
  });

  it('reports a full quota on save, without throwing, and keeps the old document', () => {
    const storage = new FullStorage();
    storage.full = false;
    store(storage).saveSettings(custom());
    storage.full = true;
    const notice = store(storage).saveSettings(defaults());
    expect(notice?.kind).toBe('quota');
    expect(store(storage).loadSettings().settings).toEqual(custom());
  });

  it('keeps corrupt settings in place when the copy cannot be written (full quota)', () => {
    const storage = new FullStorage();
    storage.full = false;
    storage.setItem(SETTINGS_KEY, 'garbage');
    storage.full = true;
    const { settings, notices } = store(storage).loadSettings();
    expect(settings).toEqual(defaults());
    expect(kinds(notices)).toEqual(['corrupt-settings', 'quota']);
    expect(storage.getItem(SETTINGS_KEY)).toBe('garbage');
  });

  it('property: any Settings that passes SettingsSchema round-trips save → load unchanged', () => {
    const byLane = <T>(item: fc.Arbitrary<T>) => fc.record({ hihat: item, snare: item, tom: item, kick: item });
    const profileArb = fc.record(
      {
        kind: fc.constantFrom('midi' as const, 'gamepad' as const),
        name: fc.string({ minLength: 1, maxLength: 30 }),
        player: fc.constantFrom(0 as const, 1 as const, null),
        offsetMs: fc.integer({ min: -400, max: 400 }),
        lanes: byLane(fc.array(fc.integer({ min: 0, max: 127 }), { maxLength: 6 })),
        thresholds: byLane(fc.integer({ min: 1, max: 127 })),
      },
      { requiredKeys: ['kind', 'name'] },
    );
    const vol = fc.double({ min: 0, max: 1, noNaN: true });
    const offset = fc.double({ min: -400, max: 400, noNaN: true });
    // Eight different bindable keys.
    const keyboard = fc
      .shuffledSubarray(
        [...BINDABLE_KEYS].filter((k) => !RESERVED_KEYS.has(k)),
        { minLength: 8, maxLength: 8 },
      )
      .map((codes) => [0, 1].map((p) => Object.fromEntries(LANES.map((l, i) => [l, codes[p * 4 + i] as string]))));
    const settingsArb = fc.record({
      volumes: fc.record({ master: vol, music: vol, drums: vol }),
      players: fc.tuple(fc.record({ inputOffsetMs: offset }), fc.record({ inputOffsetMs: offset })),
      visualOffsetMs: offset,
      bindings: fc.record({ keyboard }),
      noteSpeed: fc.double({ min: 0.6, max: 3, noNaN: true }),
      language: fc.constantFrom(...LANGUAGES),
      reducedMotion: fc.boolean(),
      highContrast: fc.boolean(),
      hitSounds: fc.boolean(),
      vibration: fc.boolean(),
      calibrationOffered: fc.boolean(),
      devices: fc.record({ midi: fc.boolean(), profiles: fc.array(profileArb, { maxLength: 4 }) }),
    });
    fc.assert(
      fc.property(settingsArb, (raw) => {
        // JSON has no -0: it reads back as 0, which is the same setting.
        const s = JSON.parse(JSON.stringify(raw), (_, x) => (Object.is(x, -0) ? 0 : x)) as Settings;
        expect(v.is(SettingsSchema, s)).toBe(true);
        const storage = new MemoryStorage();
        expect(store(storage).saveSettings(s)).toBeNull();
        expect(store(storage).loadSettings()).toEqual({ settings: s, notices: [] });
      }),
      { numRuns: 100 },
    );
  }, 20_000);
});

/* ---------- storage failures ---------- */

describe('storage that fails', () => {
  it('works in memory when there is no storage, and says so once', () => {
    const s = store(null);
    expect(persistent(s)).toBe(false);
    const first = s.loadSettings();
    expect(first.settings).toEqual(defaults());
    expect(kinds(first.notices)).toEqual(['storage-unavailable']);
    expect(s.saveSettings(custom())).toBeNull();
    expect(s.loadSettings()).toEqual({ settings: custom(), notices: [] });
    expect(s.recordResults(results([900_000, 800_000]), NN).improved).toEqual([true, true]);
    expect(s.recordResults(results([900_000, 800_000]), NN).improved).toEqual([false, false]);
    expect(s.bestsFor('nara-nights')).toHaveLength(1);
  });

  it('never throws when every call throws, and falls back to memory', () => {
    const s = store(new ThrowingStorage());
    expect(persistent(s)).toBe(true);
    const { settings, notices } = s.loadSettings();
    expect(settings).toEqual(defaults());
    expect(kinds(notices)).toEqual(['storage-unavailable']);
    expect(notices[0]?.detail).toContain('SecurityError');
    expect(persistent(s)).toBe(false);
    expect(s.saveSettings(custom())).toBeNull(); // in memory now; already reported
    expect(s.loadSettings().settings).toEqual(custom());
  });

  it('keeps what it could read when writes start failing (not a full quota)', () => {
    const storage = new ReadOnlyStorage();
    storage.locked = false;
    store(storage).saveSettings(custom());
    store(storage).recordResults(results([700, 800]), NN);
    storage.setItem('someone.else', 'not ours');
    storage.locked = true;
    const s = store(storage);
    expect(s.loadSettings()).toEqual({ settings: custom(), notices: [] });
    expect(s.saveSettings({ ...custom(), noteSpeed: 2 })?.kind).toBe('storage-unavailable');
    expect(persistent(s)).toBe(false);
    // The session goes on in memory, with the bests and settings saved before.
    expect(s.best('nara-nights', 'duet', NN)?.players[1]?.score).toBe(800);
    expect(s.loadSettings().settings.noteSpeed).toBe(2);
    expect(s.recordResults(results([900, 1]), NN).improved).toEqual([true, false]);
    expect(s.drainNotices()).toEqual([]);
    expect(JSON.parse(storage.getItem(SETTINGS_KEY) ?? '').settings).toEqual(custom());
  });

  it('leaves corrupt settings in place on a storage that cannot be written', () => {
    const storage = new ReadOnlyStorage();
    storage.locked = false;
    storage.setItem(SETTINGS_KEY, '{oops');
    storage.locked = true;
    const { settings, notices } = store(storage).loadSettings();
    expect(settings).toEqual(defaults());
    expect(kinds(notices)).toEqual(['corrupt-settings', 'storage-unavailable']);
    expect(storage.getItem(SETTINGS_KEY)).toBe('{oops');
  });

  it('falls back to memory when removing fails', () => {
    const storage = new FullStorage();
    storage.full = false;
    storage.setItem(SETTINGS_KEY, '{oops');
    storage.removeItem = () => {
      throw new Error('gone');
    };
    const s = store(storage);
    expect(kinds(s.loadSettings().notices)).toEqual(['corrupt-settings', 'storage-unavailable']);
    expect(storage.getItem(SETTINGS_CORRUPT_KEY)).toBe('{oops');
  });

  it.each([
    ['saveSettings', (s: SaveStore) => s.saveSettings(custom())],
    ['best', (s: SaveStore) => s.best('nara-nights', 'duet', NN)],
    ['bestsFor', (s: SaveStore) => s.bestsFor('nara-nights')],
    ['recordResults', (s: SaveStore) => s.recordResults(results([1, 2]), NN)],
  ])('%s on throwing storage reports storage-unavailable', (_, call) => {
    const s = store(new ThrowingStorage());
    const out = call(s);
    const notices = [...s.drainNotices(), ...(out && 'kind' in out ? [out] : [])];
    expect(kinds(notices)).toEqual(['storage-unavailable']);
  });

  it('fromWindow gives a memory store when window.localStorage throws or is missing', () => {
    const g = globalThis as { window?: unknown };
    const saved = g.window;
    try {
      g.window = undefined;
      expect(persistent(SaveStore.fromWindow(defaults))).toBe(false);
      g.window = Object.defineProperty({}, 'localStorage', {
        get() {
          throw new Error('SecurityError');
        },
      });
      const s = SaveStore.fromWindow(defaults);
      expect(persistent(s)).toBe(false);
      expect(kinds(s.loadSettings().notices)).toEqual(['storage-unavailable']);
      const local = new MemoryStorage();
      g.window = { localStorage: local };
      const real = SaveStore.fromWindow(defaults);
      expect(persistent(real)).toBe(true);
      real.saveSettings(custom());
      expect(local.getItem(SETTINGS_KEY)).not.toBeNull();
    } finally {
      g.window = saved;
    }
  });

  it.each([
    [quotaError(), true],
    [{ name: 'NS_ERROR_DOM_QUOTA_REACHED' }, true],
    [{ code: 22 }, true],
    [{ code: 1014 }, true],
    [new Error('nope'), false],
    ['QuotaExceededError', false],
    [null, false],
  ])('isQuotaError(%o) is %s', (e, expected) => {
    expect(isQuotaError(e)).toBe(expected);
  });
});

/* ---------- bests ---------- */

describe('best scores', () => {
  it('names keys by song, mode and both difficulties, and parses them back', () => {
    expect(bestKey('nara-nights', 'duet', ['easy', 'expert'])).toBe('drumDiplomacy.best.nara-nights.duet.easy-expert');
    expect(parseBestKey('drumDiplomacy.best.nara-nights.duet.easy-expert')).toEqual({
      songId: 'nara-nights',
      mode: 'duet',
      difficulties: ['easy', 'expert'],
    });
    for (const bad of [
      'drumDiplomacy.best.nara-nights.duet.easy',
      'drumDiplomacy.best.nara-nights.party.easy-easy',
      'drumDiplomacy.best.Nara.duet.easy-easy',
      'drumDiplomacy.settings',
      'drumDiplomacy.corrupt.best.nara-nights.duet.easy-easy',
    ])
      expect(parseBestKey(bad)).toBeNull();
  });

  it('records a first run, then only improvements, per player', () => {
    const storage = new MemoryStorage();
    const s = store(storage);
    expect(s.best('nara-nights', 'duet', NN)).toBeNull();
    const first = s.recordResults(results([800_000, 600_000], 'duet', 0.5), NN);
    expect(first).toEqual({ improved: [true, true], previous: null });
    const entry = s.best('nara-nights', 'duet', NN);
    expect(entry).toEqual({
      songId: 'nara-nights',
      mode: 'duet',
      difficulties: NN,
      players: [
        { score: 800_000, accuracy: 0.8, grade: 'D', maxCombo: 10, date: FIXED_DATE.toISOString() },
        { score: 600_000, accuracy: 0.6, grade: 'D', maxCombo: 10, date: FIXED_DATE.toISOString() },
      ],
      harmony: 0.5,
      harmonyDate: FIXED_DATE.toISOString(),
    });
    const later = new Date('2025-11-01T08:00:00.000Z');
    const s2 = store(storage, () => later);
    const second = s2.recordResults(results([950_000, 600_000], 'duet', 0.4), NN);
    expect(second.improved).toEqual([true, false]);
    expect(second.previous).toEqual(entry);
    const now = s2.best('nara-nights', 'duet', NN);
    expect(now?.players[0]).toMatchObject({ score: 950_000, grade: 'A', date: later.toISOString() });
    expect(now?.players[1]).toEqual(entry?.players[1]);
    expect(now?.harmony).toBe(0.5);
    // A better harmony alone is recorded too.
    const third = s2.recordResults(results([1, 1], 'duet', 0.9), NN);
    expect(third.improved).toEqual([false, false]);
    expect(s2.best('nara-nights', 'duet', NN)).toMatchObject({ harmony: 0.9, harmonyDate: later.toISOString() });
    expect(s2.drainNotices()).toEqual([]);
  });

  it('writes nothing when nothing improved', () => {
    const storage = new MemoryStorage();
    const s = store(storage);
    s.recordResults(results([500, 500]), NN);
    const before = storage.getItem(bestKey('nara-nights', 'duet', NN));
    const sNext = store(storage, () => new Date('2030-01-01T00:00:00Z'));
    expect(sNext.recordResults(results([500, 400]), NN).improved).toEqual([false, false]);
    expect(storage.getItem(bestKey('nara-nights', 'duet', NN))).toBe(before);
  });

  it('keeps the modes and difficulty pairs apart', () => {
    const s = store();
    s.recordResults(results([100, 200], 'battle'), NN);
    s.recordResults(results([300, 400], 'duet'), ['easy', 'hard']);
    s.recordResults(results([500, 600], 'duet'), ['hard', 'easy']);
    expect(s.best('nara-nights', 'battle', NN)?.players[0]?.score).toBe(100);
    expect(s.best('nara-nights', 'duet', ['easy', 'hard'])?.players[1]?.score).toBe(400);
    expect(s.best('nara-nights', 'duet', ['hard', 'easy'])?.players[1]?.score).toBe(600);
    expect(s.best('nara-nights', 'duet', NN)).toBeNull();
  });

  it('in Solo records only the human slot by default (or the ones named)', () => {
    const s = store();
    expect(s.recordResults(results([700_000, 999_999], 'solo'), NN).improved).toEqual([true, false]);
    expect(s.best('nara-nights', 'solo', NN)?.players).toEqual([expect.objectContaining({ score: 700_000 }), null]);
    expect(s.recordResults(results([1, 800_000], 'solo'), NN, [1]).improved).toEqual([false, true]);
  });

  it('never records a slot whose chart had no notes', () => {
    const s = store();
    const r = results([0, 900_000], 'lesson');
    r.players[0] = playerResult(0, 0, 0);
    expect(s.recordResults(r, NN).improved).toEqual([false, true]);
    expect(s.best('nara-nights', 'lesson', NN)?.players[0]).toBeNull();
  });

  it('one corrupt entry among good ones costs only itself', () => {
    const storage = new MemoryStorage();
    const s = store(storage);
    s.recordResults(results([100, 100], 'duet'), ['easy', 'easy']);
    s.recordResults(results([200, 200], 'duet'), ['hard', 'hard']);
    s.recordResults(results([300, 300], 'battle'), ['expert', 'expert']);
    s.recordResults({ ...results([1, 1], 'duet'), songId: 'other-song' }, NN);
    const broken = bestKey('nara-nights', 'duet', ['hard', 'hard']);
    storage.setItem(broken, '{"version":1,"players":[{"score":"lots"');
    storage.setItem(bestKey('nara-nights', 'solo', NN), JSON.stringify({ version: 1, players: [null], harmony: null }));
    storage.setItem('drumDiplomacy.best.nara-nights.weird', 'ignored: not a best key');

    const bests = s.bestsFor('nara-nights');
    expect(bests.map((b) => [b.mode, b.difficulties.join('-'), b.players[0]?.score])).toEqual([
      ['battle', 'expert-expert', 300],
      ['duet', 'easy-easy', 100],
    ]);
    const notices = s.drainNotices();
    expect(kinds(notices)).toEqual(['corrupt-best', 'corrupt-best']);
    expect(notices[0]?.detail).toContain(broken);
    expect(s.drainNotices()).toEqual([]);

    expect(s.best('nara-nights', 'duet', ['hard', 'hard'])).toBeNull();
    expect(kinds(s.drainNotices())).toEqual(['corrupt-best']);
    // Settings are untouched by all this, and the others survive corrupt settings.
    storage.setItem(SETTINGS_KEY, 'garbage');
    s.loadSettings();
    expect(s.bestsFor('nara-nights')).toHaveLength(2);
  });

  it('replaces a corrupt entry with a new best, keeping its text', () => {
    const storage = new MemoryStorage();
    const key = bestKey('nara-nights', 'duet', NN);
    storage.setItem(key, 'not json');
    const s = store(storage);
    expect(s.recordResults(results([10, 20]), NN)).toEqual({ improved: [true, true], previous: null });
    expect(storage.getItem(`${BEST_CORRUPT_PREFIX}nara-nights.duet.normal-normal`)).toBe('not json');
    expect(s.best('nara-nights', 'duet', NN)?.players[1]?.score).toBe(20);
    expect(kinds(s.drainNotices())).toEqual(['corrupt-best']);
  });

  it('reports a full quota when a best cannot be saved', () => {
    const storage = new FullStorage();
    const s = store(storage);
    expect(s.recordResults(results([10, 20]), NN).improved).toEqual([true, true]);
    expect(kinds(s.drainNotices())).toEqual(['quota']);
    expect(s.best('nara-nights', 'duet', NN)).toBeNull();
  });

  it('property: the saved best of each slot is the highest score recorded', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 1e6 })), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.constantFrom(...DIFFICULTIES),
        (runs, difficulty) => {
          const s = store();
          const pair: [Difficulty, Difficulty] = [difficulty, difficulty];
          const best = [-1, -1];
          for (const [a, b] of runs) {
            const { improved } = s.recordResults(results([a, b], 'battle'), pair);
            expect(improved).toEqual([a > (best[0] as number), b > (best[1] as number)]);
            best[0] = Math.max(best[0] as number, a);
            best[1] = Math.max(best[1] as number, b);
          }
          const entry = s.best('nara-nights', 'battle', pair);
          expect(entry?.players.map((p) => p?.score)).toEqual(best);
          expect(s.drainNotices()).toEqual([]);
        },
      ),
      { numRuns: 100 },
    );
  }, 20_000);
});

describe('removing the bests of a deleted song', () => {
  it('removes every best of that song (all modes and difficulties, a corrupt one too) and nothing else', () => {
    const storage = new MemoryStorage();
    const s = store(storage);
    s.recordResults(results([800_000, 600_000], 'duet', 0.5), NN);
    s.recordResults(results([800_000, 600_000], 'battle'), ['hard', 'easy']);
    s.recordResults({ ...results([1, 2], 'duet', 0.1), songId: 'imported-0123456789ab' }, NN);
    storage.setItem('drumDiplomacy.corrupt.best.nara-nights.duet.easy-easy', '{');
    storage.setItem('drumDiplomacy.best.nara-nights-2.duet.easy-easy', '{}');
    expect(s.removeBests('nara-nights')).toBe(3);
    expect(s.bestsFor('nara-nights')).toEqual([]);
    expect(s.bestsFor('imported-0123456789ab')).toHaveLength(1);
    expect(storage.getItem('drumDiplomacy.best.nara-nights-2.duet.easy-easy')).toBe('{}');
    expect(s.removeBests('nara-nights')).toBe(0);
  });
});
