import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  type GamePage,
  key,
  keyCodes,
  planAll,
  playPlan,
  sleepUntil,
  startSong,
  tapKey,
  timeOrigin,
  useBrowser,
  waitForResults,
  waitForScene,
  waitForSongClock,
  withGame,
} from './harness';

useBrowser();

/** The Calibration scene's metronome (src/scenes/Calibration.ts, CALIBRATION): 100 BPM, 24 clicks, 4 count in. */
const BEAT = 0.6;
const CLICKS = 24;
const COUNT_IN = 4;
const SETTINGS_KEY = 'drumDiplomacy.settings';
const DUET = '?song=test-song&mode=duet&p1=normal&p2=normal';

async function savedSettings(page: Page) {
  const raw = await page.evaluate((k) => localStorage.getItem(k), SETTINGS_KEY);
  return raw === null
    ? null
    : (JSON.parse(raw) as { version: number; settings: { players: { inputOffsetMs: number }[] } });
}

async function playPerfectly(game: GamePage): Promise<void> {
  await startSong(game);
  const plan = await planAll(game.page, () => 0);
  await playPlan(game, plan, { keyCodes: await keyCodes(game.page) });
}

describe('settings, key bindings and calibration', () => {
  it('calibration: taps 37 ms after every click give player 1 an input offset of 37 ms', async () => {
    await withGame('?scene=Calibration&player=0', async (game) => {
      const { page, cdp } = game;
      await waitForScene(page, 'Calibration');
      // Sound is off until a key: the first key unlocks it and starts the metronome.
      await tapKey(game, 'Space');
      await waitForSongClock(page, true);
      const code = await page.evaluate(() => window.drumDiplomacy.keyFor(0, 'hihat'));
      const origin = await timeOrigin(page);
      const instant = (i: number) => page.evaluate((t) => window.drumDiplomacy.perfTimeOf(0, t) as number, i * BEAT);
      // Each click's instant is asked for a second ahead and asked again once it has passed: on a
      // busy machine the audio clock may lose 10 ms meanwhile, and the game follows it.
      const drifts: number[] = [];
      for (let i = COUNT_IN; i < CLICKS; i++) {
        const click = await instant(i);
        const at = click + 37;
        await sleepUntil(origin, at, 100);
        await key(cdp, origin, 'keyDown', code, at);
        await key(cdp, origin, 'keyUp', code, at + 40);
        await sleepUntil(origin, at + 5);
        drifts.push((await instant(i)) - click);
      }
      const drift = drifts.reduce((a, b) => a + b, 0) / drifts.length;
      // The metronome stops after its last click; the result is then offered, Apply focused.
      await waitForSongClock(page, false, 10_000);
      await tapKey(game, 'Enter');
      await waitForSongClock(page, true); // step 2's metronome
      const saved = await savedSettings(page);
      expect(saved?.version).toBe(3);
      expect(Math.abs(drift)).toBeLessThan(5);
      expect(Math.abs((saved?.settings.players[0]?.inputOffsetMs ?? Number.NaN) - (37 - drift))).toBeLessThanOrEqual(1);
      expect(saved?.settings.players[1]?.inputOffsetMs).toBe(0);
      // Esc leaves the wizard (back to Settings) and stops the clicks.
      await tapKey(game, 'Escape');
      await waitForScene(page, 'Settings');
      expect(await page.evaluate(() => window.drumDiplomacy.perfTimeOf(0, 0))).toBeNull();
      expect(game.errors).toEqual([]);
    });
  }, 90_000);

  it('rebinding P1 snare to Q in the Bindings scene carries over to a song played with Q', async () => {
    await withGame('?scene=Bindings', async (game) => {
      const { page } = game;
      await waitForScene(page, 'Bindings');
      // Focus starts on P1 hi-hat; → moves to P1 snare; Enter listens for the new key.
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Enter');
      await page.keyboard.press('KeyQ');
      expect(await page.evaluate(() => window.drumDiplomacy.keyFor(0, 'snare'))).toBe('KeyQ');
      expect(game.errors).toEqual([]);

      const run = await game.open(DUET);
      expect(await run.page.evaluate(() => window.drumDiplomacy.keyFor(0, 'snare'))).toBe('KeyQ');
      const codes = await keyCodes(run.page);
      expect(codes[0]).toEqual(['KeyA', 'KeyQ', 'KeyD', 'KeyF']);
      await playPerfectly(run);
      const r = await waitForResults(run.page);
      expect(r?.players.map((p) => p.score)).toEqual([1_000_000, 1_000_000]);
      expect(run.errors).toEqual([]);
    });
  }, 90_000);

  it('a key already bound elsewhere is swapped, and Esc cancels a rebinding', async () => {
    await withGame('?scene=Bindings', async (game) => {
      const { page } = game;
      await waitForScene(page, 'Bindings');
      await page.keyboard.press('Enter');
      await page.keyboard.press('KeyJ'); // P2's hi-hat key, onto P1 hi-hat
      const keys = await keyCodes(page);
      expect(keys[0]?.[0]).toBe('KeyJ');
      expect(keys[1]?.[0]).toBe('KeyA');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
      expect(await page.evaluate(() => window.drumDiplomacy.keyFor(0, 'hihat'))).toBe('KeyJ');
      expect(await page.evaluate(() => window.drumDiplomacy.scene())).toBe('Bindings');
    });
  }, 30_000);

  it('corrupt saved settings: boots to the title with defaults, says so, and keeps other keys', async () => {
    const best = 'drumDiplomacy.best.test-song.duet.normal';
    const bestValue = '{"version":1,"score":123456}';
    await withGame('', { storage: { [SETTINGS_KEY]: '{not json', [best]: bestValue } }, async (game) => {
      const { page } = game;
      await waitForScene(page, 'Title');
      expect(await page.evaluate(() => window.drumDiplomacy.keyFor(0, 'hihat'))).toBe('KeyA');
      expect(await page.evaluate((k) => localStorage.getItem(k), best)).toBe(bestValue);
      // The raw document is kept aside, and a notice tells the player.
      expect(await page.evaluate(() => localStorage.getItem('drumDiplomacy.settings.corrupt'))).toBe('{not json');
      const notice = await page.evaluate(() =>
        [...document.querySelectorAll('[role="status"], [role="alert"]')].map((e) => e.textContent ?? '').join(' '),
      );
      expect(notice.trim()).not.toBe('');
      expect(game.errors).toEqual([]);
    });
  }, 30_000);

  // About 20 s, all of it the song: every note must be hit, so the test song plays through in real
  // time (2 s count-in, 16 s of song); nothing else waits.
  it('a localStorage that throws: the game still boots and plays', async () => {
    const breakStorage = () => {
      const fail = () => {
        throw new DOMException('storage is disabled', 'SecurityError');
      };
      Storage.prototype.getItem = fail;
      Storage.prototype.setItem = fail;
      Storage.prototype.removeItem = fail;
      Storage.prototype.key = fail;
    };
    await withGame(DUET, { initScript: breakStorage }, async (game) => {
      await playPerfectly(game);
      const r = await waitForResults(game.page);
      expect(r?.players.map((p) => p.score)).toEqual([1_000_000, 1_000_000]);
      expect(game.errors.filter((e) => !/storage/i.test(e))).toEqual([]);
    });
  }, 90_000);

  it('a version-1 save is migrated: its keys are used', async () => {
    const v1 = {
      version: 1,
      volume: 0.5,
      offsetMs: 20,
      keys: { p1: ['KeyQ', 'KeyW', 'KeyE', 'KeyR'], p2: ['KeyU', 'KeyI', 'KeyO', 'KeyP'] },
    };
    await withGame('', { storage: { [SETTINGS_KEY]: JSON.stringify(v1) } }, async (game) => {
      const { page } = game;
      await waitForScene(page, 'Title');
      expect(await page.evaluate(() => window.drumDiplomacy.keyFor(0, 'hihat'))).toBe('KeyQ');
      expect(await page.evaluate(() => window.drumDiplomacy.keyFor(1, 'kick'))).toBe('KeyP');
      expect(game.errors).toEqual([]);
    });
  }, 30_000);
});
