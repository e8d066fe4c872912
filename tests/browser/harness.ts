import { type Browser, type BrowserContext, type CDPSession, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';

const baseUrl = () => process.env.DD_BASE_URL ?? inject('baseUrl');

/** Launches the system Chromium headless, as the game needs it (audio without a gesture). */
export async function launch(): Promise<Browser> {
  const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--autoplay-policy=no-user-gesture-required',
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows',
    ],
  });
}

export interface GamePage {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  errors: string[];
}

/** Opens the game at `query` (e.g. "?song=test-song&mode=duet&p1=hard&p2=hard"). */
export async function openGame(
  browser: Browser,
  query = '',
  options: { viewport?: { width: number; height: number }; storage?: Record<string, string> } = {},
): Promise<GamePage> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 720 } });
  if (options.storage) {
    await context.addInitScript((entries) => {
      for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
    }, options.storage);
  }
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`${baseUrl()}${query}`);
  await page.waitForFunction(() => typeof window.drumDiplomacy !== 'undefined');
  const cdp = await context.newCDPSession(page);
  return { context, page, cdp, errors };
}

/** Epoch seconds for a performance.now() instant of the page, as CDP input timestamps want. */
export async function timeOrigin(page: Page): Promise<number> {
  return page.evaluate(() => performance.timeOrigin);
}

const KEY_TEXT: Record<string, string> = {
  KeyA: 'a',
  KeyS: 's',
  KeyD: 'd',
  KeyF: 'f',
  KeyJ: 'j',
  KeyK: 'k',
  KeyL: 'l',
  Semicolon: ';',
};

/** Sends a trusted key event whose event.timeStamp is `perfTime` (ms, page performance time). */
export async function key(
  cdp: CDPSession,
  origin: number,
  type: 'keyDown' | 'keyUp',
  code: string,
  perfTime: number,
  autoRepeat = false,
): Promise<void> {
  const text = KEY_TEXT[code] ?? '';
  await cdp.send('Input.dispatchKeyEvent', {
    type: type === 'keyDown' && text ? 'keyDown' : type,
    code,
    key: text || code,
    text: type === 'keyDown' ? text : undefined,
    windowsVirtualKeyCode: text ? text.toUpperCase().charCodeAt(0) : 0,
    autoRepeat,
    timestamp: (origin + perfTime) / 1000,
  });
}

/** Waits until the page's performance.now() passes `perfTime`. */
export async function waitUntilPerf(page: Page, perfTime: number): Promise<void> {
  const now = await page.evaluate(() => performance.now());
  if (perfTime > now) await page.waitForTimeout(perfTime - now);
}

export interface PlannedPress {
  player: 0 | 1;
  lane: 'hihat' | 'snare' | 'tom' | 'kick';
  /** Song time of the note aimed at. */
  songTime: number;
  /** How far from the note the press is sent (positive = late). */
  offsetMs: number;
}

type HookNote = { id: string; time: number; lane: PlannedPress['lane']; unison: boolean };

export async function notesOf(page: Page, player: 0 | 1): Promise<HookNote[]> {
  return page.evaluate((p) => window.drumDiplomacy.notes(p), player);
}

/** Presses every note of both players' charts with a per-press offset chosen by `offset`. */
export async function planAll(
  page: Page,
  offset: (player: 0 | 1, note: HookNote, index: number) => number,
): Promise<PlannedPress[]> {
  const plan: PlannedPress[] = [];
  for (const player of [0, 1] as const) {
    const notes = await notesOf(page, player);
    notes.forEach((n, i) => {
      plan.push({ player, lane: n.lane, songTime: n.time, offsetMs: offset(player, n, i) });
    });
  }
  return plan.sort((a, b) => a.songTime + a.offsetMs / 1000 - (b.songTime + b.offsetMs / 1000));
}

/** Sends the unlocking key and waits until the song clock runs. */
export async function startSong(game: GamePage): Promise<number> {
  const { page, cdp } = game;
  await page.waitForFunction(() => window.drumDiplomacy.scene() === 'Play');
  const origin = await timeOrigin(page);
  const now = await page.evaluate(() => performance.now());
  await key(cdp, origin, 'keyDown', 'Space', now);
  await key(cdp, origin, 'keyUp', 'Space', now + 5);
  await page.waitForFunction(() => window.drumDiplomacy.perfTimeOf(0, 0) !== null, undefined, { timeout: 15_000 });
  return origin;
}

/**
 * Plays a plan in real time: each group of presses is sent shortly before it is due, with
 * the exact event timestamp from `perfTimeOf` (asked just before sending, so a pause and
 * resume in between is followed).
 */
export async function playPlan(
  game: GamePage,
  plan: PlannedPress[],
  options: { keyCodes: string[][]; onBeforeGroup?: (songTime: number) => Promise<void> } = { keyCodes: [] },
): Promise<number> {
  const { page, cdp } = game;
  const origin = await timeOrigin(page);
  let sent = 0;
  let i = 0;
  while (i < plan.length) {
    const first = plan[i] as PlannedPress;
    const groupEnd = first.songTime + first.offsetMs / 1000 + 0.004;
    const group: PlannedPress[] = [];
    while (i < plan.length) {
      const p = plan[i] as PlannedPress;
      if (p.songTime + p.offsetMs / 1000 > groupEnd) break;
      group.push(p);
      i++;
    }
    if (options.onBeforeGroup) await options.onBeforeGroup(first.songTime);
    // Wait until the first press of the group is ~25 ms away.
    for (;;) {
      const due = await page.evaluate(([p, t]) => window.drumDiplomacy.perfTimeOf(p as 0 | 1, t as number), [
        first.player,
        first.songTime,
      ] as const);
      if (due === null) {
        await page.waitForTimeout(50);
        continue;
      }
      const wait = due + first.offsetMs - 25 - (Date.now() - origin);
      if (process.env.DD_DEBUG) console.log('wait', wait, due, Date.now() - origin);
      if (wait > 0) await page.waitForTimeout(Math.min(wait, 500));
      if (wait <= 500) break;
    }
    const times = await page.evaluate(
      (items) => items.map(([p, t]) => window.drumDiplomacy.perfTimeOf(p as 0 | 1, t as number)),
      group.map((g) => [g.player, g.songTime] as const),
    );
    const codes = group.map(
      (g) => options.keyCodes[g.player]?.[['hihat', 'snare', 'tom', 'kick'].indexOf(g.lane)] ?? '',
    );
    for (const [k, g] of group.entries()) {
      const at = (times[k] as number) + g.offsetMs;
      if (process.env.DD_DEBUG) console.log('down', codes[k], at);
      await key(cdp, origin, 'keyDown', codes[k] as string, at);
      sent++;
    }
    for (const [k, g] of group.entries()) {
      const at = (times[k] as number) + g.offsetMs + 30;
      await key(cdp, origin, 'keyUp', codes[k] as string, at);
      sent++;
    }
  }
  return sent;
}

export async function keyCodes(page: Page): Promise<string[][]> {
  return page.evaluate(() =>
    ([0, 1] as const).map((p) =>
      (['hihat', 'snare', 'tom', 'kick'] as const).map((l) => window.drumDiplomacy.keyFor(p, l)),
    ),
  );
}

export async function waitForResults(page: Page, timeout = 60_000) {
  await page.waitForFunction(() => window.drumDiplomacy.results() !== null, undefined, { timeout });
  return page.evaluate(() => window.drumDiplomacy.results());
}
