import { Midi, type Track } from '@tonejs/midi';
import type { Instrument } from '../core/chart';
import { laneForMidiNote } from '../core/drumMap';
import type { Difficulty, Lane } from '../core/units';
import { checkBpm, checkSeconds, checkSize, earlyRemark, requireNotes, tidyChart, tidyTempo } from './common';
import { ChartFileError, type ImportNote, type ImportPart, type MusicTrack, type ParsedChartFile } from './types';

/*
 * Standard MIDI Files (.mid/.midi), read with @tonejs/midi. Two kinds:
 *
 * 1. Clone Hero / Rock Band charts: a track named `PART DRUMS`. Notes per difficulty:
 *    Expert 96–100, Hard 84–88, Medium (→ normal) 72–76, Easy 60–64, each kick, red, yellow,
 *    blue, green; 95 is Expert+ double kick (played as kick, with a remark). Tom markers 110, 111,
 *    112 (yellow, blue, green): in .mid a yellow/blue/green note is a cymbal unless the marker of
 *    its colour is held over it. A 5-lane chart (any note 101, 89, 77 or 65) has red snare,
 *    yellow and orange cymbals, blue and green toms. Lanes: kick → kick, red → snare,
 *    cymbals → hi-hat, toms → tom. No music (the audio comes beside the chart: song.ogg).
 *
 * 2. General MIDI songs: the drum track is channel 10 (index 9); its notes go through the
 *    game's MIDI drum map (src/core/drumMap.ts, as the MIDI kit input); crashes, splash and china
 *    (49 57 55 52) are accents; other percussion (tambourine, cowbell…) is not played. It becomes
 *    the expert chart. Every other track with notes becomes `music`, in beats (ticks / PPQ), so a
 *    .mid alone is a complete song, with General MIDI programs mapped to the game's instruments:
 *    pianos, organs → keys; chromatic percussion, tinkle bell, agogo, steel drums → bell;
 *    guitars → guitar; basses → bass; strings, ensembles, synth pads, synth effects, sound
 *    effects → pad; brass, reeds, pipes, synth leads → lead; ethnic (sitar, koto…) → pluck;
 *    woodblock, taiko, melodic toms, synth drums, reverse cymbal → shaker. A track's first
 *    volume controller (CC 7) becomes its level in dB (20·log10, at least -60 dB).
 *
 * Time comes from the file's tempo map (song seconds = MIDI seconds: the .mid starts with its
 * audio). Refused: a file that is not MIDI, cut short or damaged, with SMPTE time division, an
 * absurd tempo, no drum track, or no drum notes.
 */

const DIFFICULTY_BASE: readonly (readonly [Difficulty, number, string])[] = [
  ['easy', 60, 'Easy'],
  ['normal', 72, 'Medium'],
  ['hard', 84, 'Hard'],
  ['expert', 96, 'Expert'],
];
const ACCENT_NOTES = new Set([49, 57, 55, 52]);

/** The game instrument for a General MIDI program (0–127). */
export function instrumentForProgram(program: number): Instrument {
  const family = Math.floor(program / 8);
  if (program >= 112 && program <= 114) return 'bell';
  if (program >= 115 && program <= 119) return 'shaker';
  const byFamily: Instrument[] = [
    'keys', // 0 piano
    'bell', // 8 chromatic percussion
    'keys', // 16 organ
    'guitar', // 24 guitar
    'bass', // 32 bass
    'pad', // 40 strings
    'pad', // 48 ensemble
    'lead', // 56 brass
    'lead', // 64 reed
    'lead', // 72 pipe
    'lead', // 80 synth lead
    'pad', // 88 synth pad
    'pad', // 96 synth effects
    'pluck', // 104 ethnic
    'shaker', // 112 percussive
    'pad', // 120 sound effects
  ];
  return byFamily[Math.max(0, Math.min(15, family))] as Instrument;
}

function readMidi(bytes: Uint8Array): Midi {
  checkSize(bytes);
  if (!(bytes[0] === 0x4d && bytes[1] === 0x54 && bytes[2] === 0x68 && bytes[3] === 0x64)) {
    throw new ChartFileError('this is not a MIDI file (it does not start with "MThd")');
  }
  // Time division: the high bit set means SMPTE frames, which charts never use.
  if (bytes.length >= 14 && (bytes[12] as number) & 0x80) {
    throw new ChartFileError('MIDI files timed in SMPTE frames are not supported (only ticks per beat)');
  }
  checkChunks(bytes);
  let midi: Midi;
  try {
    midi = new Midi(bytes);
  } catch (e) {
    throw new ChartFileError(`the MIDI file is damaged (${(e as Error)?.message ?? String(e)})`);
  }
  const ppq = midi.header.ppq;
  if (!Number.isFinite(ppq) || ppq <= 0) throw new ChartFileError('the MIDI file gives no ticks per beat');
  for (const t of midi.header.tempos) checkBpm(t.bpm, null);
  for (const track of midi.tracks) {
    for (const n of track.notes) {
      if (!Number.isFinite(n.ticks) || !Number.isFinite(n.durationTicks) || n.midi < 0 || n.midi > 127) {
        throw new ChartFileError('the MIDI file is damaged or cut short (a note has no valid time)');
      }
    }
  }
  return midi;
}

/**
 * Walks the file's chunks before the MIDI reader sees it: the header and every track must be
 * whole (a cut-short file would otherwise lose its last notes without a word), each track
 * ending with its End of Track event.
 */
function checkChunks(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const cut = () => new ChartFileError('the MIDI file is cut short');
  if (bytes.length < 14) throw cut();
  const headerLength = view.getUint32(4);
  const tracks = view.getUint16(10);
  let at = 8 + headerLength;
  let seen = 0;
  while (at < bytes.length) {
    if (at + 8 > bytes.length) throw cut();
    const type = String.fromCharCode(...bytes.subarray(at, at + 4));
    const length = view.getUint32(at + 4);
    const end = at + 8 + length;
    if (end > bytes.length) throw cut();
    if (type === 'MTrk') {
      seen++;
      if (length < 3 || bytes[end - 3] !== 0xff || bytes[end - 2] !== 0x2f || bytes[end - 1] !== 0x00) {
        throw new ChartFileError(`track ${seen} of the MIDI file has no end: the file is damaged or cut short`);
      }
    }
    at = end;
  }
  if (seen < tracks)
    throw new ChartFileError(`the MIDI file announces ${tracks} tracks but holds ${seen}: it is cut short`);
}

/** Parses a .mid/.midi file. @throws ChartFileError */
export function parseMidi(bytes: Uint8Array, fileName = ''): ParsedChartFile {
  const midi = readMidi(bytes);
  const seconds = (ticks: number) => checkSeconds(midi.header.ticksToSeconds(ticks), 'a note', null);
  const tempoTicks = midi.header.tempos.length > 0 ? midi.header.tempos : [{ ticks: 0, bpm: 120 }];
  const first = tempoTicks[0] as { ticks: number; bpm: number };
  const tempoList = [
    ...(first.ticks > 0 ? [{ ticks: 0, bpm: first.bpm }] : []),
    ...tempoTicks.map((t) => ({ ticks: t.ticks, bpm: t.bpm })),
  ];
  const tempo = tidyTempo(tempoList.map((t) => ({ time: seconds(t.ticks), bpm: t.bpm })));
  const ts = midi.header.timeSignatures[0]?.timeSignature;
  const bpb = ts ? ((ts[0] ?? 4) * 4) / (ts[1] ?? 4) : 4;
  const beatsPerBar = Number.isInteger(bpb) && bpb >= 1 && bpb <= 16 ? bpb : 4;
  const title = midi.header.name.trim() || fileName.replace(/\.(mid|midi)$/i, '') || 'Untitled';
  const remarks: string[] = [];

  const partDrums = midi.tracks.find((t) => /^PART DRUMS$/i.test(t.name.trim()));
  if (partDrums) {
    const { part, doubleKick, early } = readPartDrums(partDrums, seconds);
    requireNotes([part]);
    if (doubleKick) remarks.push('double-kick (Expert+) notes are played as kick');
    const e = earlyRemark(early);
    if (e) remarks.push(e);
    remarks.push('Clone Hero songs keep their audio beside the chart (song.ogg or similar): add it with the chart');
    return { format: 'mid', title, artist: '', audioFile: null, tempo, beatsPerBar, parts: [part], remarks };
  }

  const drums = midi.tracks.filter((t) => t.channel === 9 && t.notes.length > 0);
  if (drums.length === 0) {
    throw new ChartFileError(
      'the MIDI file has no drum track: it needs a "PART DRUMS" track (Clone Hero) or drums on channel 10 (General MIDI)',
    );
  }
  const notes: ImportNote[] = [];
  let unmapped = 0;
  for (const track of drums) {
    for (const n of track.notes) {
      const lane = laneForMidiNote(n.midi);
      if (!lane) {
        unmapped++;
        continue;
      }
      const time = seconds(n.ticks);
      notes.push(ACCENT_NOTES.has(n.midi) ? { time, lane, accent: true } : { time, lane });
    }
  }
  const tidy = tidyChart(notes, 'General MIDI drums');
  requireNotes([{ expert: tidy.chart }]);
  if (unmapped > 0) {
    const one = unmapped === 1;
    remarks.push(
      `${unmapped} percussion note${one ? '' : 's'} outside the drum kit (tambourine, cowbell…) ${one ? 'is' : 'are'} not played`,
    );
  }
  const e = earlyRemark(tidy.early);
  if (e) remarks.push(e);

  const ppq = midi.header.ppq;
  const tracks: MusicTrack[] = [];
  midi.tracks.forEach((track, i) => {
    if (track.channel === 9 || track.notes.length === 0) return;
    const instrument = instrumentForProgram(track.instrument.number);
    const out: MusicTrack = {
      name: track.name.trim() || track.instrument.name || `Track ${i + 1}`,
      instrument,
      notes: track.notes.map((n): [number, number, number, number] => [
        n.ticks / ppq,
        n.midi,
        Math.max(0.01, n.durationTicks / ppq),
        Math.max(0, Math.min(1, n.velocity)),
      ]),
    };
    const volume = track.controlChanges[7]?.[0]?.value;
    if (volume !== undefined) out.volume = volume > 0 ? Math.max(-60, Math.min(6, 20 * Math.log10(volume))) : -60;
    tracks.push(out);
  });
  return {
    format: 'mid',
    title,
    artist: '',
    audioFile: null,
    tempo,
    beatsPerBar,
    parts: [{ expert: tidy.chart }],
    music: { tempo: tempoList.map((t) => ({ beat: t.ticks / ppq, bpm: t.bpm })), tracks },
    remarks,
  };
}

function readPartDrums(
  track: Track,
  seconds: (ticks: number) => number,
): { part: ImportPart; doubleKick: boolean; early: number } {
  const toms = new Map<number, { start: number; end: number }[]>();
  for (const n of track.notes) {
    if (n.midi >= 110 && n.midi <= 112) {
      const list = toms.get(n.midi - 108) ?? [];
      list.push({ start: n.ticks, end: n.ticks + Math.max(1, n.durationTicks) });
      toms.set(n.midi - 108, list);
    }
  }
  const fiveLane = track.notes.some((n) => n.midi === 101 || n.midi === 89 || n.midi === 77 || n.midi === 65);
  const isTom = (pad: number, ticks: number) => (toms.get(pad) ?? []).some((r) => ticks >= r.start && ticks < r.end);
  const laneOf = (pad: number, ticks: number): Lane => {
    if (pad === 0) return 'kick';
    if (pad === 1) return 'snare';
    if (fiveLane) return pad === 2 || pad === 4 ? 'hihat' : 'tom';
    return isTom(pad, ticks) ? 'tom' : 'hihat';
  };
  const part: ImportPart = {};
  let doubleKick = false;
  let early = 0;
  for (const [difficulty, base, label] of DIFFICULTY_BASE) {
    const notes: ImportNote[] = [];
    for (const n of track.notes) {
      let pad = n.midi - base;
      if (difficulty === 'expert' && n.midi === 95) {
        pad = 0;
        doubleKick = true;
      }
      if (pad < 0 || pad > (fiveLane ? 5 : 4)) continue;
      notes.push({ time: seconds(n.ticks), lane: laneOf(pad, n.ticks) });
    }
    const tidy = tidyChart(notes, label);
    early += tidy.early;
    if (tidy.chart.notes.length > 0) part[difficulty] = tidy.chart;
  }
  return { part, doubleKick, early };
}
