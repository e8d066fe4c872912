import { describe, expect, it } from 'vitest';
import { CROSSTALK_MS, PadAssigner } from '../../src/input/assign';
import type { DeviceHit } from '../../src/input/drumDevices';
import { defaultMidiLanes, STANDARD_PAD_LANES } from '../../src/input/padMap';

const hit = (control: number, at: number, velocity: number | undefined = 100, device = 'midi:a'): DeviceHit => ({
  outcome: 'unmapped',
  lane: null,
  device,
  kind: device.startsWith('midi') ? 'midi' : 'gamepad',
  name: 'Kit',
  control,
  ...(velocity === undefined ? {} : { velocity }),
  at,
  player: 0,
  offsetMs: 0,
});

describe('PadAssigner', () => {
  it('does nothing until a lane is chosen', () => {
    const a = new PadAssigner('midi:a', true);
    expect(a.hit(hit(21, 0), defaultMidiLanes())).toEqual({ result: { kind: 'ignored' }, lanes: null });
  });

  it('assigns every pad hit to the lane being set up, several per lane, and says where a pad came from', () => {
    const a = new PadAssigner('midi:a', true);
    a.start('tom');
    let lanes = defaultMidiLanes();
    const first = a.hit(hit(21, 0), lanes);
    expect(first.result).toEqual({ kind: 'assigned', control: 21, lane: 'tom', from: null });
    lanes = first.lanes ?? lanes;
    const second = a.hit(hit(38, 500), lanes);
    expect(second.result).toEqual({ kind: 'assigned', control: 38, lane: 'tom', from: 'snare' });
    lanes = second.lanes ?? lanes;
    expect(lanes.tom).toContain(21);
    expect(lanes.tom).toContain(38);
    expect(lanes.snare).not.toContain(38);
    expect(a.hit(hit(21, 900), lanes).result).toEqual({ kind: 'again', control: 21, lane: 'tom' });
    expect(a.taken).toEqual([21, 38]);
  });

  it('ignores other devices', () => {
    const a = new PadAssigner('midi:a', true);
    a.start('kick');
    expect(a.hit(hit(21, 0, 100, 'midi:b'), defaultMidiLanes()).result.kind).toBe('ignored');
  });

  it(`ignores crosstalk: a soft hit on another pad within ${CROSSTALK_MS} ms of a loud one`, () => {
    const a = new PadAssigner('midi:a', true);
    a.start('snare');
    const lanes = defaultMidiLanes();
    expect(a.hit(hit(21, 1000, 120), lanes).result.kind).toBe('assigned');
    expect(a.hit(hit(48, 1004, 20), lanes).result.kind).toBe('ignored');
    expect(a.hit(hit(48, 1004 + CROSSTALK_MS + 10, 20), lanes).result.kind).toBe('assigned');
    expect(a.hit(hit(49, 1100, 90), lanes).result.kind).toBe('assigned');
  });

  it("refuses a standard gamepad's menu buttons", () => {
    const a = new PadAssigner('gamepad:0', true);
    a.start('kick');
    expect(a.hit(hit(12, 0, undefined, 'gamepad:0'), STANDARD_PAD_LANES).result).toEqual({ kind: 'menu', control: 12 });
    const b = new PadAssigner('gamepad:0', false);
    b.start('kick');
    expect(b.hit(hit(12, 0, undefined, 'gamepad:0'), STANDARD_PAD_LANES).result.kind).toBe('assigned');
  });

  it('walks the lanes in order ("press each pad") and stops after the kick', () => {
    const a = new PadAssigner('gamepad:0', false);
    a.start('hihat');
    const walked = [a.lane];
    while (a.next()) walked.push(a.lane);
    expect(walked).toEqual(['hihat', 'snare', 'tom', 'kick']);
    expect(a.lane).toBeNull();
  });
});
