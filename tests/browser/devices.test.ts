import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/core/random';
import { LANES, type Lane, type PlayerId } from '../../src/core/units';
import { type FakeDeviceOptions, installFakeDevices, midiPlug } from './fakeDevices';
import {
  type GameOptions,
  key,
  keyCodes,
  notesOf,
  type PlannedPress,
  pageNow,
  planAll,
  playPlan,
  SCENE_TIMEOUT_MS,
  sentOffsetMs,
  sleepUntil,
  startSong,
  tapKey,
  timeOrigin,
  touch,
  useBrowser,
  waitForResults,
  waitForScene,
  waitForSongClock,
  waitUntil,
  withGame,
} from './harness';

/**
 * MIDI drum kits and gamepads (issue 12), played by scripted devices: a stand-in Web MIDI whose
 * ports fire midimessage events with exact timeStamps, and stand-in gamepads with exact
 * timestamps (./fakeDevices.ts). Every hit is judged by its device's own stamp.
 */

useBrowser();

const SETTINGS_KEY = 'drumDiplomacy.settings';
/** The notes a scripted kit sends per lane (General MIDI), and a standard gamepad's buttons. */
const NOTE: Record<Lane, number> = { hihat: 42, snare: 38, tom: 48, kick: 36 };
const BUTTON: Record<Lane, number> = { hihat: 3, snare: 1, tom: 2, kick: 4 };

type Profile = {
  kind: 'midi' | 'gamepad';
  name: string;
  player?: 0 | 1 | null;
  offsetMs?: number;
  thresholds?: Record<Lane, number>;
};

/** A saved settings document: defaults, MIDI turned on earlier, these device profiles. */
function savedSettings(profiles: Profile[] = [], offsets: [number, number] = [0, 0]): Record<string, string> {
  const settings = {
    volumes: { master: 0.9, music: 0.7, drums: 1 },
    players: [{ inputOffsetMs: offsets[0] }, { inputOffsetMs: offsets[1] }],
    visualOffsetMs: 0,
    bindings: {
      keyboard: [
        { hihat: 'KeyA', snare: 'KeyS', tom: 'KeyD', kick: 'KeyF' },
        { hihat: 'KeyJ', snare: 'KeyK', tom: 'KeyL', kick: 'Semicolon' },
      ],
    },
    noteSpeed: 1.4,
    language: 'en',
    reducedMotion: false,
    highContrast: false,
    hitSounds: true,
    vibration: true,
    calibrationOffered: true,
    devices: { midi: true, profiles },
  };
  return { [SETTINGS_KEY]: JSON.stringify({ version: 3, settings }) };
}

function withDevices(fake: FakeDeviceOptions, more: GameOptions = {}): GameOptions {
  return { ...more, initScript: installFakeDevices, initArg: fake };
}

/** How each player's presses are sent. */
type Route =
  | { kind: 'midi'; port: string }
  | { kind: 'keys' }
  | { kind: 'pad'; index: number }
  | { kind: 'touch'; pads: Record<PlayerId, Record<Lane, { x: number; y: number } | null>> };

/**
 * A `send` for playPlan: each press through its player's device, with its exact instant. MIDI:
 * a note-on, and its release (stamped 30 ms on) as a note-on of velocity 0 in running status.
 * Gamepad: a reading with the button held, then one without (stamped 40 ms on). Keys and
 * touches through CDP.
 */
function sender(
  page: Page,
  cdp: CDPSession,
  origin: number,
  route: (p: PlannedPress) => Route,
  codes: string[][] = [],
) {
  let finger = 1;
  // Touches go out in order, one event per instant: a touchStart lists every finger down after
  // it, and fingers are lifted (a touchEnd listing them) 30 ms after they went down.
  const down = new Map<number, { id: number; x: number; y: number; up: number }>();
  let touchChain: Promise<void> = Promise.resolve();
  const liftUntil = async (until: number) => {
    const due = [...down.values()].filter((f) => f.up <= until).sort((a, b) => a.up - b.up);
    for (const f of due) {
      down.delete(f.id);
      await touch(cdp, origin, 'touchEnd', [f], f.up);
    }
  };
  return async (presses: { press: PlannedPress; at: number }[]): Promise<number> => {
    const midi: { port: string; note: number; at: number }[] = [];
    const pads: { index: number; button: number; at: number }[] = [];
    const sends: Promise<void>[] = [];
    let keys = 0;
    const touches: { id: number; x: number; y: number; up: number; at: number }[] = [];
    for (const { press, at } of presses) {
      const r = route(press);
      if (r.kind === 'midi') midi.push({ port: r.port, note: NOTE[press.lane], at });
      else if (r.kind === 'pad') pads.push({ index: r.index, button: BUTTON[press.lane], at });
      else if (r.kind === 'keys') {
        const code = codes[press.player]?.[LANES.indexOf(press.lane)] as string;
        sends.push(key(cdp, origin, 'keyDown', code, at), key(cdp, origin, 'keyUp', code, at + 30));
        keys += 2;
      } else {
        const pos = r.pads[press.player][press.lane];
        if (pos) touches.push({ id: finger++, ...pos, up: at + 30, at });
      }
    }
    // Fingers due at one instant go down in one touchStart (Chromium's emulation drops a finger
    // whose touchStart is followed a few ms later by another's, before the first is handled).
    for (const at of [...new Set(touches.map((f) => f.at))].sort((a, b) => a - b)) {
      touchChain = touchChain.then(async () => {
        await liftUntil(at);
        for (const f of touches.filter((x) => x.at === at)) down.set(f.id, f);
        await touch(cdp, origin, 'touchStart', [...down.values()], at);
      });
    }
    sends.push(touchChain);
    if (midi.length > 0 || pads.length > 0) {
      sends.push(
        page.evaluate(
          ({ midi, pads }) => {
            for (const m of midi) window.__devices.send(m.port, [0x99, m.note, 100], m.at);
            // Releases follow at once, stamped 30 ms on (a velocity-0 note-on in running status).
            for (const m of midi) window.__devices.send(m.port, [m.note, 0], m.at + 30);
            // One reading per press, each with its own stamp, then one per release: the stand-in
            // queues readings, and each poll of the game takes one.
            for (const p of pads) window.__devices.pressPad(p.index, [p.button], p.at);
            for (const p of pads) window.__devices.releasePad(p.index, [p.button], p.at + 40);
          },
          { midi, pads },
        ),
      );
    }
    await Promise.all(sends);
    return keys;
  };
}

/** |judged offset − sent offset| of every hit, per player (the clock's drift taken out). */
async function offsetErrors(page: Page, plan: PlannedPress[]): Promise<[number[], number[]]> {
  const r = await waitForResults(page, 90_000);
  const out: [number[], number[]] = [[], []];
  for (const p of [0, 1] as const) {
    const notes = await notesOf(page, p);
    const sent = new Map(
      plan.filter((x) => x.player === p).map((x) => [x.songTime.toFixed(6) + x.lane, sentOffsetMs(x)]),
    );
    for (const h of r?.players[p]?.hits ?? []) {
      const n = notes.find((x) => x.id === h.noteId);
      const expected = n ? sent.get(n.time.toFixed(6) + n.lane) : undefined;
      expect(h.offsetMs, `P${p + 1} note ${h.noteId}`).not.toBeNull();
      out[p].push(Math.abs((h.offsetMs as number) - (expected as number)));
    }
  }
  return out;
}

function summary(label: string, errors: number[]): string {
  const sorted = [...errors].sort((a, b) => a - b);
  const at = (q: number) =>
    (sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? Number.NaN).toFixed(3);
  return `${label}: ${sorted.length} hits, |judged − stamp| p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms`;
}

const jitter = (seed: number) => {
  const rnd = mulberry32(seed);
  return () => Math.round((rnd() * 36 - 18) * 1000) / 1000;
};

const HARD_DUET = '?song=test-song&mode=duet&p1=hard&p2=hard';

describe('drum kits and gamepads in a duet, each judged by its own stamp', () => {
  it('a whole duet on two MIDI kits: both 1,000,000, every hit within 0.5 ms of its stamp', async () => {
    const fake = {
      midi: 'granted',
      ports: [
        { id: 'a', name: 'Kit A' },
        { id: 'b', name: 'Kit B' },
      ],
    } as const;
    await withGame(HARD_DUET, withDevices(fake, { storage: savedSettings() }), async (game) => {
      const { page, cdp } = game;
      await startSong(game);
      // MIDI was turned on earlier and the browser still allows it: opened at load, no prompt.
      expect(await page.evaluate(() => window.__devices.requests)).toBe(1);
      const devices = await page.evaluate(() => window.drumDiplomacy.devices());
      expect(devices.filter((d) => d.kind === 'midi')).toEqual([
        { id: 'midi:a', kind: 'midi', name: 'Kit A', player: 0 },
        { id: 'midi:b', kind: 'midi', name: 'Kit B', player: 1 },
      ]);
      const plan = await planAll(page, jitter(12));
      const origin = await timeOrigin(page);
      await playPlan(game, plan, {
        send: sender(page, cdp, origin, (p) => ({ kind: 'midi', port: p.player === 0 ? 'a' : 'b' })),
      });
      const errors = await offsetErrors(page, plan);
      const r = await page.evaluate(() => window.drumDiplomacy.results());
      expect(r?.players.map((p) => p.score)).toEqual([1_000_000, 1_000_000]);
      console.log(summary('MIDI kit A (P1)', errors[0]));
      console.log(summary('MIDI kit B (P2)', errors[1]));
      expect(Math.max(...errors[0], ...errors[1])).toBeLessThanOrEqual(0.5);
      expect(game.errors).toEqual([]);
    });
  }, 120_000);

  it('a kit against the keyboard: the kit’s own offset is judged on top of its player’s', async () => {
    const fake = { midi: 'granted', ports: [{ id: 'a', name: 'TD-17' }] } as const;
    // Player 1 is 10 ms late by their own offset, and their kit 15 ms more.
    const storage = savedSettings([{ kind: 'midi', name: 'TD-17', offsetMs: 15 }], [10, 0]);
    await withGame(HARD_DUET, withDevices(fake, { storage }), async (game) => {
      const { page, cdp } = game;
      await startSong(game);
      const r0 = jitter(34);
      // perfTimeOf includes the player's offset, not the kit's: the kit's presses are sent 15 ms later.
      const plan = await planAll(page, (p) => (p === 0 ? 15 : 0) + r0());
      const origin = await timeOrigin(page);
      const route = (p: PlannedPress): Route => (p.player === 0 ? { kind: 'midi', port: 'a' } : { kind: 'keys' });
      const send = sender(page, cdp, origin, route, await keyCodes(page));
      await playPlan(game, plan, { send });
      for (const p of plan) if (p.player === 0) p.offsetMs -= 15;
      const errors = await offsetErrors(page, plan);
      const r = await page.evaluate(() => window.drumDiplomacy.results());
      expect(r?.players.map((p) => p.score)).toEqual([1_000_000, 1_000_000]);
      console.log(summary('MIDI kit with a +15 ms device offset (P1)', errors[0]));
      console.log(summary('keyboard (P2)', errors[1]));
      expect(Math.max(...errors[0], ...errors[1])).toBeLessThanOrEqual(0.5);
      expect(game.errors).toEqual([]);
    });
  }, 120_000);

  it('a gamepad and a touchscreen on a phone: both 1,000,000, the gamepad within 1 ms of its stamps', async () => {
    const phone = { viewport: { width: 844, height: 390 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };
    await withGame(HARD_DUET, withDevices({ midi: 'none', gamepads: true }, phone), async (game) => {
      const { page, cdp } = game;
      await waitForScene(page, 'Play');
      await page.evaluate(() =>
        window.__devices.connectPad(0, 'Xbox Wireless Controller (STANDARD GAMEPAD)', 'standard'),
      );
      await startSong(game);
      const devices = await page.evaluate(() => window.drumDiplomacy.devices());
      expect(devices.find((d) => d.kind === 'gamepad')).toMatchObject({ id: 'gamepad:0', player: 0 });
      const pads = await page.evaluate((lanes) => {
        const of = (p: 0 | 1) => Object.fromEntries(lanes.map((l) => [l, window.drumDiplomacy.padAt(p, l)]));
        return { 0: of(0), 1: of(1) } as Record<0 | 1, Record<Lane, { x: number; y: number } | null>>;
      }, LANES);
      // The gamepad's presses jitter; the fingers land on the notes (chords in one touch event).
      const r0 = jitter(56);
      const plan = await planAll(page, (p) => (p === 0 ? r0() : 0));
      const origin = await timeOrigin(page);
      const send = sender(page, cdp, origin, (p) =>
        p.player === 0 ? { kind: 'pad', index: 0 } : { kind: 'touch', pads },
      );
      await playPlan(game, plan, { send });
      const errors = await offsetErrors(page, plan);
      const r = await page.evaluate(() => window.drumDiplomacy.results());
      expect(r?.players.map((p) => p.score)).toEqual([1_000_000, 1_000_000]);
      console.log(summary('gamepad (P1)', errors[0]));
      console.log(summary('touchscreen (P2)', errors[1]));
      expect(Math.max(...errors[0])).toBeLessThanOrEqual(1);
      expect(Math.max(...errors[1])).toBeLessThanOrEqual(0.5);
      expect(game.errors).toEqual([]);
    });
  }, 120_000);

  it('hot-plug mid-song: a kit comes, another goes, a gamepad comes and goes; nothing pauses, nothing is lost', async () => {
    const fake = { midi: 'granted', ports: [{ id: 'a', name: 'Kit A' }], gamepads: true } as const;
    await withGame(HARD_DUET, withDevices(fake, { storage: savedSettings() }), async (game) => {
      const { page, cdp } = game;
      await startSong(game);
      const plan = await planAll(page, () => 0);
      const origin = await timeOrigin(page);
      const PLUG = 4;
      const UNPLUG = 9;
      let plugged = false;
      let unplugged = false;
      const scenes = new Set<string>();
      // Player 1 drums on kit A until it is pulled out, then on the keyboard; player 2 on the
      // keyboard until kit B comes, then on kit B.
      const route = (p: PlannedPress): Route => {
        if (p.player === 0) return unplugged ? { kind: 'keys' } : { kind: 'midi', port: 'a' };
        return plugged ? { kind: 'midi', port: 'b' } : { kind: 'keys' };
      };
      await playPlan(game, plan, {
        send: sender(page, cdp, origin, route, await keyCodes(page)),
        onBeforeGroup: async (songTime) => {
          scenes.add(await page.evaluate(() => window.drumDiplomacy.scene()));
          if (!plugged && songTime >= PLUG) {
            plugged = true;
            await midiPlug(page, 'b', 'Kit B');
            await page.evaluate(() => window.__devices.connectPad(0, 'Wireless Gamepad', 'standard'));
          }
          if (!unplugged && songTime >= UNPLUG) {
            unplugged = true;
            await midiPlug(page, 'a', null);
            await page.evaluate(() => window.__devices.disconnectPad(0));
          }
          return false;
        },
      });
      const r = await waitForResults(page, 90_000);
      expect([...scenes]).toEqual(['Play']);
      expect(r?.players.map((p) => p.score)).toEqual([1_000_000, 1_000_000]);
      const notices = (await page.evaluate(() => window.drumDiplomacy.notices())).map((n) => `${n.level}: ${n.text}`);
      expect(notices).toContain('info: Kit B connected: it plays for Player 2.');
      expect(notices).toContain(
        'error: Kit A was disconnected: plug it in again to play on with it. Nothing was paused.',
      );
      expect(notices.some((n) => n.startsWith('error: Wireless Gamepad was disconnected'))).toBe(true);
      const devices = await page.evaluate(() => window.drumDiplomacy.devices());
      expect(devices.map((d) => d.id)).toEqual(['keyboard', 'midi:b']);
      expect(game.errors).toEqual([]);
    });
  }, 120_000);
});

describe('what a kit sends that is not a hit', () => {
  it('double triggers within 16 ms merge (17 ms do not); a crosstalk hit under the threshold is ignored', async () => {
    // Both kits: the kick takes velocities of 40 and up.
    const thresholds = { hihat: 1, snare: 1, tom: 1, kick: 40 };
    const fake = {
      midi: 'granted',
      ports: [
        { id: 'a', name: 'Kit A' },
        { id: 'b', name: 'Kit B' },
      ],
    } as const;
    const storage = savedSettings([
      { kind: 'midi', name: 'Kit A', thresholds },
      { kind: 'midi', name: 'Kit B', thresholds },
    ]);
    await withGame('?song=test-song&mode=duet&p1=normal&p2=normal', withDevices(fake, { storage }), async (game) => {
      const { page } = game;
      await startSong(game);
      const plan = await planAll(page, () => 0);
      // Normal: a press 125 to 108 ms early takes its note as a Miss; earlier is a ghost that changes nothing.
      // Before each snare note: a stray trigger 131 ms early (a ghost), and its double 15 ms later
      // (P1, merged) or 17 ms later (P2, so it lands 116 ms early as a second hit: a Miss).
      // Before each kick note: a crosstalk hit 116 ms early, velocity 30 (P1: under the
      // threshold) or 50 (P2: over it, a Miss).
      const send = async (presses: { press: PlannedPress; at: number }[]) => {
        const events: { port: string; bytes: number[]; at: number }[] = [];
        for (const { press, at } of presses) {
          const port = press.player === 0 ? 'a' : 'b';
          if (press.lane === 'snare') {
            events.push({ port, bytes: [0x99, 38, 110], at: at - (press.player === 0 ? 131 : 133) });
            events.push({ port, bytes: [0x99, 40, 70], at: at - 116 });
          }
          if (press.lane === 'kick')
            events.push({ port, bytes: [0x99, 36, press.player === 0 ? 30 : 50], at: at - 116 });
          events.push({ port, bytes: [0x99, NOTE[press.lane], 100], at });
        }
        events.sort((x, y) => x.at - y.at);
        await page.evaluate((list) => {
          for (const e of list) window.__devices.send(e.port, e.bytes, e.at);
        }, events);
        return 0;
      };
      await playPlan(game, plan, { send, sendAheadMs: 160 });
      const r = await waitForResults(page, 90_000);
      const notes = [await notesOf(page, 0), await notesOf(page, 1)];
      const judged = (p: 0 | 1, lanes: Lane[]) =>
        new Set(
          (r?.players[p]?.hits ?? [])
            .filter((h) => lanes.includes(notes[p]?.find((n) => n.id === h.noteId)?.lane as Lane))
            .map((h) => h.judgement),
        );
      expect(notes[0]?.some((n) => n.lane === 'snare') && notes[0]?.some((n) => n.lane === 'kick')).toBe(true);
      expect(r?.players[0]?.score).toBe(1_000_000);
      expect([...judged(1, ['snare', 'kick'])]).toEqual(['miss']);
      expect([...judged(1, ['hihat', 'tom'])]).toEqual(['perfect']);
      expect(game.errors).toEqual([]);
    });
  }, 120_000);

  it('running status, SysEx, clock, active sensing, a flood of 1,000 messages a second and a port that vanishes: play goes on, every hit exact', async () => {
    const fake = {
      midi: 'granted',
      ports: [
        { id: 'a', name: 'Kit A' },
        { id: 'b', name: 'Kit B' },
        { id: 'c', name: 'Flood Box' },
      ],
    } as const;
    await withGame(HARD_DUET, withDevices(fake, { storage: savedSettings() }), async (game) => {
      const { page } = game;
      await startSong(game);
      // 1,000 messages a second from a third port: clock, active sensing, the hi-hat pedal's CC 4,
      // aftertouch, pitch bend, program changes, SysEx and notes no drum is mapped to.
      await page.evaluate(() => {
        const w = window as unknown as {
          flood: { sent: number; since: number };
          floodTimer: ReturnType<typeof setInterval>;
        };
        const junk = (v: number) => [
          [0xf8],
          [0xfe],
          [0xb9, 4, v % 128],
          [0xa9, 42, v % 128],
          [0xe9, 0, v % 128],
          [0xc9, v % 8],
          [0xf0, 0x7e, 0x7f, 0x06, 0x01, 0xf7],
          [0x99, 60, 100],
          [0x89, 60, 0],
          [0xf8, 0xfe, 0xf8],
        ];
        w.flood = { sent: 0, since: performance.now() };
        // However late the timer fires on a busy machine, it catches up: 1,000 messages a second.
        w.floodTimer = setInterval(() => {
          const t = performance.now();
          const due = Math.floor(t - w.flood.since) - w.flood.sent;
          for (let i = 0; i < due; i++) {
            const list = junk(w.flood.sent);
            window.__devices.send('c', list[w.flood.sent % list.length] as number[], t);
            w.flood.sent++;
          }
        }, 10);
      });
      const plan = await planAll(page, jitter(78));
      let vanished = false;
      // Kit A wraps every hit in junk (clock, SysEx, active sensing) and plays chords in running
      // status; kit B sends plain messages, one event for several hits.
      const send = async (presses: { press: PlannedPress; at: number }[]) => {
        const byPort = new Map<string, { at: number; notes: number[] }[]>();
        for (const { press, at } of presses) {
          const port = press.player === 0 ? 'a' : 'b';
          const list = byPort.get(port) ?? [];
          const same = list.find((x) => x.at === at);
          if (same) same.notes.push(NOTE[press.lane]);
          else list.push({ at, notes: [NOTE[press.lane]] });
          byPort.set(port, list);
        }
        const events: { port: string; bytes: number[]; at: number }[] = [];
        for (const [port, list] of byPort) {
          for (const { at, notes } of list) {
            const hits = notes.flatMap((n) => [n, 100]);
            const bytes =
              port === 'a'
                ? [0xf8, 0xf0, 0x41, 0x10, 0x42, 0xf7, 0x99, ...hits.slice(0, 2), 0xfe, ...hits.slice(2), 0xf8]
                : notes.flatMap((n) => [0x99, n, 100]);
            events.push({ port, bytes, at });
            events.push({ port, bytes: notes.flatMap((n) => [0x89, n, 0]), at: at + 30 });
          }
        }
        await page.evaluate(
          (list) => {
            for (const e of list) window.__devices.send(e.port, e.bytes, e.at);
          },
          events.sort((x, y) => x.at - y.at),
        );
        return 0;
      };
      await playPlan(game, plan, {
        send,
        onBeforeGroup: async (songTime) => {
          if (!vanished && songTime >= 10) {
            vanished = true;
            await page.evaluate(() => window.__devices.disconnectPort('c'));
            expect(await page.evaluate(() => window.drumDiplomacy.scene())).toBe('Play');
          }
          return false;
        },
      });
      const flood = await page.evaluate(() => {
        const w = window as unknown as {
          flood: { sent: number; since: number };
          floodTimer: ReturnType<typeof setInterval>;
        };
        clearInterval(w.floodTimer);
        return { sent: w.flood.sent, seconds: (performance.now() - w.flood.since) / 1000 };
      });
      const errors = await offsetErrors(page, plan);
      const r = await page.evaluate(() => window.drumDiplomacy.results());
      expect(r?.players.map((p) => p.score)).toEqual([1_000_000, 1_000_000]);
      console.log(`flood: ${flood.sent} junk messages in ${flood.seconds.toFixed(1)} s while the song played`);
      console.log(summary('MIDI kit in junk and running status (P1)', errors[0]));
      console.log(summary('MIDI kit, several hits an event (P2)', errors[1]));
      expect(flood.sent / flood.seconds).toBeGreaterThan(950);
      expect(flood.seconds).toBeGreaterThan(10);
      expect(Math.max(...errors[0], ...errors[1])).toBeLessThanOrEqual(0.5);
      const notices = (await page.evaluate(() => window.drumDiplomacy.notices())).map((n) => n.text);
      expect(notices).toContain('Flood Box was disconnected: plug it in again to play on with it. Nothing was paused.');
      expect(game.errors).toEqual([]);
    });
  }, 120_000);
});

describe('asking for MIDI, and saying plainly when it cannot be had', () => {
  /** On the device screen, chooses "Use MIDI kits" (↓ from the list, which has only the keyboard). */
  async function useMidiKits(page: Page, game: Parameters<typeof tapKey>[0]): Promise<void> {
    await waitForScene(page, 'Devices');
    await tapKey(game, 'ArrowDown');
    await tapKey(game, 'Enter');
  }

  it('never asks at load unless the browser already allows it; asks when the players choose to, then remembers', async () => {
    const fake = { midi: 'prompt', ports: [{ id: 'a', name: 'Kit A' }] } as const;
    // MIDI was on once, but the browser would ask again: nothing is asked at load.
    await withGame('?scene=Devices', withDevices(fake, { storage: savedSettings() }), async (game) => {
      const { page } = game;
      await waitForScene(page, 'Devices');
      await page.waitForTimeout(500);
      expect(await page.evaluate(() => window.__devices.requests)).toBe(0);
      expect((await page.evaluate(() => window.drumDiplomacy.devices())).map((d) => d.kind)).toEqual(['keyboard']);
      await useMidiKits(page, game);
      await waitUntil(page, () => window.drumDiplomacy.devices().some((d) => d.kind === 'midi'), undefined, {
        timeout: SCENE_TIMEOUT_MS,
        message: 'the kit never appeared after MIDI was asked for',
      });
      expect(await page.evaluate(() => window.__devices.requests)).toBe(1);
      const saved = JSON.parse((await page.evaluate((k) => localStorage.getItem(k), SETTINGS_KEY)) ?? '{}');
      expect(saved.settings.devices.midi).toBe(true);
      expect(game.errors).toEqual([]);
    });
    // A first visit: nothing saved, nothing asked.
    await withGame('?scene=Devices', withDevices({ midi: 'granted', ports: [] }), async (game) => {
      await waitForScene(game.page, 'Devices');
      await game.page.waitForTimeout(500);
      expect(await game.page.evaluate(() => window.__devices.requests)).toBe(0);
    });
  }, 90_000);

  it.each([
    ['denied', 'MIDI access was refused.'],
    ['none', 'This browser has no Web MIDI'],
  ] as const)(
    'MIDI %s: a clear message, and the game goes on',
    async (midi, text) => {
      await withGame('?scene=Devices', withDevices({ midi, gamepads: true }), async (game) => {
        const { page } = game;
        await useMidiKits(page, game);
        await waitUntil(page, (t) => window.drumDiplomacy.notices().some((n) => n.text.startsWith(t)), text, {
          timeout: SCENE_TIMEOUT_MS,
          message: `no notice starting "${text}"`,
        });
        const notice = (await page.evaluate(() => window.drumDiplomacy.notices())).find((n) => n.text.startsWith(text));
        expect(notice?.level).toBe('error');
        expect(await page.evaluate(() => window.drumDiplomacy.scene())).toBe('Devices');
        // Still usable: Esc goes back to Settings.
        await tapKey(game, 'Escape');
        await waitForScene(page, 'Settings');
        expect(game.errors).toEqual([]);
      });
    },
    60_000,
  );
});

describe('gamepads in menus, and device calibration', () => {
  it("a standard gamepad's d-pad, Start and Back drive the menus", async () => {
    const options = withDevices({ midi: 'none', gamepads: true }, { storage: savedSettings() });
    await withGame('?scene=ModeSelect', options, async (game) => {
      const { page } = game;
      await waitForScene(page, 'ModeSelect');
      const press = async (button: number) => {
        const t = await pageNow(page);
        await page.evaluate(([b, at]) => window.__devices.setPad(0, [b], at), [button, t] as const);
        await page.waitForTimeout(60);
        await page.evaluate((at) => window.__devices.setPad(0, [], at), t + 60);
        await page.waitForTimeout(200);
      };
      await page.evaluate(() => window.__devices.connectPad(0, 'Pad (STANDARD GAMEPAD)', 'standard'));
      await page.waitForTimeout(100);
      await press(9); // Start: Duet
      await waitForScene(page, 'SongSelect');
      await press(8); // Back
      await waitForScene(page, 'ModeSelect');
      await press(12); // d-pad up: from the first item round to the last, Back
      await press(9);
      await waitForScene(page, 'Title');
      expect(game.errors).toEqual([]);
    });
  }, 60_000);

  it('the calibration wizard measures a kit by its hits: 25 ms late gives the kit a +25 ms offset of its own', async () => {
    const fake = { midi: 'granted', ports: [{ id: 'a', name: 'Kit A' }] } as const;
    await withGame('?scene=Devices', withDevices(fake, { storage: savedSettings() }), async (game) => {
      const { page } = game;
      await waitForScene(page, 'Devices');
      await waitUntil(page, () => window.drumDiplomacy.devices().length === 2, undefined, {
        timeout: SCENE_TIMEOUT_MS,
        message: 'the kit was never listed',
      });
      await tapKey(game, 'ArrowDown'); // the kit's row
      await tapKey(game, 'Enter');
      await waitForScene(page, 'DeviceSetup');
      await tapKey(game, 'ArrowDown');
      await tapKey(game, 'ArrowDown'); // "Calibrate this device"
      await tapKey(game, 'Enter');
      await waitForScene(page, 'Calibration');
      await tapKey(game, 'Space'); // sound on (a kit cannot do that)
      await waitForSongClock(page, true);
      const origin = await timeOrigin(page);
      const instant = (i: number) => page.evaluate((t) => window.drumDiplomacy.perfTimeOf(0, t) as number, i * 0.6);
      const drifts: number[] = [];
      for (let i = 4; i < 24; i++) {
        const click = await instant(i);
        const at = click + 25;
        await sleepUntil(origin, at, 100);
        await page.evaluate((t) => window.__devices.send('a', [0x99, 38, 90], t), at);
        await sleepUntil(origin, at + 5);
        drifts.push((await instant(i)) - click);
      }
      const drift = drifts.reduce((a, b) => a + b, 0) / drifts.length;
      await waitForSongClock(page, false, 10_000);
      await tapKey(game, 'Enter'); // Apply
      await waitForScene(page, 'DeviceSetup');
      const saved = JSON.parse((await page.evaluate((k) => localStorage.getItem(k), SETTINGS_KEY)) ?? '{}');
      const profile = saved.settings.devices.profiles.find((p: Profile) => p.name === 'Kit A');
      expect(Math.abs(profile.offsetMs - (25 - drift))).toBeLessThanOrEqual(1);
      expect(saved.settings.players[0].inputOffsetMs).toBe(0);
      expect(game.errors).toEqual([]);
    });
  }, 90_000);
});
