import { describe, expect, it } from 'vitest';
import {
  bestSlots,
  CPU_SKILLS,
  isLocal,
  LESSON_SONG,
  lineupFor,
  localSlots,
  MODES,
  runOffsets,
  slotForPress,
} from '../../src/core';

describe('lineupFor: every mode rule in one place', () => {
  it('Duet and Battle: two people, both keys sets their own, both can set bests, back to song select', () => {
    for (const mode of ['duet', 'battle'] as const) {
      const l = lineupFor(mode);
      expect(l.seats.map((s) => s.kind)).toEqual(['local', 'local']);
      expect([slotForPress(l, 0), slotForPress(l, 1)]).toEqual([0, 1]);
      expect(bestSlots(l)).toEqual([0, 1]);
      expect(l.back).toBe('SongSelect');
      expect(l.fixed).toBeNull();
    }
  });

  it('Solo: the person plays slot 0 with either key set; a CPU of the chosen skill plays slot 1', () => {
    const l = lineupFor('solo', 'pro');
    expect(l.seats[1]).toEqual({ kind: 'cpu', skill: CPU_SKILLS.pro });
    expect([slotForPress(l, 0), slotForPress(l, 1)]).toEqual([0, 0]);
    expect(bestSlots(l)).toEqual([0]);
    expect(localSlots(l)).toEqual([0]);
    expect(isLocal(l, 1)).toBe(false);
    expect(lineupFor('solo').seats[1].skill).toBe(CPU_SKILLS.steady);
  });

  it('Lesson: the person plays the novice part (slot 1) on the lesson song at Normal; a pro teacher plays slot 0', () => {
    const l = lineupFor('lesson');
    expect(l.seats[0]).toEqual({ kind: 'cpu', skill: CPU_SKILLS.pro });
    expect([slotForPress(l, 0), slotForPress(l, 1)]).toEqual([1, 1]);
    expect(bestSlots(l)).toEqual([1]);
    expect(l.back).toBe('ModeSelect');
    expect(l.fixed).toEqual({ songId: LESSON_SONG, difficulties: ['normal', 'normal'] });
  });

  it('offsets: a person keeps theirs, a CPU plays exactly, a replay keeps its recorded offsets', () => {
    expect(runOffsets(lineupFor('duet'), [12, -8])).toEqual([12, -8]);
    expect(runOffsets(lineupFor('solo'), [12, -8])).toEqual([12, 0]);
    expect(runOffsets(lineupFor('lesson'), [12, -8])).toEqual([0, -8]);
    const replaying = { ...lineupFor('duet'), seats: [{ kind: 'replay' }, { kind: 'local' }] as const };
    expect(runOffsets(replaying, [12, -8], [30, 40])).toEqual([30, -8]);
  });

  it('a lineup with no local seat takes no presses', () => {
    const watching = { ...lineupFor('duet'), seats: [{ kind: 'replay' }, { kind: 'replay' }] as const };
    expect([slotForPress(watching, 0), slotForPress(watching, 1)]).toEqual([null, null]);
    expect(bestSlots(watching)).toEqual([]);
  });

  it('covers every mode', () => {
    for (const m of MODES) expect(lineupFor(m).mode).toBe(m);
  });
});
