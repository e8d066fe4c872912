import type { StringKey } from '../content/strings';
import { clampOffset } from '../core/calibration';
import type { Ms, PlayerId } from '../core/units';
import { keyLabel } from '../input/bindings';
import { type DeviceProfile, swapPlayers, updateProfile } from '../input/drumDevices';
import type { MidiState } from '../input/midiSupport';
import type { DeviceInfo, DrumPress } from '../input/press';
import type { App } from './app';
import type { Settings } from './settings';

/*
 * The drum devices as the app sees them: notices when one comes or goes, MIDI opened again on
 * a later visit (only without a prompt), and the players' choices saved in the settings.
 */

type Translate = (key: StringKey, vars?: Record<string, string | number>) => string;

/** Whom a device plays for, in words. */
export function playerLabel(t: Translate, d: Pick<DeviceInfo, 'kind' | 'player'>): string {
  if (d.player === 0) return t('player1');
  if (d.player === 1) return t('player2');
  return d.kind === 'keyboard' || d.kind === 'touch' ? t('devBoth') : t('devNobody');
}

/** What to tell the players about MIDI, plainly. */
export function midiStateText(t: Translate, s: MidiState): string {
  switch (s.state) {
    case 'off':
      return t('devMidiOff');
    case 'asking':
      return t('devMidiAsking');
    case 'on':
      return s.ports > 0 ? t('devMidiOn', { n: s.ports }) : t('devMidiNone');
    case 'unsupported':
      return t(
        s.why === 'insecure'
          ? 'devMidiInsecure'
          : s.why === 'safari'
            ? 'devMidiSafari'
            : s.why === 'ios'
              ? 'devMidiIos'
              : 'devMidiBrowser',
      );
    case 'denied':
      return t(s.browser === 'firefox' ? 'devMidiDeniedFirefox' : 'devMidiDenied');
    case 'failed':
      return t('devMidiFailed', { detail: s.message });
  }
}

/** Notices for devices coming and going and for MIDI problems; MIDI opened again if allowed. */
export function watchDevices(app: App): void {
  const t: Translate = (key, vars) => app.t(key, vars);
  app.input.on('connected', (d) =>
    app.notices.info(t('noticeDeviceConnected', { name: d.name, who: playerLabel(t, d) })),
  );
  // A disconnect pauses nothing (a song goes on with every other device); the players are told.
  app.input.on('disconnected', (d) => app.notices.error(t('noticeDeviceGone', { name: d.name })));
  app.input.on('midi', (s) => {
    if (s.state === 'unsupported' || s.state === 'denied' || s.state === 'failed') {
      app.notices.error(midiStateText(t, s));
    }
    // Remembered only once the browser said yes: the next visit then opens it without asking.
    if (s.state === 'on' && !app.settings.devices.midi) {
      app.updateSettings({ ...app.settings, devices: { ...app.settings.devices, midi: true } });
    }
  });
  if (app.settings.devices.midi) void app.input.midi.reopen();
}

/** Saves the device profiles (connected devices follow them at once). */
export function saveProfiles(app: App, profiles: readonly DeviceProfile[]): void {
  const devices = { ...app.settings.devices, profiles: profiles as Settings['devices']['profiles'] };
  app.updateSettings({ ...app.settings, devices });
}

/** Changes one connected device's profile. */
export function changeDevice(app: App, id: string, change: Partial<Omit<DeviceProfile, 'kind' | 'name'>>): void {
  const setup = app.input.drums.setup(id);
  if (!setup) return;
  saveProfiles(app, updateProfile(app.settings.devices.profiles, setup.kind, setup.name, change));
}

/** Every connected kit and pad plays for the other player (remembered). */
export function swapDevicePlayers(app: App): void {
  const connected = app.input.drums.list.flatMap((d) => app.input.drums.setup(d.id) ?? []);
  saveProfiles(app, swapPlayers(app.settings.devices.profiles, connected));
}

/** The next choice of player for a kit or pad: player 1, player 2, nobody. */
export function nextPlayer(p: PlayerId | null, dir: 1 | -1): PlayerId | null {
  const order: (PlayerId | null)[] = [0, 1, null];
  const i = order.indexOf(p);
  return order[(i + dir + order.length) % order.length] ?? null;
}

/** Whom the calibration wizard measures: a player (their keys and screen taps), or one device. */
export interface CalibrationTarget {
  readonly title: string;
  /** The first (for a device, the only) step's name. */
  readonly step: string;
  readonly how: string;
  /** Whether a drum press counts as a tap. */
  takes(press: DrumPress): boolean;
  /** Screen taps count too (a player's calibration, not a device's). */
  readonly pointer: boolean;
  /** The picture step follows (a player's calibration; a device only has an input offset). */
  readonly visual: boolean;
  /**
   * Stores a measured offset.
   * @param measuredMs the taps' offset, ms (before any offset; positive = late)
   * @returns the message that says what was set
   */
  apply(measuredMs: Ms): string;
}

/**
 * The calibration of a player, or of a device (`device` an id of a connected kit or pad). A
 * device's offset is what its taps add to its player's own: the player's offset applies on top.
 */
export function calibrationTarget(app: App, player: PlayerId, device?: string): CalibrationTarget {
  const t: Translate = (key, vars) => app.t(key, vars);
  const setup = device ? app.input.drums.setup(device) : null;
  if (device && setup) {
    return {
      title: t('calTitle', { player: setup.name }),
      step: t('calDeviceStep'),
      how: t('calDeviceHow', { device: setup.name }),
      takes: (p) => p.device === device,
      pointer: false,
      visual: false,
      apply: (measuredMs) => {
        const ms = clampOffset(measuredMs - app.settings.players[player].inputOffsetMs);
        changeDevice(app, device, { offsetMs: ms });
        return t('calDeviceApplied', { device: setup.name, ms });
      },
    };
  }
  const keys = app.settings.bindings.keyboard[player];
  return {
    title: t('calTitle', { player: t(player === 0 ? 'player1' : 'player2') }),
    step: t('calAudioStep'),
    how: t('calAudioHow', { key: Object.values(keys).map(keyLabel).join(' ') }),
    takes: (p) => p.player === player,
    pointer: true,
    visual: true,
    apply: (ms) => {
      const s = app.settings;
      const players: Settings['players'] = [{ ...s.players[0] }, { ...s.players[1] }];
      players[player] = { ...players[player], inputOffsetMs: ms };
      app.updateSettings({ ...s, players });
      return t('calApplied', { ms });
    },
  };
}
