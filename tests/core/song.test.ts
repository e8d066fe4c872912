import { describe, expect, it } from 'vitest';
import {
  chartOf,
  difficultiesOf,
  loadTimedSong,
  matchCharts,
  nearestDifficulty,
  partOf,
  SongFormatError,
  type TimedSongData,
} from '../../src/core';

/** An imported song: one part with Hard and Easy only, its first beat 0.5 s into the audio. */
function timedSong(): TimedSongData {
  return {
    id: 'imported-abc123',
    title: 'My Song',
    composer: 'Me',
    tempo: [
      { time: 0.5, bpm: 150 },
      { time: 10.5, bpm: 100 },
    ],
    beatsPerBar: 4,
    length: 30,
    parts: [
      {
        character: 'takaichi',
        charts: {
          easy: [
            { time: 1, lane: 'kick', unison: true },
            { time: 2, lane: 'snare' },
          ],
          hard: [
            { time: 1, lane: 'kick', unison: true },
            { time: 1.2, lane: 'hihat' },
            { time: 2, lane: 'snare' },
          ],
        },
      },
    ],
    audio: { kind: 'file', key: 'audio-abc123', gainDb: -3.5 },
  };
}

function rejection(data: unknown): string {
  try {
    loadTimedSong(data);
  } catch (e) {
    expect(e).toBeInstanceOf(SongFormatError);
    return (e as Error).message;
  }
  throw new Error('accepted invalid data');
}

describe('loadTimedSong (the open song model)', () => {
  const song = loadTimedSong(timedSong());

  it('keeps seconds, builds the tempo map from timed changes and marks the song imported', () => {
    expect(song.origin).toBe('imported');
    expect(song.bpm).toBe(150);
    expect(song.tempo.toSeconds(0)).toBeCloseTo(0.5, 12);
    expect(song.tempo.toBeats(10.5)).toBeCloseTo(25, 12);
    expect(song.audio).toEqual({ kind: 'file', key: 'audio-abc123', gainDb: -3.5 });
    expect(chartOf(song, 0, 'hard').map((n) => [n.id, n.time, n.lane, n.unison])).toEqual([
      ['p0-hard-0', 1, 'kick', true],
      ['p0-hard-1', 1.2, 'hihat', false],
      ['p0-hard-2', 2, 'snare', false],
    ]);
  });

  it('a one-part song is played by both slots; missing difficulties fall to the nearest one', () => {
    expect(partOf(song, 1)).toBe(partOf(song, 0));
    expect(difficultiesOf(song, 1)).toEqual(['easy', 'hard']);
    expect(nearestDifficulty(song, 0, 'hard')).toBe('hard');
    expect(nearestDifficulty(song, 0, 'expert')).toBe('hard');
    // equally near: the easier one
    expect(nearestDifficulty(song, 0, 'normal')).toBe('easy');
    expect(chartOf(song, 1, 'expert')).toBe(chartOf(song, 0, 'hard'));
  });

  it('unison notes are matched by time', () => {
    const [a, b] = matchCharts(song, ['easy', 'hard']);
    expect(a.filter((n) => n.unison).map((n) => n.time)).toEqual([1]);
    expect(b.filter((n) => n.unison).map((n) => n.time)).toEqual([1]);
  });

  it('rejects bad data, naming the song and where', () => {
    const bad = (edit: (s: TimedSongData) => void) => {
      const s = timedSong();
      edit(s);
      return rejection(s);
    };
    expect(
      bad((s) => {
        s.length = Number.NaN;
      }),
    ).toMatch(/^song "imported-abc123": length: /);
    expect(
      bad((s) => {
        s.tempo = [];
      }),
    ).toMatch(/tempo/);
    expect(
      bad((s) => {
        s.parts[0].charts = {};
      }),
    ).toMatch(/a part needs at least one difficulty/);
    expect(
      bad((s) => {
        s.parts[0].charts.easy = [{ time: 1, lane: 'hihat' }];
      }),
    ).toBe(
      'song "imported-abc123": part 0 (takaichi), difficulty easy, note 0 at 1 s: easy plays only snare and kick, not hihat',
    );
    expect(
      bad((s) => {
        s.parts[0].charts.hard = [
          { time: 1, lane: 'kick' },
          { time: 1, lane: 'kick' },
        ];
      }),
    ).toMatch(/two kick notes at the same time/);
    expect(
      bad((s) => {
        s.parts[0].charts.hard = [
          { time: 1, lane: 'kick', unison: true },
          { time: 1, lane: 'snare', unison: true },
        ];
      }),
    ).toMatch(/only one unison note at a time/);
    expect(
      bad((s) => {
        s.parts[0].charts.hard = [
          { time: 2, lane: 'kick' },
          { time: 1, lane: 'snare' },
        ];
      }),
    ).toMatch(/notes must be sorted/);
    expect(rejection(null)).toMatch(/^song "\(no id\)": /);
    expect(
      bad((s) => {
        s.audio = { kind: 'stream' } as unknown as TimedSongData['audio'];
      }),
    ).toMatch(/audio/);
  });

  it('keeps a per-song offset and a click-track song', () => {
    const s = loadTimedSong({ ...timedSong(), audio: { kind: 'click' }, offsetMs: 12 });
    expect(s.audio).toEqual({ kind: 'click' });
    expect(s.offsetMs).toBe(12);
  });

  it('keeps an artist, and the music of a .mid with its own tempo map in beats', () => {
    const music = {
      tempo: [
        { beat: 0, bpm: 120 },
        { beat: 8, bpm: 60 },
      ],
      tracks: [
        {
          name: 'Piano',
          instrument: 'keys' as const,
          volume: -6,
          notes: [[0, 60, 1, 0.8] as [number, number, number, number]],
        },
      ],
    };
    const s = loadTimedSong({ ...timedSong(), artist: 'Someone', audio: { kind: 'synth', music } });
    expect(s.artist).toBe('Someone');
    expect(s.audio.kind).toBe('synth');
    if (s.audio.kind !== 'synth') return;
    expect(s.audio.music.tracks).toEqual(music.tracks);
    expect(s.audio.tempo?.toSeconds(8)).toBeCloseTo(4, 12);
    expect(s.audio.tempo?.toSeconds(9)).toBeCloseTo(5, 12);
    expect(loadTimedSong(timedSong()).artist).toBeUndefined();
  });

  it('refuses music whose tempo does not start at beat 0, is unsorted, or names an unknown instrument', () => {
    const withMusic = (music: unknown) => rejection({ ...timedSong(), audio: { kind: 'synth', music } });
    const track = { name: 't', instrument: 'keys', notes: [] };
    expect(withMusic({ tempo: [{ beat: 1, bpm: 120 }], tracks: [] })).toMatch(/starts at beat 0/);
    expect(
      withMusic({
        tempo: [
          { beat: 0, bpm: 120 },
          { beat: 0, bpm: 90 },
        ],
        tracks: [],
      }),
    ).toMatch(/sorted/);
    expect(withMusic({ tempo: [{ beat: 0, bpm: 120 }], tracks: [{ ...track, instrument: 'theremin' }] })).toMatch(
      /instrument/,
    );
    expect(withMusic({ tempo: [{ beat: 0, bpm: 120 }], tracks: [{ ...track, notes: [[0, 200, 1, 1]] }] })).toMatch(
      /audio/,
    );
  });
});
