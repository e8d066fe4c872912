import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/game/settings';
import {
  keyCodes,
  planAll,
  playPlan,
  startSong,
  tapKey,
  useBrowser,
  waitForResults,
  waitForScene,
  waitUntil,
  withGame,
} from './harness';

useBrowser();

/** Keeps every AudioContext the page makes, so a test can suspend the game's own. */
function recordAudioContexts(): void {
  const Native = window.AudioContext;
  const made: AudioContext[] = [];
  (window as unknown as { __contexts: AudioContext[] }).__contexts = made;
  window.AudioContext = class extends Native {
    constructor(options?: AudioContextOptions) {
      super(options);
      made.push(this);
    }
  };
}

const notices = (page: import('playwright-core').Page) => page.evaluate(() => window.drumDiplomacy.notices());
const SETTINGS_KEY = 'drumDiplomacy.settings';

describe('nothing lost', () => {
  it('the sound stopping mid-song (a song opened by URL) pauses it; Resume counts in from the pause, on a fresh clock', async () => {
    await withGame('?song=test-song&mode=duet&p1=hard&p2=hard', { initScript: recordAudioContexts }, async (game) => {
      const { page } = game;
      await startSong(game);
      const plan = await planAll(page, () => 0);
      const length = (await page.evaluate(() => window.drumDiplomacy.songs().find((s) => s.id === 'test-song')))
        ?.length as number;
      let suspended = false;
      await playPlan(game, plan, {
        keyCodes: await keyCodes(page),
        onBeforeGroup: async (songTime) => {
          if (suspended || songTime < length / 2) return false;
          suspended = true;
          // Every context the page made (Tone.js may make one of its own besides the game's).
          await page.evaluate(() =>
            Promise.all((window as unknown as { __contexts: AudioContext[] }).__contexts.map((c) => c.suspend())),
          );
          await waitForScene(page, 'Pause', 2000);
          // Sound off for 3 s: the song must not play on silently.
          await page.waitForTimeout(3000);
          expect(await page.evaluate(() => window.drumDiplomacy.perfTimeOf(0, 1))).toBeNull();
          await tapKey(game, 'Enter');
          await waitForScene(page, 'Play');
          await waitUntil(page, () => window.drumDiplomacy.perfTimeOf(0, 0) !== null, undefined, {
            timeout: 10_000,
            message: 'the song clock never ran again after Resume',
          });
          // The count-in starts three beats before the pause point, and the clock does not jump
          // back by the suspended time a moment later.
          const at = (t: number) => page.evaluate((s) => window.drumDiplomacy.perfTimeOf(0, s) as number, t);
          const now = () => page.evaluate(() => performance.now());
          const first = (await at(songTime)) - (await now());
          expect(first).toBeGreaterThan(1000);
          expect(first).toBeLessThan(2500);
          const before = await at(songTime);
          await page.waitForTimeout(1000);
          expect(Math.abs((await at(songTime)) - before)).toBeLessThan(3);
          return true;
        },
      });
      expect(suspended).toBe(true);
      const r = await waitForResults(page);
      for (const p of r?.players ?? []) expect(p.counts.miss).toBe(0);
      expect(game.errors).toEqual([]);
    });
  }, 90_000);

  it('a failed download of the sound code is tried again, and the sound starts', async () => {
    let requests = 0;
    await withGame(
      '',
      {
        serviceWorkers: 'block',
        route: async (context) => {
          await context.route(/assets\/engine-[^/?]*\.js/, (route) =>
            ++requests <= 1 ? route.abort() : route.continue(),
          );
        },
      },
      async (game) => {
        await waitForScene(game.page, 'Title');
        await game.page.waitForTimeout(1500);
        await tapKey(game, 'Space');
        await waitForScene(game.page, 'ModeSelect', 15_000);
        expect(requests).toBe(2);
        expect(game.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
      },
    );
  }, 60_000);

  it('a download that keeps failing is reported as such, and the next key tries again', async () => {
    let blocked = true;
    await withGame(
      '',
      {
        serviceWorkers: 'block',
        route: async (context) => {
          await context.route(/assets\/engine-[^/?]*\.js/, (route) => (blocked ? route.abort() : route.continue()));
        },
      },
      async (game) => {
        const { page } = game;
        await waitForScene(page, 'Title');
        await tapKey(game, 'Space');
        await waitUntil(page, () => window.drumDiplomacy.notices().some((n) => n.level === 'error'), undefined, {
          timeout: 15_000,
          message: 'no notice that the sound could not be loaded',
        });
        const said = (await notices(page)).map((n) => n.text);
        expect(said.some((t) => /could not be loaded/.test(t))).toBe(true);
        expect(said.some((t) => /blocked by the browser/.test(t))).toBe(false);
        expect(await page.evaluate(() => window.drumDiplomacy.scene())).toBe('Title');
        blocked = false;
        await tapKey(game, 'Space');
        await waitForScene(page, 'ModeSelect', 15_000);
        expect(game.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
      },
    );
  }, 60_000);

  it.each([
    ['?scene=constructor', 'constructor'],
    ['?scene=__proto__', '__proto__'],
    ['?scene=toString', 'toString'],
    ['?scene=Pause', 'Pause'],
    ['?scene=Results', 'Results'],
    ['?song=no-such-song&mode=duet', 'no-such-song'],
  ])(
    '%s opens the title, and says why',
    async (query, name) => {
      await withGame(query, async (game) => {
        await waitForScene(game.page, 'Title');
        const said = await notices(game.page);
        expect(
          said
            .filter((n) => n.level === 'error')
            .map((n) => n.text)
            .join(' '),
        ).toContain(name);
        // and Enter there goes on as from any title
        await tapKey(game, 'Enter');
        await waitForScene(game.page, 'ModeSelect', 15_000);
        expect(game.errors).toEqual([]);
      });
    },
    45_000,
  );

  it('a save with one bad field keeps and rewrites the good ones: the next visit has them, without a message', async () => {
    const good = defaultSettings('ja');
    const keyboard = [
      { hihat: 'KeyQ', snare: 'KeyW', tom: 'KeyE', kick: 'KeyR' },
      { hihat: 'KeyU', snare: 'KeyI', tom: 'KeyO', kick: 'KeyP' },
    ];
    const doc = { version: 3, settings: { ...good, bindings: { keyboard }, noteSpeed: 99 } };
    await withGame('', async (game) => {
      const { page } = game;
      await waitForScene(page, 'Title');
      await page.evaluate(
        ([k, v]) => localStorage.setItem(k as string, v as string),
        [SETTINGS_KEY, JSON.stringify(doc)],
      );
      await page.reload();
      await waitForScene(page, 'Title');
      expect((await notices(page)).some((n) => n.level === 'error')).toBe(true);
      expect(await page.evaluate(() => window.drumDiplomacy.keyFor(0, 'snare'))).toBe('KeyW');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
      // The next visit has the good fields, and nothing to say.
      await page.reload();
      await waitForScene(page, 'Title');
      expect(await notices(page)).toEqual([]);
      expect(await page.evaluate(() => window.drumDiplomacy.keyFor(1, 'kick'))).toBe('KeyP');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
      const kept = await page.evaluate(() => localStorage.getItem('drumDiplomacy.settings.corrupt'));
      expect(kept).toBe(JSON.stringify(doc));
    });
  }, 45_000);

  it.each([
    ['a reserved menu key', { hihat: 'Escape', snare: 'Escape', tom: 'Escape', kick: 'Escape' }],
    ['markup', { hihat: '<img src=x onerror=alert(1)>', snare: 'KeyS', tom: 'KeyD', kick: 'KeyF' }],
    ['a 1 MB key name', { hihat: 'x'.repeat(1_000_000), snare: 'KeyS', tom: 'KeyD', kick: 'KeyF' }],
  ])(
    'saved bindings with %s are refused with a message; the drums keep playable keys',
    async (_, p1) => {
      const good = defaultSettings();
      const doc = { version: 3, settings: { ...good, bindings: { keyboard: [p1, good.bindings.keyboard[1]] } } };
      await withGame('', { storage: { [SETTINGS_KEY]: JSON.stringify(doc) } }, async (game) => {
        await waitForScene(game.page, 'Title');
        expect((await notices(game.page)).some((n) => n.level === 'error')).toBe(true);
        const keys = await game.page.evaluate(() =>
          (['hihat', 'snare', 'tom', 'kick'] as const).map((l) => window.drumDiplomacy.keyFor(0, l)),
        );
        expect(keys).toEqual(['KeyA', 'KeyS', 'KeyD', 'KeyF']);
        expect(game.errors).toEqual([]);
      });
    },
    45_000,
  );
});
