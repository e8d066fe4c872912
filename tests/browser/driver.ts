import {
  type Browser,
  type BrowserContext,
  type CDPSession,
  chromium,
  type Page,
  errors as playwright,
} from 'playwright-core';
import { LANES, type Lane, PLAYERS, type PlayerId } from '../../src/core/units';

/**
 * Drives the built game in headless Chromium through the automation contract. Plain Node (no
 * Vitest), so `npm run bench` uses it too; tests/browser/harness.ts binds it to a test file
 * (`useBrowser`, `withGame`).
 *
 * Every wait here has a limit and says what it was waiting for when the limit passes.
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

/** One page of the game. */
export interface GamePage {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  /** Uncaught page errors and console errors, oldest first. */
  errors: string[];
}

/** The game as `withGame` hands it to a test: its first page, and a door to more pages. */
export interface Game extends GamePage {
  /** Opens `query` in another page of the same context (settings saved by the first carry over). */
  open(query: string): Promise<GamePage>;
}

export interface GameOptions {
  viewport?: { width: number; height: number };
  /** localStorage entries set before the game's scripts run. */
  storage?: Record<string, string>;
  /** The browser's language (navigator.languages), e.g. 'ja-JP': the game starts in it. */
  locale?: string;
  /** Mobile emulation (tests/browser/mobile.test.ts). */
  hasTouch?: boolean;
  isMobile?: boolean;
  deviceScaleFactor?: number;
  /**
   * Runs in every page of the context before the game's own scripts (e.g. to break localStorage,
   * or to stand in for Web MIDI and gamepads), with `initArg` as its argument.
   */
  // biome-ignore lint/suspicious/noExplicitAny: Playwright serialises the function and passes initArg to it.
  initScript?: (arg: any) => void;
  initArg?: unknown;
  /**
   * Fails the test after its body when a page logged an error not matched by `allowErrors`.
   * Off by default: most tests assert `game.errors` themselves, at the moment that matters.
   */
  failOnPageErrors?: boolean;
  allowErrors?: RegExp;
  /** Service workers off (so every request reaches `route`); on by default, as for players. */
  serviceWorkers?: 'allow' | 'block';
  /** Sets up request interception on the context before the first page loads. */
  route?: (context: BrowserContext) => Promise<void>;
}

/** How long a page may take to load the game and install `window.drumDiplomacy`. */
const LOAD_TIMEOUT_MS = 30_000;
/** How long a scene change, or the song clock starting or stopping, may take (on a busy machine). */
export const SCENE_TIMEOUT_MS = 20_000;

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/** The active scene's key, or what stands in its way, for failure messages. */
export async function currentScene(page: Page): Promise<string> {
  try {
    return await page.evaluate(() =>
      typeof window.drumDiplomacy === 'undefined' ? '(no game hook yet)' : window.drumDiplomacy.scene(),
    );
  } catch (e) {
    return `(page unreadable: ${String(e).split('\n')[0]})`;
  }
}

/**
 * `page.waitForFunction` with a required limit: when it passes, throws `message` (a string, or a
 * function of the elapsed time that may read the page) instead of Playwright's generic timeout.
 */
export async function waitUntil<Arg>(
  page: Page,
  predicate: (arg: Arg) => unknown,
  arg: Arg,
  limit: {
    timeout: number;
    message: string | ((elapsed: string) => Promise<string> | string);
    polling?: 'raf' | number;
  },
): Promise<void> {
  try {
    // The cast only drops Playwright's argument unboxing types; `arg` is plain data.
    await page.waitForFunction(predicate as (a: unknown) => unknown, arg as unknown, {
      timeout: limit.timeout,
      polling: limit.polling ?? 'raf',
    });
  } catch (e) {
    if (!(e instanceof playwright.TimeoutError)) throw e;
    const { message } = limit;
    const text =
      typeof message === 'string'
        ? `${message} (after ${seconds(limit.timeout)})`
        : await message(seconds(limit.timeout));
    throw new Error(text, { cause: e });
  }
}

/** Waits until the game's active scene is `scene`. */
export async function waitForScene(
  page: Page,
  scene: string,
  timeout = SCENE_TIMEOUT_MS,
  polling?: 'raf' | number,
): Promise<void> {
  await waitUntil(
    page,
    (s) => typeof window.drumDiplomacy !== 'undefined' && window.drumDiplomacy.scene() === s,
    scene,
    {
      timeout,
      polling,
      message: async (after) => {
        const now = await currentScene(page);
        return now === scene
          ? `scene became ${scene} only after the ${after} limit`
          : `scene never became ${scene} (still ${now} after ${after})`;
      },
    },
  );
}

/** Waits until the song clock runs (`running`) or has stopped (`!running`): `perfTimeOf(0, 0)`. */
export async function waitForSongClock(page: Page, running: boolean, timeout = SCENE_TIMEOUT_MS): Promise<void> {
  await waitUntil(page, (r) => (window.drumDiplomacy.perfTimeOf(0, 0) !== null) === r, running, {
    timeout,
    message: async (after) =>
      `the song clock ${running ? 'never started' : 'never stopped'} (scene ${await currentScene(page)} after ${after})`,
  });
}

/** Waits for `selector` to be shown (`hidden` false) or hidden. */
export async function waitForHidden(page: Page, selector: string, hidden: boolean, timeout = SCENE_TIMEOUT_MS) {
  await waitUntil(page, ([s, h]) => document.querySelector<HTMLElement>(s)?.hidden === h, [selector, hidden] as const, {
    timeout,
    message: `${selector} was never ${hidden ? 'hidden' : 'shown'}`,
  });
}

/** Opens `url` in a new page of `context`; its error list joins `errorLists` at once (should loading fail). */
async function openPage(context: BrowserContext, url: string, errorLists: string[][]): Promise<GamePage> {
  const page = await context.newPage();
  const errors: string[] = [];
  errorLists.push(errors);
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url, { timeout: LOAD_TIMEOUT_MS });
  await waitUntil(page, () => typeof window.drumDiplomacy !== 'undefined', undefined, {
    timeout: LOAD_TIMEOUT_MS,
    message: `the game never installed window.drumDiplomacy at ${url}`,
  });
  return { context, page, cdp: await context.newCDPSession(page), errors };
}

/**
 * Runs `body` in a new page of a fresh browser context that is closed afterwards, whether `body`
 * passes or throws: for tests of something other than the game (about:blank).
 */
export async function withPageAt<T>(browser: Browser, body: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext();
  try {
    return await body(await context.newPage());
  } finally {
    await context.close();
  }
}

/**
 * Opens the game at `baseUrl + query` (e.g. "?song=test-song&mode=duet&p1=hard&p2=hard") in a new
 * browser context, runs `body`, and always closes the context, whether `body` passes or throws.
 * When loading or `body` throws, the page errors seen so far are added to its message.
 */
export async function withGameAt<T>(
  browser: Browser,
  baseUrl: string,
  query: string,
  options: GameOptions,
  body: (game: Game) => Promise<T>,
): Promise<T> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 720 },
    hasTouch: options.hasTouch ?? false,
    isMobile: options.isMobile ?? false,
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    serviceWorkers: options.serviceWorkers ?? 'allow',
    ...(options.locale ? { locale: options.locale } : {}),
  });
  const errorLists: string[][] = [];
  const allErrors = () => errorLists.flat();
  try {
    if (options.initScript) await context.addInitScript(options.initScript, options.initArg);
    if (options.route) await options.route(context);
    if (options.storage) {
      await context.addInitScript((entries) => {
        for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
      }, options.storage);
    }
    const open = (q: string) => openPage(context, `${baseUrl}${q}`, errorLists);
    let result: T;
    try {
      result = await body({ ...(await open(query)), open });
    } catch (e) {
      const seen = allErrors();
      if (e instanceof Error && seen.length > 0) e.message += `\n\npage errors seen:\n  ${seen.join('\n  ')}`;
      throw e;
    }
    if (options.failOnPageErrors) {
      const unexpected = allErrors().filter((e) => !options.allowErrors?.test(e));
      if (unexpected.length > 0) throw new Error(`unexpected page errors:\n  ${unexpected.join('\n  ')}`);
    }
    return result;
  } finally {
    await context.close();
  }
}

/** Epoch milliseconds of the page's performance.now() zero, as CDP input timestamps want. */
export async function timeOrigin(page: Page): Promise<number> {
  return page.evaluate(() => performance.timeOrigin);
}

/** Longest a test sleeps until a page instant: anything further off means a clock gone wrong. */
const SLEEP_LIMIT_MS = 60_000;

/**
 * Sleeps until `leadMs` before the page instant `perfTime` (page performance ms; `origin` from
 * `timeOrigin`). Returns at once when that is past; fails, instead of sleeping, when it is more
 * than a minute away or not a number.
 */
export async function sleepUntil(origin: number, perfTime: number, leadMs = 0): Promise<void> {
  const wait = perfTime - leadMs - (Date.now() - origin);
  if (!(wait <= SLEEP_LIMIT_MS)) {
    throw new Error(`page instant ${perfTime} ms is ${seconds(wait)} away: over the ${seconds(SLEEP_LIMIT_MS)} limit`);
  }
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
}

/** The page's performance.now(). */
export async function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
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

/** Presses and releases `code` now (released 5 ms later). */
export async function tapKey(game: GamePage, code: string): Promise<void> {
  const origin = await timeOrigin(game.page);
  const now = await pageNow(game.page);
  await key(game.cdp, origin, 'keyDown', code, now);
  await key(game.cdp, origin, 'keyUp', code, now + 5);
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
 * Instants are fetched for this many seconds of groups at once (a page round trip costs up to
 * half a second under 6x throttling), and the next window is fetched in the background while
 * this one is played. On a busy machine the audio clock loses 10 ms now and then; the game slews
 * its clock relation toward it at 1 ms a second, so an instant fetched this far ahead is at most
 * a millisecond or two off by the time it is used (`PlannedPress.driftMs` says by how much).
 */
const FETCH_AHEAD_S = 1.5;
/** Each group's instants are asked for again this long (plus a round trip) before it is sent... */
const FRESH_LEAD_MS = 60;
/** ...together with the groups due within this many seconds after it. */
const FRESH_SPAN_S = 0.25;

export interface PlannedPress {
  player: PlayerId;
  lane: Lane;
  /** Song time of the note aimed at. */
  songTime: number;
  /** How far from the note the press is sent (positive = late). */
  offsetMs: number;
  /**
   * Set by playPlan once the press is in the past: how far the game's clock moved between
   * fetching the press's instant and judging it (the instant of its song time, asked again
   * afterwards, minus the one used). The press was judged at `offsetMs - driftMs`.
   */
  driftMs?: number;
}

/** The offset a played press was really judged at, the clock's drift taken out. */
export function sentOffsetMs(p: PlannedPress): number {
  return p.offsetMs - (p.driftMs ?? 0);
}

export type HookNote = { id: string; time: number; lane: Lane; unison: boolean };

export async function notesOf(page: Page, player: PlayerId): Promise<HookNote[]> {
  return page.evaluate((p) => window.drumDiplomacy.notes(p), player);
}

/** Presses every note of both players' charts with a per-press offset chosen by `offset`. */
export async function planAll(
  page: Page,
  offset: (player: PlayerId, note: HookNote, index: number) => number,
): Promise<PlannedPress[]> {
  const plan: PlannedPress[] = [];
  for (const player of PLAYERS) {
    const notes = await notesOf(page, player);
    notes.forEach((n, i) => {
      plan.push({ player, lane: n.lane, songTime: n.time, offsetMs: offset(player, n, i) });
    });
  }
  return plan.sort((a, b) => a.songTime + a.offsetMs / 1000 - (b.songTime + b.offsetMs / 1000));
}

/** Waits for Play, sends the unlocking key and waits until the song clock runs. */
export async function startSong(game: GamePage): Promise<number> {
  const { page } = game;
  await waitForScene(page, 'Play');
  await tapKey(game, 'Space');
  await waitForSongClock(page, true);
  return timeOrigin(page);
}

/**
 * Plays a plan in real time. Presses due together form a group; each group is sent just
 * before it is due, every key event stamped with the exact instant from `perfTimeOf`. Those
 * instants are fetched ahead in one call (see FETCH_AHEAD_S), and fetched again after
 * `onBeforeGroup` returns true (a pause). Fails when the song clock gives no instant for
 * `SCENE_TIMEOUT_MS` (it stopped, or the song ended early).
 * Returns the number of key events sent.
 */
export async function playPlan(
  game: GamePage,
  plan: PlannedPress[],
  options: {
    keyCodes?: string[][];
    /**
     * Sends each group's presses some other way than as keys (scripted MIDI kits, gamepads,
     * touches), each with its exact page instant; it returns the number of key events it sent.
     */
    send?: (presses: { press: PlannedPress; at: number }[]) => Promise<number>;
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
  const ask = (wanted: number[]) =>
    page.evaluate(
      (items) => items.map((group) => group.map(([p, t]) => window.drumDiplomacy.perfTimeOf(p as 0 | 1, t as number))),
      wanted.map((g) => (groups[g] as PlannedPress[]).map((x) => [x.player, x.songTime] as const)),
    );
  const startOf = (g: number) => (groups[g] as PlannedPress[])[0]?.songTime ?? Number.POSITIVE_INFINITY;
  const fetchFrom = async (gi: number) => {
    const wanted: number[] = [];
    for (let g = gi; g < groups.length && startOf(g) <= startOf(gi) + FETCH_AHEAD_S; g++) wanted.push(g);
    const times = await ask(wanted);
    wanted.forEach((g, k) => {
      const list = times[k] as (number | null)[];
      if (list.every((t) => t !== null)) cache.set(g, list as number[]);
    });
  };
  let refreshing: Promise<void> | null = null;
  /** Fetches the window after the cached one while this one plays. */
  const refreshAfter = (gi: number) => {
    let last = gi;
    while (cache.has(last + 1)) last++;
    if (refreshing || last + 1 >= groups.length || startOf(last + 1) > startOf(gi) + FETCH_AHEAD_S) return;
    refreshing = fetchFrom(last + 1)
      .catch(() => {})
      .finally(() => {
        refreshing = null;
      });
  };
  /** Sent groups whose instants are asked again once they are in the past (their drift). */
  const used = new Map<number, number[]>();
  const settleDrift = async (until: number) => {
    const due = [...used.keys()].filter((g) => Math.max(...(used.get(g) as number[])) < until);
    if (due.length === 0) return;
    const again = await ask(due);
    due.forEach((g, k) => {
      const now = again[k] as (number | null)[];
      (groups[g] as PlannedPress[]).forEach((p, i) => {
        const before = (used.get(g) as number[])[i] as number;
        const after = now[i];
        if (after !== null && after !== undefined) p.driftMs = after - before;
      });
      used.delete(g);
    });
  };
  const code = (p: PlannedPress) => options.keyCodes?.[p.player]?.[LANES.indexOf(p.lane)] as string;
  const sendAhead = options.sendAheadMs ?? SEND_AHEAD_MS;
  /** Groups whose instants were asked for again just before they are due. */
  const fresh = new Set<number>();
  /** A page round trip, ms (measured as we go). */
  let rtt = 30;
  let sent = 0;
  const inFlight: Promise<void>[] = [];
  for (let gi = 0; gi < groups.length; gi++) {
    const group = groups[gi] as PlannedPress[];
    if (options.onBeforeGroup && (await options.onBeforeGroup((group[0] as PlannedPress).songTime))) {
      await refreshing;
      cache.clear();
      fresh.clear();
      used.clear();
    }
    const deadline = Date.now() + SCENE_TIMEOUT_MS;
    while (!cache.has(gi)) {
      await fetchFrom(gi);
      if (cache.has(gi)) break;
      if (Date.now() > deadline) {
        throw new Error(
          `the song clock gave no instant for the presses at ${(group[0] as PlannedPress).songTime.toFixed(3)} s ` +
            `(scene ${await currentScene(page)} after ${seconds(SCENE_TIMEOUT_MS)})`,
        );
      }
      await page.waitForTimeout(50);
    }
    refreshAfter(gi);
    // The instants were fetched up to FETCH_AHEAD_S ago: wait until shortly before the group is
    // due, then ask again for it (and the groups right after it), so that a slip of the audio
    // clock in between (a busy machine) is already in the instants the keys are stamped with.
    const rough = Math.min(...(cache.get(gi) as number[]).map((t, k) => t + (group[k] as PlannedPress).offsetMs));
    if (!fresh.has(gi)) {
      await sleepUntil(origin, rough, sendAhead + FRESH_LEAD_MS + rtt);
      const soon: number[] = [];
      for (let g = gi; g < groups.length && startOf(g) <= startOf(gi) + FRESH_SPAN_S; g++) soon.push(g);
      const asked = Date.now();
      const again = await ask(soon);
      rtt = 0.7 * rtt + 0.3 * (Date.now() - asked);
      soon.forEach((g, k) => {
        const list = again[k] as (number | null)[];
        if (list.every((t) => t !== null)) {
          cache.set(g, list as number[]);
          fresh.add(g);
        }
      });
    }
    const instants = cache.get(gi) as number[];
    const times = instants.map((t, k) => t + (group[k] as PlannedPress).offsetMs);
    // Sent a little ahead: under CPU throttling a page round trip alone can take 150 ms.
    await sleepUntil(origin, Math.min(...times), sendAhead);
    // Not awaited one by one: CDP keeps the order, and waiting for each event's round trip
    // (a whole frame under throttling) would make the next presses late.
    if (options.send) {
      const sending = options.send(group.map((press, k) => ({ press, at: times[k] as number })));
      inFlight.push(
        sending.then((n) => {
          sent += n;
        }),
      );
    } else {
      for (const [k, p] of group.entries()) inFlight.push(key(cdp, origin, 'keyDown', code(p), times[k] as number));
      for (const [k, p] of group.entries()) {
        inFlight.push(key(cdp, origin, 'keyUp', code(p), (times[k] as number) + 30));
      }
      sent += 2 * group.length;
    }
    used.set(gi, instants);
    cache.delete(gi);
    fresh.delete(gi);
    // Now and then, the drift of presses already in the past (their instants no longer move).
    if (gi % 16 === 15) await settleDrift(Date.now() - origin - 50);
  }
  await Promise.all(inFlight);
  const lastUsed = Math.max(0, ...[...used.values()].flat());
  await sleepUntil(origin, lastUsed + 60);
  await settleDrift(Number.POSITIVE_INFINITY);
  await refreshing;
  return sent;
}

/** The key bound to each player's drums, indexed [player][LANES index]. */
export async function keyCodes(page: Page): Promise<string[][]> {
  return page.evaluate(
    ({ players, lanes }) => players.map((p) => lanes.map((l) => window.drumDiplomacy.keyFor(p, l))),
    { players: [...PLAYERS], lanes: [...LANES] },
  );
}

/** Waits for the finished song's results and returns them. */
export async function waitForResults(page: Page, timeout = 60_000) {
  await waitUntil(page, () => window.drumDiplomacy.results() !== null, undefined, {
    timeout,
    message: async (after) => `the song never finished: no results (scene ${await currentScene(page)} after ${after})`,
  });
  return page.evaluate(() => window.drumDiplomacy.results());
}
