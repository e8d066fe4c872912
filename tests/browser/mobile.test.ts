import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { LANES, type Lane, type PlayerId } from '../../src/core/units';
import {
  type GamePage,
  notesOf,
  pageNow,
  SCENE_TIMEOUT_MS,
  sleepUntil,
  type TouchPoint,
  timeOrigin,
  touch,
  useBrowser,
  waitForHidden,
  waitForResults,
  waitForScene,
  waitForSongClock,
  waitUntil,
  withGame,
} from './harness';

/**
 * Phones and tablets (issue 6): the built game in Chromium's mobile emulation, played by touch
 * through CDP touch events stamped at exact instants, and reloaded offline from its service worker.
 */

const PHONE = { viewport: { width: 844, height: 390 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };
type Player = PlayerId;

useBrowser();

/** Counts the pointerdown events the canvas receives (one per finger put down). */
async function countPointerDowns(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { downs: number };
    w.downs = 0;
    document.querySelector('canvas')?.addEventListener('pointerdown', () => w.downs++, true);
  });
}

async function pointerDowns(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { downs: number }).downs);
}

/** The first tap, off the pads (top centre): it only unlocks audio and starts the song. */
async function tapToStart(game: GamePage): Promise<number> {
  const { page, cdp } = game;
  await waitForScene(page, 'Play');
  const origin = await timeOrigin(page);
  const now = await pageNow(page);
  const width = await page.evaluate(() => window.innerWidth);
  await touch(cdp, origin, 'touchStart', [{ id: 1, x: width / 2, y: 4 }], now);
  await touch(cdp, origin, 'touchEnd', [], now + 40);
  await waitForSongClock(page, true);
  return origin;
}

async function padsOf(page: Page): Promise<Record<Player, Record<Lane, { x: number; y: number } | null>>> {
  return page.evaluate((lanes) => {
    const of = (p: 0 | 1) => Object.fromEntries(lanes.map((l) => [l, window.drumDiplomacy.padAt(p, l)]));
    return { 0: of(0), 1: of(1) } as Record<0 | 1, Record<Lane, { x: number; y: number } | null>>;
  }, LANES);
}

interface Tap {
  player: Player;
  lane: Lane;
  songTime: number;
}

/**
 * Taps every planned note at its exact instant: taps due together go down in ONE touchStart
 * (both players, chords), each finger lifted 30 ms later. Sent a little ahead of time with the
 * exact timestamps, like the key events of driver.ts's playPlan.
 * Returns the number of touchStart events that put down fingers of both players or a chord.
 */
async function playByTouch(game: GamePage, taps: Tap[]): Promise<{ fingers: number; together: number }> {
  const { page, cdp } = game;
  const origin = await timeOrigin(page);
  const pads = await padsOf(page);
  const sorted = [...taps].sort((a, b) => a.songTime - b.songTime);
  const groups: Tap[][] = [];
  for (const t of sorted) {
    const last = groups[groups.length - 1];
    if (last && Math.abs((last[0] as Tap).songTime - t.songTime) < 1e-6) last.push(t);
    else groups.push([t]);
  }
  const down = new Map<number, TouchPoint>();
  let ups: { at: number; id: number }[] = [];
  const liftUntil = async (until: number) => {
    ups.sort((a, b) => a.at - b.at);
    while (ups.length > 0 && (ups[0] as { at: number }).at <= until) {
      const at = (ups[0] as { at: number }).at;
      const lifted = ups.filter((u) => u.at === at);
      ups = ups.filter((u) => u.at !== at);
      // Chromium lifts the fingers a touchEnd lists (all of them when the list is empty).
      const points = lifted.map((u) => down.get(u.id) as TouchPoint);
      for (const u of lifted) down.delete(u.id);
      await touch(cdp, origin, 'touchEnd', points, at);
    }
  };
  let nextId = 10;
  let fingers = 0;
  let together = 0;
  const AHEAD_S = 20;
  let times = new Map<number, number>();
  for (let gi = 0; gi < groups.length; gi++) {
    const group = groups[gi] as Tap[];
    if (!times.has(gi)) {
      const wanted: number[] = [];
      for (let g = gi; g < groups.length; g++) {
        if (((groups[g] as Tap[])[0] as Tap).songTime > (group[0] as Tap).songTime + AHEAD_S) break;
        wanted.push(g);
      }
      const got = await page.evaluate(
        (items) => items.map(([p, t]) => window.drumDiplomacy.perfTimeOf(p as 0 | 1, t as number)),
        wanted.map((g) => [((groups[g] as Tap[])[0] as Tap).player, ((groups[g] as Tap[])[0] as Tap).songTime]),
      );
      times = new Map(wanted.map((g, k) => [g, got[k] as number]));
    }
    // Both players share the default input offset, so one instant serves the whole group.
    const at = times.get(gi) as number;
    await sleepUntil(origin, at, 120);
    await liftUntil(at);
    const fresh: TouchPoint[] = group.map((t) => {
      const pad = pads[t.player][t.lane];
      if (!pad) throw new Error(`no pad for player ${t.player} ${t.lane}`);
      const p = { id: nextId++, x: pad.x, y: pad.y };
      down.set(p.id, p);
      ups.push({ at: at + 30, id: p.id });
      return p;
    });
    // A touchStart lists every finger down after it (those already down stay where they are).
    await touch(cdp, origin, 'touchStart', [...down.values()], at);
    fingers += fresh.length;
    const players = new Set(group.map((t) => t.player));
    const chord = [0, 1].some((p) => group.filter((t) => t.player === p).length > 1);
    if (players.size === 2 || chord) together++;
  }
  await liftUntil(Number.POSITIVE_INFINITY);
  return { fingers, together };
}

describe('phones: touch play in mobile emulation (844×390, touch, device scale 2)', () => {
  it('a whole duet played by touch, every note tapped on time: both players 1,000,000', async () => {
    await withGame('?song=test-song&mode=duet&p1=normal&p2=normal', PHONE, async (game) => {
      const { page } = game;
      await waitForScene(page, 'Play');
      expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
      // thumb-sized pads: neighbouring pad centres are well over 48 CSS px apart
      const pads = await padsOf(page);
      for (const p of [0, 1] as const) {
        const xs = LANES.map((l) => pads[p][l]?.x as number);
        for (let i = 1; i < xs.length; i++) expect((xs[i] as number) - (xs[i - 1] as number)).toBeGreaterThan(48);
      }
      await countPointerDowns(page);
      await tapToStart(game);
      const taps: Tap[] = [];
      for (const player of [0, 1] as const) {
        for (const n of await notesOf(page, player)) taps.push({ player, lane: n.lane, songTime: n.time });
      }
      const { fingers, together } = await playByTouch(game, taps);
      const r = await waitForResults(page);
      expect(fingers).toBe(taps.length);
      expect(together).toBeGreaterThan(0);
      // one pointerdown per finger (+1 for the tap that started the song)
      expect(await pointerDowns(page)).toBe(fingers + 1);
      for (const p of r?.players ?? []) {
        expect(p.score).toBe(1_000_000);
        expect(p.grade).toBe('SS');
        expect(p.counts.miss).toBe(0);
      }
      expect(r?.harmony).toBe(1);
      expect(game.errors).toEqual([]);
    });
  }, 90_000);

  it('eight fingers of both players in one touchStart (chords) are each judged exactly once', async () => {
    await withGame('?song=test-song&mode=duet&p1=normal&p2=normal', PHONE, async (game) => {
      const { page, cdp } = game;
      await waitForScene(page, 'Play');
      const notes = [await notesOf(page, 0), await notesOf(page, 1)] as const;
      const pads = await padsOf(page);
      await countPointerDowns(page);
      const origin = await tapToStart(game);
      // the first instant where both players have a note and one of them a chord
      const at = (p: Player, t: number) => notes[p].filter((n) => Math.abs(n.time - t) < 1e-6);
      const t = notes[0]
        .map((n) => n.time)
        .find((x) => at(1, x).length > 0 && (at(0, x).length > 1 || at(1, x).length > 1));
      expect(t).toBeDefined();
      const instant = async (): Promise<number> => {
        const at = await page.evaluate((s) => window.drumDiplomacy.perfTimeOf(0, s), t as number);
        if (at === null) throw new Error('the song clock stopped');
        return at;
      };
      let due = await instant();
      // every pad of both players at once: the notes at t, the other lanes are ghost hits
      const points: TouchPoint[] = [];
      for (const p of [0, 1] as const) {
        for (const lane of LANES) {
          const pad = pads[p][lane];
          if (pad) points.push({ id: 20 + points.length, x: pad.x, y: pad.y });
        }
      }
      expect(points).toHaveLength(8);
      await sleepUntil(origin, due, 60);
      // asked again just before sending, and once more after it: a busy machine's audio clock may
      // slip meanwhile (the harness's drift, see PlannedPress.driftMs), which the game follows
      due = await instant();
      await touch(cdp, origin, 'touchStart', points, due + 3);
      await touch(cdp, origin, 'touchEnd', [], due + 60);
      const drift = (await instant()) - due;
      const r = await waitForResults(page);
      expect(await pointerDowns(page)).toBe(1 + 8);
      for (const p of [0, 1] as const) {
        const atT = at(p, t as number);
        expect(atT.length).toBeGreaterThan(0);
        for (const n of atT) {
          const hits = r?.players[p]?.hits.filter((h) => h.noteId === n.id) ?? [];
          expect(hits).toHaveLength(1);
          expect(hits[0]?.judgement).toBe('perfect');
          expect(Math.abs((hits[0]?.offsetMs ?? 99) - (3 - drift))).toBeLessThan(0.5);
        }
        expect(r?.players[p]?.hits.filter((h) => h.judgement !== 'miss')).toHaveLength(atT.length);
      }
      expect(game.errors).toEqual([]);
    });
  }, 90_000);

  it('after one visit it loads and plays offline; the rotate prompt and full-screen button', async () => {
    const baseUrl = inject('baseUrl');
    await withGame('', PHONE, async (game) => {
      const { page, context } = game;
      await waitForScene(page, 'Title');
      await page.evaluate(
        (ms) =>
          Promise.race([
            navigator.serviceWorker.ready,
            new Promise((_, reject) =>
              setTimeout(() => reject(new Error(`the service worker was not ready after ${ms / 1000} s`)), ms),
            ),
          ]).then(() => undefined),
        SCENE_TIMEOUT_MS,
      );
      if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
      await waitUntil(page, () => navigator.serviceWorker.controller !== null, undefined, {
        timeout: SCENE_TIMEOUT_MS,
        message: 'the service worker never controlled the page',
      });
      // every file this visit loaded is in the precache (not merely in the HTTP cache)
      const missing = await page.evaluate(async () => {
        const cached = new Set<string>();
        for (const name of await caches.keys()) {
          for (const req of await (await caches.open(name)).keys()) cached.add(req.url.split('?')[0] as string);
        }
        const loaded = performance
          .getEntriesByType('resource')
          .map((e) => e.name.split('?')[0] as string)
          .filter((u) => u.startsWith(location.origin) && !u.endsWith('/sw.js'));
        return [...new Set([location.href.split('?')[0] as string, ...loaded])].filter(
          (u) => !cached.has(u) && !cached.has(`${u}index.html`),
        );
      });
      expect(missing).toEqual([]);

      await context.setOffline(true);
      await page.reload();
      await waitForScene(page, 'Title');
      const songs = await page.evaluate(() => window.drumDiplomacy.songs().map((s) => s.id));
      expect(songs).toContain('test-song');
      expect(songs.length).toBeGreaterThan(1);

      await page.goto(`${baseUrl}?song=test-song&mode=duet`);
      await waitForScene(page, 'Play');

      // the full-screen toggle: top-right, labelled, at least 44×44 CSS px
      const button = await page.evaluate(() => {
        const b = document.querySelector<HTMLButtonElement>('button.fullscreen-toggle');
        const r = b?.getBoundingClientRect();
        return b && r && { label: b.getAttribute('aria-label'), hidden: b.hidden, ...r.toJSON() };
      });
      expect(button?.label).toBe('Full screen');
      expect(button?.hidden).toBe(false);
      expect(button?.width).toBeGreaterThanOrEqual(44);
      expect(button?.height).toBeGreaterThanOrEqual(44);
      expect(button?.right).toBeGreaterThan(844 - 60);
      expect(button?.top).toBeLessThan(20);

      // Play in portrait asks to turn the device; landscape and the menus do not
      const prompt = () => page.evaluate(() => document.querySelector<HTMLElement>('.rotate-prompt')?.hidden ?? null);
      expect(await prompt()).toBe(true);
      await page.setViewportSize({ width: 390, height: 844 });
      await waitForHidden(page, '.rotate-prompt', false);
      expect(await page.locator('.rotate-prompt').textContent()).toContain('Turn your device sideways to play');
      await page.setViewportSize({ width: 844, height: 390 });
      await waitForHidden(page, '.rotate-prompt', true);

      // and the song starts and runs offline (the audio is synthesised)
      await tapToStart(game);
      expect(game.errors).toEqual([]);
    });
  }, 60_000);
});
