import { type Browser, type BrowserContext, type CDPSession, chromium, type Page } from 'playwright-core';

/**
 * Drives the built game in headless Chromium through the automation contract. Used by the
 * browser tests (tests/browser/harness.ts adds the served URL) and by `npm run bench`.
 */

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
  baseUrl: string,
  query = '',
  options: {
    viewport?: { width: number; height: number };
    storage?: Record<string, string>;
    /** Mobile emulation (tests/browser/mobile.test.ts). */
    hasTouch?: boolean;
    isMobile?: boolean;
    deviceScaleFactor?: number;
  } = {},
): Promise<GamePage> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 720 },
    hasTouch: options.hasTouch ?? false,
    isMobile: options.isMobile ?? false,
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
  });
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
  await page.goto(`${baseUrl}${query}`);
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

export interface TouchPoint {
  id: number;
  x: number;
  y: number;
}

/**
 * Sends a trusted touch event whose event.timeStamp is `perfTime` (ms, page performance time).
 * touchStart lists every finger down after the event (those already down stay put; only new
 * ids make a pointerdown). As Chromium 156 behaves (mobile.test.ts relies on it, and checks it),
 * touchEnd lifts the fingers it lists, and all of them when the list is empty.
 */
export async function touch(
  cdp: CDPSession,
  origin: number,
  type: 'touchStart' | 'touchMove' | 'touchEnd' | 'touchCancel',
  points: TouchPoint[],
  perfTime: number,
): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', {
    type,
    touchPoints: points.map((p) => ({ id: p.id, x: p.x, y: p.y, radiusX: 4, radiusY: 4, force: 1 })),
    timestamp: (origin + perfTime) / 1000,
  });
}

const SEND_AHEAD_MS = 120;
/**
 * Instants are fetched for this many seconds of groups at once: a page round trip costs up
 * to half a second under 6x throttling. The clock relation they come from only moves when
 * the audio clock drifts by more than 2 ms, which the tests would then see as errors.
 */
const FETCH_AHEAD_S = 30;

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
 * Plays a plan in real time. Presses due together form a group; each group is sent just
 * before it is due, every key event stamped with the exact instant from `perfTimeOf`. Those
 * instants are fetched ahead in one call (see FETCH_AHEAD_S), and fetched again after
 * `onBeforeGroup` returns true (a pause).
 * Returns the number of key events sent.
 */
export async function playPlan(
  game: GamePage,
  plan: PlannedPress[],
  options: {
    keyCodes: string[][];
    onBeforeGroup?: (songTime: number) => Promise<boolean | undefined>;
    /** How early each group is sent (default SEND_AHEAD_MS); 0 sends it when due. */
    sendAheadMs?: number;
  },
): Promise<number> {
  const { page, cdp } = game;
  const origin = await timeOrigin(page);
  const groups: PlannedPress[][] = [];
  for (const p of plan) {
    const last = groups[groups.length - 1];
    const head = last?.[0];
    if (head && p.songTime + p.offsetMs / 1000 <= head.songTime + head.offsetMs / 1000 + 0.004) last.push(p);
    else groups.push([p]);
  }
  const cache = new Map<number, number[]>();
  const fetchFrom = async (gi: number) => {
    const startOf = (g: number) => (groups[g] as PlannedPress[])[0]?.songTime ?? Number.POSITIVE_INFINITY;
    const wanted: number[] = [];
    for (let g = gi; g < groups.length && startOf(g) <= startOf(gi) + FETCH_AHEAD_S; g++) wanted.push(g);
    const times = await page.evaluate(
      (items) => items.map((group) => group.map(([p, t]) => window.drumDiplomacy.perfTimeOf(p as 0 | 1, t as number))),
      wanted.map((g) => (groups[g] as PlannedPress[]).map((x) => [x.player, x.songTime] as const)),
    );
    wanted.forEach((g, k) => {
      const list = times[k] as (number | null)[];
      if (list.every((t) => t !== null)) cache.set(g, list as number[]);
    });
  };
  const code = (p: PlannedPress) =>
    options.keyCodes[p.player]?.[['hihat', 'snare', 'tom', 'kick'].indexOf(p.lane)] as string;
  let sent = 0;
  const inFlight: Promise<void>[] = [];
  for (let gi = 0; gi < groups.length; gi++) {
    const group = groups[gi] as PlannedPress[];
    if (options.onBeforeGroup && (await options.onBeforeGroup((group[0] as PlannedPress).songTime))) cache.clear();
    while (!cache.has(gi)) {
      await fetchFrom(gi);
      if (!cache.has(gi)) await page.waitForTimeout(50);
    }
    const times = (cache.get(gi) as number[]).map((t, k) => t + (group[k] as PlannedPress).offsetMs);
    // Sent a little ahead: under CPU throttling a page round trip alone can take 150 ms.
    const wait = Math.min(...times) - (options.sendAheadMs ?? SEND_AHEAD_MS) - (Date.now() - origin);
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    // Not awaited one by one: CDP keeps the order, and waiting for each event's round trip
    // (a whole frame under throttling) would make the next presses late.
    for (const [k, p] of group.entries()) inFlight.push(key(cdp, origin, 'keyDown', code(p), times[k] as number));
    for (const [k, p] of group.entries()) inFlight.push(key(cdp, origin, 'keyUp', code(p), (times[k] as number) + 30));
    sent += 2 * group.length;
    cache.delete(gi);
  }
  await Promise.all(inFlight);
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
