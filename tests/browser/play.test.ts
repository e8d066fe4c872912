import { describe, expect, it } from 'vitest';
import { LANES, type Lane, PLAYERS, type PlayerId } from '../../src/core/units';
import {
  key,
  keyCodes,
  planAll,
  playPlan,
  sentOffsetMs,
  sleepUntil,
  startSong,
  tapKey,
  timeOrigin,
  useBrowser,
  waitForResults,
  waitForScene,
  withGame,
} from './harness';

useBrowser();

const URL_HARD = '?song=test-song&mode=duet&p1=hard&p2=hard';

describe('playing a duet in Chromium, judged on event timestamps', () => {
  it('boots to the title and lists the songs', async () => {
    await withGame('', async (game) => {
      await waitForScene(game.page, 'Title');
      const songs = await game.page.evaluate(() => window.drumDiplomacy.songs());
      expect(songs.map((s) => s.id)).toContain('test-song');
      for (const s of songs) expect(s.length).toBeGreaterThan(10);
      expect(game.errors).toEqual([]);
    });
  }, 30_000);

  it('perfect play: both players 1,000,000, SS, Harmony 1', async () => {
    await withGame(URL_HARD, async (game) => {
      const notes0 = await game.page.evaluate(() => window.drumDiplomacy.notes(0));
      expect(notes0.length).toBeGreaterThan(10);
      const before = await game.page.evaluate(() => window.drumDiplomacy.keysHandled());
      await startSong(game);
      const plan = await planAll(game.page, () => 0);
      const sent = await playPlan(game, plan, { keyCodes: await keyCodes(game.page) });
      const r = await waitForResults(game.page);
      expect(r).not.toBeNull();
      for (const p of r?.players ?? []) {
        expect(p.score).toBe(1_000_000);
        expect(p.grade).toBe('SS');
        expect(p.counts.miss).toBe(0);
      }
      expect(r?.harmony).toBe(1);
      // every key event reached the game's input layer once (2 for the unlocking key)
      expect(await game.page.evaluate(() => window.drumDiplomacy.keysHandled())).toBe(before + 2 + sent);
      expect(game.errors).toEqual([]);
    });
  }, 90_000);

  it('on Hard, +40 ms is all Great and -60 ms all Good, with exact mean offsets and Harmony 0', async () => {
    await withGame(URL_HARD, async (game) => {
      await startSong(game);
      const plan = await planAll(game.page, (p) => (p === 0 ? 40 : -60));
      await playPlan(game, plan, { keyCodes: await keyCodes(game.page) });
      const r = await waitForResults(game.page);
      const [a, b] = r?.players ?? [];
      expect(a?.counts.great).toBe(a?.hits.length);
      expect(b?.counts.good).toBe(b?.hits.length);
      // What each player's presses were sent at, the game clock's drift on a busy machine taken out.
      const sentMean = (p: 0 | 1) => {
        const mine = plan.filter((x) => x.player === p);
        return mine.reduce((sum, x) => sum + sentOffsetMs(x), 0) / mine.length;
      };
      expect(Math.abs(sentMean(0) - 40)).toBeLessThan(3);
      expect(Math.abs(sentMean(1) + 60)).toBeLessThan(3);
      expect(Math.abs((a?.meanOffsetMs ?? 0) - sentMean(0))).toBeLessThan(0.5);
      expect(Math.abs((b?.meanOffsetMs ?? 0) - sentMean(1))).toBeLessThan(0.5);
      expect(r?.harmony).toBe(0);
    });
  }, 90_000);

  it('six key events of both players in one frame are each judged exactly once', async () => {
    await withGame(URL_HARD, async (game) => {
      await startSong(game);
      const { page, cdp } = game;
      const notes = [
        await page.evaluate(() => window.drumDiplomacy.notes(0)),
        await page.evaluate(() => window.drumDiplomacy.notes(1)),
      ];
      // the first time both players have notes, and the presses for it: up to three lanes each
      const t = (notes[0] ?? []).find((n) => (notes[1] ?? []).some((m) => Math.abs(m.time - n.time) < 1e-6))?.time ?? 0;
      const codes = await keyCodes(page);
      const origin = await timeOrigin(page);
      const due = (await page.evaluate((s) => window.drumDiplomacy.perfTimeOf(0, s), t)) as number;
      await sleepUntil(origin, due, 30);
      const before = await page.evaluate(() => window.drumDiplomacy.keysHandled());
      const events: { player: PlayerId; lane: Lane }[] = [];
      for (const player of PLAYERS) {
        const at = (notes[player] ?? []).filter((n) => Math.abs(n.time - t) < 1e-6).map((n) => n.lane);
        const rest = LANES.filter((l) => !at.includes(l));
        for (const lane of [...at, ...rest].slice(0, 3)) events.push({ player, lane });
      }
      expect(events).toHaveLength(6);
      for (const e of events) {
        await key(cdp, origin, 'keyDown', codes[e.player]?.[LANES.indexOf(e.lane)] as string, due + 3);
      }
      await page.waitForTimeout(40);
      expect(await page.evaluate(() => window.drumDiplomacy.keysHandled())).toBe(before + 6);
      for (const e of events) {
        await key(cdp, origin, 'keyUp', codes[e.player]?.[LANES.indexOf(e.lane)] as string, due + 60);
      }
      // let the song run out, then check: each note at t judged once, Perfect at +3 ms
      const r = await waitForResults(page);
      for (const player of PLAYERS) {
        const atT = (notes[player] ?? []).filter((n) => Math.abs(n.time - t) < 1e-6);
        expect(atT.length).toBeGreaterThan(0);
        for (const n of atT) {
          const hit = r?.players[player]?.hits.find((h) => h.noteId === n.id);
          expect(hit?.judgement).toBe('perfect');
          expect(hit?.offsetMs).toBeCloseTo(3, 0);
        }
        const judgedHits = r?.players[player]?.hits.filter((h) => h.judgement !== 'miss').length;
        expect(judgedHits).toBe(atT.length);
      }
    });
  }, 90_000);

  it("a held key's auto-repeat makes no extra judgement", async () => {
    await withGame(URL_HARD, async (game) => {
      await startSong(game);
      const { page, cdp } = game;
      const snares = (await page.evaluate(() => window.drumDiplomacy.notes(0))).filter((n) => n.lane === 'snare');
      expect(snares.length).toBeGreaterThan(3);
      const code = (await keyCodes(page))[0]?.[LANES.indexOf('snare')] as string;
      const origin = await timeOrigin(page);
      const first = snares[0]?.time as number;
      const due = (await page.evaluate((s) => window.drumDiplomacy.perfTimeOf(0, s), first)) as number;
      await sleepUntil(origin, due, 30);
      await key(cdp, origin, 'keyDown', code, due);
      // auto-repeat lands exactly on the next snare notes: none of them may be hit
      for (const n of snares.slice(1, 4)) {
        const at = (await page.evaluate((s) => window.drumDiplomacy.perfTimeOf(0, s), n.time)) as number;
        await sleepUntil(origin, at);
        await key(cdp, origin, 'keyDown', code, at, true);
      }
      await key(cdp, origin, 'keyUp', code, (await page.evaluate(() => performance.now())) + 1);
      const r = await waitForResults(page);
      const hits = r?.players[0]?.hits.filter((h) => h.judgement !== 'miss') ?? [];
      expect(hits).toHaveLength(1);
      expect(hits[0]?.judgement).toBe('perfect');
    });
  }, 90_000);

  it('a hidden tab pauses at once, counts no Miss while hidden, and resumes with a count-in', async () => {
    await withGame(URL_HARD, async (game) => {
      await startSong(game);
      const { page } = game;
      const plan = await planAll(page, () => 0);
      const length = (await page.evaluate(() => window.drumDiplomacy.songs().find((s) => s.id === 'test-song')))
        ?.length as number;
      let hidden = false;
      await playPlan(game, plan, {
        keyCodes: await keyCodes(page),
        onBeforeGroup: async (songTime) => {
          if (hidden || songTime < length / 2) return false;
          hidden = true;
          await page.evaluate(() => {
            Object.defineProperty(document, 'hidden', { value: true, configurable: true });
            document.dispatchEvent(new Event('visibilitychange'));
          });
          await waitForScene(page, 'Pause', 500);
          // notes keep "passing" in real time while hidden: none may be missed
          await page.waitForTimeout(2500);
          expect(await page.evaluate(() => window.drumDiplomacy.perfTimeOf(0, 1))).toBeNull();
          await page.evaluate(() => {
            Object.defineProperty(document, 'hidden', { value: false, configurable: true });
            document.dispatchEvent(new Event('visibilitychange'));
          });
          await tapKey(game, 'Enter');
          await waitForScene(page, 'Play');
          return true;
        },
      });
      expect(hidden).toBe(true);
      const r = await waitForResults(page);
      for (const p of r?.players ?? []) {
        expect(p.counts.miss).toBe(0);
        expect(p.score).toBe(1_000_000);
      }
    });
  }, 90_000);
});
