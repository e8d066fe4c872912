import {
  type Difficulty,
  type DrumInput,
  type Judgement,
  type Lane,
  Match,
  type MatchEvent,
  type MatchSetup,
  type Mode,
  type Ms,
  type Note,
  type NoteJudgement,
  type PlayerId,
  type Seconds,
  type SongData,
} from '../../src/core';

/** A chart note at `time` seconds; `beat` is time at 120 BPM. */
export function note(id: string, time: Seconds, lane: Lane, unison = false): Note {
  return { id, time, beat: time * 2, lane, unison };
}

export interface SetupOptions {
  mode?: Mode;
  difficulties?: [Difficulty, Difficulty];
  offsets?: [Ms, Ms];
}

export function makeSetup(charts: [Note[], Note[]], opts: SetupOptions = {}): MatchSetup {
  return {
    songId: 'test-song',
    mode: opts.mode ?? 'duet',
    charts,
    difficulties: opts.difficulties ?? ['hard', 'hard'],
    inputOffsetsMs: opts.offsets ?? [0, 0],
  };
}

export function press(player: PlayerId, lane: Lane, time: Seconds): DrumInput {
  return { player, lane, time };
}

/** A Match with every event it emits recorded in order. */
export function recordedMatch(setup: MatchSetup): { match: Match; events: MatchEvent[] } {
  const match = new Match(setup);
  const events: MatchEvent[] = [];
  match.on((e) => events.push(e));
  return { match, events };
}

/** `{ noteId: judgement }` of the judgement events of one player, in emission order. */
export function judgementsOf(events: readonly MatchEvent[], player: PlayerId): [string, Judgement, Ms | null][] {
  return events.flatMap((e) =>
    e.type === 'judgement' && e.player === player
      ? [[e.result.note.id, e.result.judgement, e.result.offsetMs] as [string, Judgement, Ms | null]]
      : [],
  );
}

/** A bare judgement for feeding a ScoreProcessor. */
export function judged(judgement: Judgement, i = 0): NoteJudgement {
  return { note: note(`n${i}`, i, 'snare'), judgement, offsetMs: judgement === 'miss' ? null : 0, time: i };
}

/** A small valid song: 2 tempo segments, both parts with every difficulty, one unison beat. */
export function validSong(): SongData {
  return {
    id: 'test-song',
    title: 'Test Song',
    composer: 'Nobody',
    tempo: [
      { beat: 0, bpm: 120 },
      { beat: 8, bpm: 60 },
    ],
    beatsPerBar: 4,
    lengthBeats: 16,
    sections: [
      { beat: 0, kind: 'intro' },
      { beat: 8, kind: 'chorus' },
    ],
    parts: [
      {
        character: 'takaichi',
        charts: {
          easy: [
            { beat: 0, lane: 'kick' },
            { beat: 4, lane: 'snare', unison: true },
          ],
          normal: [
            { beat: 0, lane: 'kick' },
            { beat: 0, lane: 'hihat' },
            { beat: 4, lane: 'snare', unison: true },
          ],
          hard: [
            { beat: 0, lane: 'kick' },
            { beat: 2, lane: 'tom' },
            { beat: 4, lane: 'snare', unison: true },
            { beat: 10, lane: 'hihat' },
          ],
          expert: [
            { beat: 0, lane: 'kick' },
            { beat: 1, lane: 'hihat' },
            { beat: 4, lane: 'snare', unison: true },
            { beat: 12, lane: 'tom' },
          ],
        },
      },
      {
        character: 'lee',
        charts: {
          easy: [{ beat: 4, lane: 'kick', unison: true }],
          normal: [
            { beat: 2, lane: 'snare' },
            { beat: 4, lane: 'kick', unison: true },
          ],
          hard: [
            { beat: 2, lane: 'snare' },
            { beat: 4, lane: 'kick', unison: true },
            { beat: 8, lane: 'tom', unison: false },
          ],
          expert: [
            { beat: 2, lane: 'snare' },
            { beat: 4, lane: 'kick', unison: true },
            { beat: 9, lane: 'hihat' },
            { beat: 16, lane: 'kick' },
          ],
        },
      },
    ],
    music: {
      tracks: [
        {
          name: 'bass',
          instrument: 'bass',
          volume: -6,
          notes: [
            [0, 36, 1, 0.8],
            [4, 43, 2, 0.7],
          ],
        },
      ],
    },
  };
}

/** True when every note of both charts is judged. */
export function finished(match: Match): boolean {
  return ([0, 1] as const).every((p) => match.player(p).judged === match.setup.charts[p].length);
}

/** Harmony as the last unison event gave it: the share of decided unison notes hit together; null before any. */
export function harmonySoFar(events: readonly MatchEvent[]): number | null {
  const last = events.filter((e) => e.type === 'unison').at(-1);
  return last?.type === 'unison' ? last.harmony : null;
}

/** Unison notes in a setup's charts (each appears once per chart). */
export function unisonCount(setup: MatchSetup): number {
  return new Set(
    setup.charts
      .flat()
      .filter((n) => n.unison)
      .map((n) => n.time),
  ).size;
}
