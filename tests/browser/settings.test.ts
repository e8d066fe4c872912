import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  type GamePage,
  key,
  keyCodes,
  launch,
  openGame,
  planAll,
  playPlan,
  startSong,
  timeOrigin,
  waitForResults,
} from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The Calibration scene's metronome (src/scenes/Calibration.ts, CALIBRATION): 100 BPM, 24 clicks, 4 count in. */
const BEAT = 0.6;
const CLICKS = 24;
const COUNT_IN = 4;
const SETTINGS_KEY = 'drumDiplomacy.settings';
const DUET = '?song=test-song&mode=duet&p1=normal&p2=normal';

/** Opens `query` in a new page of an existing context (settings saved there carry over). */
async function openPage(context: BrowserContext, query: string): Promise<GamePage> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`${inject('baseUrl')}${query}`);
  await page.waitForFunction(() => typeof window.drumDiplomacy !== 'undefined');
  return { context, page, cdp: await context.newCDPSession(page), errors };
}

async function tapKey(game: GamePage, code: string): Promise<void> {
  const origin = await timeOrigin(game.page);
  const now = await game.page.evaluate(() => performance.now());
  await key(game.cdp, origin, 'keyDown', code, now);
  await key(game.cdp, origin, 'keyUp', code, now + 5);
}

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
    const game = await openGame(browser, '?scene=Calibration&player=0');
    const { page, cdp } = game;
    await page.waitForFunction(() => window.drumDiplomacy.scene() === 'Calibration');
    // Sound is off until a key: the first key unlocks it and starts the metronome.
    await tapKey(game, 'Space');
    await page.waitForFunction(() => window.drumDiplomacy.perfTimeOf(0, 0) !== null, undefined, { timeout: 15_000 });
    const clicks = await page.evaluate(
      ({ n, beat }) => Array.from({ length: n }, (_, i) => window.drumDiplomacy.perfTimeOf(0, i * beat) as number),
      { n: CLICKS, beat: BEAT },
    );
    const code = await page.evaluate(() => window.drumDiplomacy.keyFor(0, 'hihat'));
    const origin = await timeOrigin(page);
    for (let i = COUNT_IN; i < CLICKS; i++) {
      const at = (clicks[i] as number) + 37;
      const wait = at - 100 - (Date.now() - origin);
      if (wait > 0) await page.waitForTimeout(wait);
      await key(cdp, origin, 'keyDown', code, at);
      await key(cdp, origin, 'keyUp', code, at + 40);
    }
    // The metronome stops after its last click; the result is then offered, Apply focused.
    await page.waitForFunction(() => window.drumDiplomacy.perfTimeOf(0, 0) === null, undefined, { timeout: 10_000 });
    await tapKey(game, 'Enter');
    await page.waitForFunction(() => window.drumDiplomacy.perfTimeOf(0, 0) !== null); // step 2's metronome
    const saved = await savedSettings(page);
    expect(saved?.version).toBe(3);
    expect(Math.abs((saved?.settings.players[0]?.inputOffsetMs ?? Number.NaN) - 37)).toBeLessThanOrEqual(1);
    expect(saved?.settings.players[1]?.inputOffsetMs).toBe(0);
    // Esc leaves the wizard (back to Settings) and stops the clicks.
    await tapKey(game, 'Escape');
    await page.waitForFunction(() => window.drumDiplomacy.scene() === 'Settings');
    expect(await page.evaluate(() => window.drumDiplomacy.perfTimeOf(0, 0))).toBeNull();
    expect(game.errors).toEqual([]);
    await game.context.close();
  });

  it('rebinding P1 snare to Q in the Bindings scene carries over to a song played with Q', async () => {
    const game = await openGame(browser, '?scene=Bindings');
    const { page } = game;
    await page.waitForFunction(() => window.drumDiplomacy.scene() === 'Bindings');
    // Focus starts on P1 hi-hat; → moves to P1 snare; Enter listens for the new key.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.keyboard.press('KeyQ');
    expect(await page.evaluate(() => window.drumDiplomacy.keyFor(0, 'snare'))).toBe('KeyQ');
    expect(game.errors).toEqual([]);

    const run = await openPage(game.context, DUET);
    expect(await run.page.evaluate(() => window.drumDiplomacy.keyFor(0, 'snare'))).toBe('KeyQ');
    const codes = await keyCodes(run.page);
    expect(codes[0]).toEqual(['KeyA', 'KeyQ', 'KeyD', 'KeyF']);
    await playPerfectly(run);
    const r = await waitForResults(run.page);
    expect(r?.players.map((p) => p.score)).toEqual([1_000_000, 1_000_000]);
    expect(run.errors).toEqual([]);
    await game.context.close();
  });

  it('a key already bound elsewhere is swapped, and Esc cancels a rebinding', async () => {
    const game = await openGame(browser, '?scene=Bindings');
    const { page } = game;
    await page.waitForFunction(() => window.drumDiplomacy.scene() === 'Bindings');
    await page.keyboard.press('Enter');
    await page.keyboard.press('KeyJ'); // P2's hi-hat key, onto P1 hi-hat
    const keys = await keyCodes(page);
    expect(keys[0]?.[0]).toBe('KeyJ');
    expect(keys[1]?.[0]).toBe('KeyA');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => window.drumDiplomacy.keyFor(0, 'hihat'))).toBe('KeyJ');
    expect(await page.evaluate(() => window.drumDiplomacy.scene())).toBe('Bindings');
    await game.context.close();
  });

  it('corrupt saved settings: boots to the title with defaults, says so, and keeps other keys', async () => {
    const best = 'drumDiplomacy.best.test-song.duet.normal';
    const bestValue = '{"version":1,"score":123456}';
    const game = await openGame(browser, '', { storage: { [SETTINGS_KEY]: '{not json', [best]: bestValue } });
    const { page } = game;
    await page.waitForFunction(() => window.drumDiplomacy.scene() === 'Title');
    expect(await page.evaluate(() => window.drumDiplomacy.keyFor(0, 'hihat'))).toBe('KeyA');
    expect(await page.evaluate((k) => localStorage.getItem(k), best)).toBe(bestValue);
    // The raw document is kept aside, and a notice tells the player.
    expect(await page.evaluate(() => localStorage.getItem('drumDiplomacy.settings.corrupt'))).toBe('{not json');
    const notice = await page.evaluate(() =>
      [...document.querySelectorAll('[role="status"], [role="alert"]')].map((e) => e.textContent ?? '').join(' '),
    );
    expect(notice.trim()).not.toBe('');
    expect(game.errors).toEqual([]);
    await game.context.close();
  });

  it('a localStorage that throws: the game still boots and plays', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    await context.addInitScript(() => {
      const fail = () => {
        throw new DOMException('storage is disabled', 'SecurityError');
      };
      Storage.prototype.getItem = fail;
      Storage.prototype.setItem = fail;
      Storage.prototype.removeItem = fail;
      Storage.prototype.key = fail;
    });
    const game = await openPage(context, DUET);
    await playPerfectly(game);
    const r = await waitForResults(game.page);
    expect(r?.players.map((p) => p.score)).toEqual([1_000_000, 1_000_000]);
    expect(game.errors.filter((e) => !/storage/i.test(e))).toEqual([]);
    await context.close();
  });

  it('a version-1 save is migrated: its keys are used', async () => {
    const v1 = {
      version: 1,
      volume: 0.5,
      offsetMs: 20,
      keys: { p1: ['KeyQ', 'KeyW', 'KeyE', 'KeyR'], p2: ['KeyU', 'KeyI', 'KeyO', 'KeyP'] },
    };
    const game = await openGame(browser, '', { storage: { [SETTINGS_KEY]: JSON.stringify(v1) } });
    const { page } = game;
    await page.waitForFunction(() => window.drumDiplomacy.scene() === 'Title');
    expect(await page.evaluate(() => window.drumDiplomacy.keyFor(0, 'hihat'))).toBe('KeyQ');
    expect(await page.evaluate(() => window.drumDiplomacy.keyFor(1, 'kick'))).toBe('KeyP');
    expect(game.errors).toEqual([]);
    await game.context.close();
  });
});
