import { describe, expect, it } from 'vitest';
import { Metronome, type MetronomeAudio } from '../../src/run/metronome';

/** Audible time = performance time + 5 s; clicks recorded. */
function fakeAudio(now: { perf: number }) {
  const clicks: [number, boolean][] = [];
  let stops = 0;
  const audio: MetronomeAudio = {
    sample() {},
    audibleNow: () => now.perf / 1000 + 5,
    clickAtAudible: (t, accent) => void clicks.push([t, accent]),
    stopSong: () => void stops++,
    sync: { ready: true, audioTimeAt: (at) => at / 1000 + 5, perfTimeAt: (t) => (t - 5) * 1000 },
  };
  return { audio, clicks, stops: () => stops };
}

describe('Metronome', () => {
  it('clicks every beat from the lead-in on, accenting every fourth; event stamps map to beats', () => {
    const now = { perf: 1000 };
    const f = fakeAudio(now);
    const m = new Metronome(f.audio, 0.6, 1);
    expect(m.t0).toBeCloseTo(7, 12);
    m.clickUntil(5);
    expect(f.clicks.map(([t, a]) => [Math.round((t - 7) * 10) / 10, a])).toEqual([
      [0, true],
      [0.6, false],
      [1.2, false],
      [1.8, false],
      [2.4, true],
    ]);
    expect(m.timeAt(2000 + 600)).toBeCloseTo(0.6, 9);
    expect(m.perfTimeOf(0, 1.2)).toBeCloseTo(3200, 6);
    now.perf = 4000;
    expect(m.elapsed()).toBeCloseTo(2, 9);
  });

  it('schedules ahead without clicking twice', () => {
    const now = { perf: 0 };
    const f = fakeAudio(now);
    const m = new Metronome(f.audio, 0.5, 0);
    m.clickAhead(1.2);
    expect(f.clicks.length).toBe(3);
    m.clickAhead(1.2);
    expect(f.clicks.length).toBe(3);
    now.perf = 1000;
    m.clickAhead(1.2);
    expect(f.clicks.length).toBe(5);
    m.stop();
    expect(f.stops()).toBe(2);
  });
});
