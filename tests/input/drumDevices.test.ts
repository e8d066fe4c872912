import { describe, expect, it } from 'vitest';
import { type DeviceProfile, DrumDevices, pressOf, swapPlayers, updateProfile } from '../../src/input/drumDevices';
import { defaultMidiLanes, STANDARD_PAD_LANES } from '../../src/input/padMap';

const players = (d: DrumDevices) => d.list.map((x) => [x.name, x.player]);

describe('whom each drum device plays for', () => {
  it('the first drum device plays for player 1, the second for player 2, a third for whoever has fewer', () => {
    const d = new DrumDevices();
    d.connect('midi', 'midi:a', 'TD-17');
    d.connect('gamepad', 'gamepad:0', 'Xbox Controller');
    d.connect('midi', 'midi:b', 'Alesis Nitro');
    expect(players(d)).toEqual([
      ['TD-17', 0],
      ['Xbox Controller', 1],
      ['Alesis Nitro', 0],
    ]);
  });

  it('a device that went and came back takes the free seat again', () => {
    const d = new DrumDevices();
    d.connect('midi', 'midi:a', 'A');
    d.connect('midi', 'midi:b', 'B');
    expect(d.disconnect('midi:a')).toEqual({ id: 'midi:a', kind: 'midi', name: 'A', player: 0 });
    d.connect('midi', 'midi:a2', 'A');
    expect(players(d)).toEqual([
      ['B', 1],
      ['A', 0],
    ]);
    expect(d.disconnect('midi:zzz')).toBeNull();
  });

  it('remembers the player chosen, by device name', () => {
    const profiles: DeviceProfile[] = [{ kind: 'midi', name: 'TD-17', player: 1 }];
    const d = new DrumDevices(profiles);
    d.connect('midi', 'midi:x', 'TD-17');
    d.connect('midi', 'midi:y', 'Alesis Nitro');
    expect(players(d)).toEqual([
      ['TD-17', 1],
      ['Alesis Nitro', 0],
    ]);
    expect(d.setup('midi:x')?.chosen).toBe(true);
    expect(d.setup('midi:y')?.chosen).toBe(false);
  });

  it('a device set to play for nobody stays silent, and takes no seat', () => {
    const d = new DrumDevices([{ kind: 'gamepad', name: 'Pad', player: null }]);
    d.connect('gamepad', 'gamepad:0', 'Pad');
    d.connect('midi', 'midi:a', 'Kit');
    expect(players(d)).toEqual([
      ['Pad', null],
      ['Kit', 0],
    ]);
    expect(d.down('gamepad:0', 1, undefined, 100)).toMatchObject({ outcome: 'press', lane: 'snare', player: null });
  });

  it('a "Midi Through" port is listed but plays for nobody', () => {
    const d = new DrumDevices();
    d.connect('midi', 'midi:t', 'Midi Through Port-0');
    d.connect('midi', 'midi:k', 'TD-17');
    expect(players(d)).toEqual([
      ['Midi Through Port-0', null],
      ['TD-17', 0],
    ]);
  });

  it('two devices of one name are told apart ("name #2") and each remembered', () => {
    const d = new DrumDevices([{ kind: 'gamepad', name: 'Xbox Controller #2', player: 0 }]);
    d.connect('gamepad', 'gamepad:0', 'Xbox Controller');
    d.connect('gamepad', 'gamepad:1', 'Xbox Controller');
    expect(players(d)).toEqual([
      ['Xbox Controller', 0],
      ['Xbox Controller #2', 0],
    ]);
    d.disconnect('gamepad:0');
    d.connect('gamepad', 'gamepad:2', 'Xbox Controller');
    expect(d.info('gamepad:2')?.name).toBe('Xbox Controller');
  });

  it('connecting the same id twice changes nothing', () => {
    const d = new DrumDevices();
    const a = d.connect('midi', 'midi:a', 'A');
    expect(d.connect('midi', 'midi:a', 'A')).toEqual(a);
    expect(d.list).toHaveLength(1);
  });

  it('swapping players flips every connected kit and pad, remembered; nobody stays nobody', () => {
    const d = new DrumDevices([{ kind: 'midi', name: 'Off', player: null }]);
    d.connect('midi', 'midi:a', 'A');
    d.connect('midi', 'midi:b', 'B');
    d.connect('midi', 'midi:o', 'Off');
    const setups = d.list.flatMap((x) => d.setup(x.id) ?? []);
    const profiles = swapPlayers([{ kind: 'midi', name: 'Off', player: null }], setups);
    d.setProfiles(profiles);
    expect(players(d)).toEqual([
      ['A', 1],
      ['B', 0],
      ['Off', null],
    ]);
  });
});

describe('hits', () => {
  it('a hit is a press for the device’s player, with its stamp, velocity and the device offset', () => {
    const d = new DrumDevices([{ kind: 'midi', name: 'Kit', offsetMs: 7 }]);
    d.connect('midi', 'midi:a', 'Kit');
    expect(d.down('midi:a', 38, 96, 1234.5)).toEqual({
      outcome: 'press',
      lane: 'snare',
      device: 'midi:a',
      kind: 'midi',
      name: 'Kit',
      control: 38,
      velocity: 96,
      at: 1234.5,
      player: 0,
      offsetMs: 7,
    });
    expect(d.down('midi:nope', 38, 96, 1)).toBeNull();
  });

  it('pads and thresholds come from the profile', () => {
    const lanes = { ...defaultMidiLanes(), tom: [21] };
    const d = new DrumDevices([
      { kind: 'midi', name: 'Kit', lanes, thresholds: { hihat: 1, snare: 40, tom: 1, kick: 1 } },
    ]);
    d.connect('midi', 'midi:a', 'Kit');
    expect(d.down('midi:a', 21, 100, 0)).toMatchObject({ outcome: 'press', lane: 'tom' });
    expect(d.down('midi:a', 48, 100, 0)).toMatchObject({ outcome: 'unmapped', lane: null });
    expect(d.down('midi:a', 38, 39, 0)).toMatchObject({ outcome: 'quiet', lane: 'snare' });
  });

  it('a release lets go of the lane the control pressed, even after the pads changed', () => {
    const d = new DrumDevices();
    d.connect('midi', 'midi:a', 'Kit');
    d.down('midi:a', 38, 100, 0);
    d.setProfiles([{ kind: 'midi', name: 'Kit', lanes: { ...defaultMidiLanes(), kick: [35, 36, 38], snare: [] } }]);
    expect(d.up('midi:a', 38)).toEqual({ lane: 'snare', player: 0 });
    expect(d.up('midi:a', 38)).toBeNull();
    expect(d.up('midi:a', 60)).toBeNull();
  });

  it('everything held is let go when the device goes', () => {
    const d = new DrumDevices();
    d.connect('gamepad', 'gamepad:0', 'Pad');
    d.down('gamepad:0', 1, undefined, 0);
    d.down('gamepad:0', 4, undefined, 0);
    expect(d.releaseAll('gamepad:0')).toEqual([
      { lane: 'snare', player: 0 },
      { lane: 'kick', player: 0 },
    ]);
    expect(d.releaseAll('gamepad:9')).toEqual([]);
  });

  it('a gamepad without the standard mapping needs its pads set up (a guess until then)', () => {
    const d = new DrumDevices();
    d.connect('gamepad', 'gamepad:0', 'Harmonix Drum Kit', false);
    expect(d.setup('gamepad:0')).toMatchObject({ needsSetup: true, standard: false, lanes: STANDARD_PAD_LANES });
    d.setProfiles([
      { kind: 'gamepad', name: 'Harmonix Drum Kit', lanes: { hihat: [3], snare: [2], tom: [0], kick: [4] } },
    ]);
    expect(d.setup('gamepad:0')?.needsSetup).toBe(false);
    expect(d.down('gamepad:0', 2, undefined, 0)?.lane).toBe('snare');
  });
});

describe('pressOf', () => {
  it('makes a press of a hit: velocity 1..127 as 0..1 for the drum level, the device offset on top', () => {
    const d = new DrumDevices([{ kind: 'midi', name: 'Kit', offsetMs: -4 }]);
    d.connect('midi', 'midi:a', 'Kit');
    const hit = d.down('midi:a', 38, 127, 500);
    expect(hit && pressOf(hit)).toEqual({
      device: 'midi:a',
      player: 0,
      lane: 'snare',
      at: 500,
      velocity: 1,
      deviceOffsetMs: -4,
    });
    const soft = d.down('midi:a', 36, 32, 600);
    expect(soft && pressOf(soft)?.velocity).toBeCloseTo(32 / 127, 10);
  });

  it('a gamepad press has no velocity (full level) and, with no offset, none', () => {
    const d = new DrumDevices();
    d.connect('gamepad', 'gamepad:0', 'Pad');
    const hit = d.down('gamepad:0', 3, undefined, 10);
    expect(hit && pressOf(hit)).toEqual({ device: 'gamepad:0', player: 0, lane: 'hihat', at: 10 });
  });

  it('makes no press of a merged, quiet or unmapped hit, nor of a device that plays for nobody', () => {
    const d = new DrumDevices([
      { kind: 'midi', name: 'Kit', thresholds: { hihat: 1, snare: 50, tom: 1, kick: 1 } },
      { kind: 'midi', name: 'Off', player: null },
    ]);
    d.connect('midi', 'midi:a', 'Kit');
    d.connect('midi', 'midi:o', 'Off');
    const hits = [
      d.down('midi:a', 36, 100, 0),
      d.down('midi:a', 35, 100, 5),
      d.down('midi:a', 38, 20, 100),
      d.down('midi:a', 60, 100, 200),
      d.down('midi:o', 38, 100, 300),
    ];
    expect(hits.map((h) => h && pressOf(h) !== null)).toEqual([true, false, false, false, false]);
  });
});

describe('updateProfile', () => {
  it('adds a profile, changes one, and drops fields set back to undefined (defaults)', () => {
    const a = updateProfile([], 'midi', 'Kit', { player: 1, offsetMs: 5 });
    expect(a).toEqual([{ kind: 'midi', name: 'Kit', player: 1, offsetMs: 5 }]);
    const b = updateProfile(a, 'midi', 'Kit', { offsetMs: undefined, lanes: STANDARD_PAD_LANES });
    expect(b).toEqual([{ kind: 'midi', name: 'Kit', player: 1, lanes: STANDARD_PAD_LANES }]);
    expect(a).toEqual([{ kind: 'midi', name: 'Kit', player: 1, offsetMs: 5 }]);
    expect(updateProfile(b, 'gamepad', 'Kit', { player: null })).toHaveLength(2);
  });
});
