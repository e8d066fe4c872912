import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SONGS, TEST_SONG } from '../../src/content/songs';
import { loadSong } from '../../src/core/chart';
import type { DrumInput } from '../../src/core/judge';
import { Match, replay } from '../../src/core/match';
import {
  chartId,
  compareResults,
  contentHash,
  encodeReplay,
  loadReplay,
  MAX_REPLAY_INPUTS,
  makeReplay,
  openReplay,
  parseReplay,
  REPLAY_VERSION,
  type RecordedRun,
  type ReplayDoc,
  replayChecksum,
  replayFileName,
  songContentId,
} from '../../src/core/replay';
import { matchCharts, type Song } from '../../src/core/song';
import { LANES, type PlayerId } from '../../src/core/units';

const song = loadSong(TEST_SONG);
const other = loadSong(SONGS[1]);
const find = (id: string): Song | undefined => (id === song.id ? song : id === other.id ? other : undefined);

/** A recorded duet on the test song: each note pressed `offset(i)` ms from its time. */
function recorded(offset: (p: PlayerId, i: number) => number = () => 0, skip = -1): RecordedRun {
  const difficulties = ['hard', 'normal'] as const;
  const charts = matchCharts(song, difficulties);
  const inputs: DrumInput[] = [];
  for (const p of [0, 1] as const)
    charts[p].forEach((n, i) => {
      if (i !== skip) inputs.push({ player: p, lane: n.lane, time: n.time + offset(p, i) / 1000 + 0.012 });
    });
  const setup = { songId: song.id, mode: 'duet' as const, charts, difficulties, inputOffsetsMs: [12, 12] as const };
  return {
    song,
    mode: 'duet',
    difficulties,
    seats: ['local', 'local'],
    offsetsMs: [12, 12],
    seed: 42,
    inputs,
    results: replay(setup, inputs),
    recordedAt: '2026-12-03T10:00:00.000Z',
  };
}

function textOf(run: RecordedRun = recorded()): string {
  return encodeReplay(makeReplay(run));
}

/** A replay with one field changed and its checksum made to fit (a careful forger). */
function reforged(change: (doc: ReplayDoc) => ReplayDoc): string {
  const doc = change(JSON.parse(textOf()) as ReplayDoc);
  return JSON.stringify({ ...doc, checksum: replayChecksum(doc) });
}

function problemOf(text: string) {
  const r = loadReplay(text, find);
  if (r.ok) throw new Error('expected a problem');
  return r.problem;
}

describe('replay files: made, read, judged again', () => {
  it('round trip: the file opens, its song and charts are found, and judging it again gives the same results', () => {
    const run = recorded((p, i) => ((i * 7 + p * 13) % 90) - 45, 3);
    const r = loadReplay(textOf(run), find);
    if (!r.ok) throw new Error(JSON.stringify(r.problem));
    expect(r.value.results).toEqual(run.results);
    expect(r.value.differences).toEqual([]);
    expect(r.value.doc).toMatchObject({
      version: REPLAY_VERSION,
      mode: 'duet',
      difficulties: ['hard', 'normal'],
      seats: ['local', 'local'],
      offsetsMs: [12, 12],
      seed: 42,
      song: { id: 'test-song', title: song.title, contentId: songContentId(song) },
    });
    expect(r.value.inputs).toEqual(run.inputs);
  });

  it('any inputs in any arrival order: the file gives back exactly the results of the run (property)', () => {
    const charts = matchCharts(song, ['expert', 'easy']);
    const pressArb = fc.record({
      player: fc.constantFrom<PlayerId>(0, 1),
      note: fc.nat(),
      offsetMs: fc.double({ min: -200, max: 200, noNaN: true }),
      lane: fc.option(fc.constantFrom(...LANES), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.array(pressArb, { maxLength: 120 }),
        fc.tuple(fc.integer({ min: -400, max: 400 }), fc.integer({ min: -400, max: 400 })),
        (presses, offsets) => {
          const inputs = presses.map(({ player, note, offsetMs, lane }) => {
            const chart = charts[player];
            const n = chart[note % chart.length];
            if (!n) throw new Error('empty chart');
            return { player, lane: lane ?? n.lane, time: n.time + offsetMs / 1000 };
          });
          const setup = {
            songId: song.id,
            mode: 'battle' as const,
            charts,
            difficulties: ['expert', 'easy'] as const,
            inputOffsetsMs: offsets,
          };
          const results = replay(setup, inputs);
          const run: RecordedRun = {
            song,
            mode: 'battle',
            difficulties: ['expert', 'easy'],
            seats: ['local', 'cpu'],
            offsetsMs: offsets,
            seed: 1,
            inputs,
            results,
            recordedAt: '2026-01-01T00:00:00.000Z',
          };
          const opened = loadReplay(encodeReplay(makeReplay(run)), find);
          return (
            opened.ok &&
            opened.value.differences.length === 0 &&
            opened.value.results.players[0]?.score === results.players[0]?.score &&
            JSON.stringify(opened.value.results) === JSON.stringify(results)
          );
        },
      ),
      { numRuns: 60 },
    );
  }, 30_000);

  it('a match tells each judged note’s current judgement (what a seek redraws from)', () => {
    const charts = matchCharts(song, ['hard', 'hard']);
    const m = new Match({
      songId: song.id,
      mode: 'duet',
      charts,
      difficulties: ['hard', 'hard'],
      inputOffsetsMs: [0, 0],
    });
    const notes = charts[0];
    const first = notes[0];
    const later = notes.find((n) => first && n.time > first.time + 0.2);
    if (!first || !later) throw new Error('short chart');
    m.press({ player: 0, lane: later.lane, time: later.time + 0.03 });
    m.advance(later.time + 0.001);
    const judged = new Map(m.judged(0).map((j) => [j.note.id, j.judgement]));
    expect(judged.get(first.id)).toBe('miss');
    expect(judged.get(later.id)).toBe('great');
    expect([...judged.values()].filter((j) => j !== 'miss')).toEqual(['great']);
    expect(m.judged(1).length).toBeGreaterThan(0);
  });

  it('names files by song, mode, difficulties and date', () => {
    expect(replayFileName(makeReplay(recorded()))).toBe('test-song-duet-hard-normal-2026-12-03-100000.ddreplay');
  });

  it('hashes: stable, sensitive to content, 16 hex digits', () => {
    expect(contentHash('abc')).toMatch(/^[0-9a-f]{16}$/);
    expect(contentHash('abc')).toBe(contentHash('abc'));
    expect(contentHash('abc')).not.toBe(contentHash('abd'));
    const chart = matchCharts(song, ['hard', 'hard'])[0];
    expect(chartId(chart)).toBe(chartId([...chart]));
    expect(chartId(chart)).not.toBe(chartId(chart.slice(1)));
    expect(chartId(chart)).not.toBe(chartId(chart.map((n, i) => (i === 0 ? { ...n, time: n.time + 0.001 } : n))));
    expect(songContentId(song)).not.toBe(songContentId(other));
  });

  it('reports what differs when the rules that judge it now give other results', () => {
    const run = recorded();
    const doc = makeReplay(run);
    const worse = { ...doc.results, scores: [900_000, doc.results.scores[1]] as [number, number], harmony: 0.5 };
    worse.counts = [
      { ...doc.results.counts[0], perfect: doc.results.counts[0].perfect - 1, miss: 1 },
      doc.results.counts[1],
    ];
    const lines = compareResults(worse, run.results);
    expect(lines[0]).toBe('player 1 score: 900000 → 1000000');
    expect(lines).toContain(
      `player 1 perfect: ${doc.results.counts[0].perfect - 1} → ${doc.results.counts[0].perfect}`,
    );
    expect(lines).toContain('player 1 miss: 1 → 0');
    expect(lines).toContain('harmony: 50% → 100%');
    expect(compareResults({ ...doc.results, harmony: null }, { ...run.results, harmony: 1 })).toEqual([
      'harmony: – → 100%',
    ]);
    // a file whose recorded results were edited (and its checksum made to fit) opens, with the differences
    const opened = loadReplay(
      reforged((d) => ({ ...d, results: { ...d.results, scores: [123, d.results.scores[1]] } })),
      find,
    );
    expect(opened.ok && opened.value.differences).toEqual(['player 1 score: 123 → 1000000']);
  });
});

describe('bad replay files: a clear problem, nothing opened', () => {
  it('corrupt: not JSON, or JSON of something else', () => {
    expect(problemOf('hello')).toMatchObject({ kind: 'corrupt' });
    expect(problemOf('')).toMatchObject({ kind: 'corrupt' });
    expect(problemOf('[1,2]')).toEqual({ kind: 'corrupt', detail: 'not a replay file' });
    expect(problemOf('null')).toEqual({ kind: 'corrupt', detail: 'not a replay file' });
    expect(problemOf('{"format":"osu-replay","version":1}')).toEqual({ kind: 'corrupt', detail: 'not a replay file' });
    expect(problemOf('\u0000\u0001binary')).toMatchObject({ kind: 'corrupt' });
  });

  it('truncated: a file cut short anywhere after its start', () => {
    const text = textOf();
    for (const cut of [40, 200, Math.floor(text.length / 2), text.length - 3])
      expect(problemOf(text.slice(0, cut)), `cut at ${cut}`).toEqual({ kind: 'truncated' });
  });

  it('tampered: a changed input, score or seat without the checksum to match', () => {
    const doc = JSON.parse(textOf()) as ReplayDoc;
    const input = doc.inputs[5] as [number, string, number];
    input[2] += 0.01;
    expect(problemOf(JSON.stringify(doc))).toEqual({ kind: 'tampered' });
    const scored = JSON.parse(textOf()) as ReplayDoc;
    scored.results.scores[1] = 1;
    expect(problemOf(JSON.stringify(scored))).toEqual({ kind: 'tampered' });
    const seats = JSON.parse(textOf()) as ReplayDoc;
    seats.seats[1] = 'cpu';
    expect(problemOf(JSON.stringify(seats))).toEqual({ kind: 'tampered' });
  });

  it('future: a version this game does not know yet', () => {
    const doc = JSON.parse(textOf()) as ReplayDoc;
    expect(problemOf(JSON.stringify({ ...doc, version: 2 }))).toEqual({ kind: 'future', version: 2 });
  });

  it('invalid: a field out of bounds or missing, named', () => {
    expect(problemOf(reforged((d) => ({ ...d, mode: 'karaoke' as 'duet' })))).toMatchObject({ kind: 'invalid' });
    expect(problemOf(reforged((d) => ({ ...d, inputs: [[0, 'cowbell' as 'kick', 1], ...d.inputs] })))).toMatchObject({
      kind: 'invalid',
      detail: expect.stringContaining('inputs'),
    });
    expect(problemOf(reforged((d) => ({ ...d, inputs: [[2 as 0, 'kick', 1]] })))).toMatchObject({ kind: 'invalid' });
    expect(problemOf(reforged((d) => ({ ...d, offsetsMs: [9999, 0] })))).toMatchObject({
      kind: 'invalid',
      detail: expect.stringContaining('offsetsMs'),
    });
    const { seed: _s, ...noSeed } = JSON.parse(textOf()) as ReplayDoc;
    expect(problemOf(JSON.stringify(noSeed))).toMatchObject({
      kind: 'invalid',
      detail: expect.stringContaining('seed'),
    });
    const many = Array.from({ length: MAX_REPLAY_INPUTS + 1 }, () => [0, 'kick', 1] as [0, 'kick', number]);
    expect(problemOf(reforged((d) => ({ ...d, inputs: many })))).toMatchObject({ kind: 'invalid' });
  });

  it('a song this game does not have: says which', () => {
    const doc = reforged((d) => ({ ...d, song: { ...d.song, id: 'k-summit-anthem', title: 'Summit Anthem' } }));
    expect(problemOf(doc)).toEqual({ kind: 'missing-song', songId: 'k-summit-anthem', title: 'Summit Anthem' });
  });

  it('a chart that changed since the run: which song and whose part', () => {
    const parsed = parseReplay(textOf());
    if (!parsed.ok) throw new Error('bad');
    const changed: Song = {
      ...song,
      parts: [
        song.parts[0],
        {
          ...(song.parts[1] ?? song.parts[0]),
          charts: { normal: (song.parts[1]?.charts.normal ?? []).slice(1) },
        },
      ],
    };
    const r = openReplay(parsed.value, () => changed);
    expect(!r.ok && r.problem).toEqual({ kind: 'chart-changed', title: song.title, slot: 1 });
  });
});
