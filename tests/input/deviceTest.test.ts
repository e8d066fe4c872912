import { describe, expect, it } from 'vitest';
import { DeviceTestLog } from '../../src/input/deviceTest';
import type { DeviceHit } from '../../src/input/drumDevices';

const hit = (control: number, at: number, outcome: DeviceHit['outcome'] = 'press', device = 'midi:a'): DeviceHit => ({
  outcome,
  lane: outcome === 'unmapped' ? null : 'snare',
  device,
  kind: 'midi',
  name: 'Kit',
  control,
  velocity: 90,
  at,
  player: 0,
  offsetMs: 0,
});

describe('DeviceTestLog', () => {
  it('lists hits newest first, with the gap to the same device’s previous hit', () => {
    const log = new DeviceTestLog(3);
    log.addHit(hit(38, 1000));
    log.addHit(hit(40, 1003.25, 'merged'));
    log.addPress({ device: 'keyboard', player: 1, lane: 'kick', at: 1010 }, 'keyboard', 'Keyboard');
    expect(log.entries.map((e) => [e.control, e.outcome, e.gapMs])).toEqual([
      [null, 'press', null],
      [40, 'merged', 3.25],
      [38, 'press', null],
    ]);
  });

  it('keeps only the last few, and counts every change', () => {
    const log = new DeviceTestLog(2);
    for (let i = 0; i < 5; i++) log.addHit(hit(38, i * 100));
    expect(log.entries).toHaveLength(2);
    expect(log.entries[0]?.at).toBe(400);
    expect(log.version).toBe(5);
    log.clear();
    expect(log.entries).toHaveLength(0);
  });

  it('marks a hit of a device that plays for nobody', () => {
    const log = new DeviceTestLog();
    expect(log.addHit({ ...hit(38, 0), player: null }).outcome).toBe('nobody');
    expect(log.addHit({ ...hit(60, 5, 'unmapped'), player: null }).outcome).toBe('unmapped');
  });
});
