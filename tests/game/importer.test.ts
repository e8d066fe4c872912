import { describe, expect, it } from 'vitest';
import { difficultiesOf, type Song } from '../../src/core/song';
import { DIFFICULTIES } from '../../src/core/units';
import { Importer, type ImportFile, type ImportMessages, type MeasuredMusic } from '../../src/game/importer';
import {
  buildTimedSong,
  contentId,
  idFromDigest,
  kindOfFile,
  pickAudio,
  sizeProblem,
  songLength,
} from '../../src/game/importPlan';
import { SongLibrary } from '../../src/game/library';
import { MemorySongDatabase } from '../../src/game/songDatabase';
import {
  cloneHeroChart,
  duetTja,
  generalMidi,
  music,
  type NamedFile,
  pictureAsTja,
  taikoOsz,
  zipBomb,
} from '../fixtures/importable';

const file = (f: NamedFile): ImportFile => ({ name: f.name, size: f.bytes.length, bytes: async () => f.bytes });
/** A file whose size is claimed but whose bytes must never be read. */
const unread = (name: string, size: number): ImportFile => ({
  name,
  size,
  bytes: async () => {
    throw new Error(`${name} was read`);
  },
});

interface Harness {
  importer: Importer;
  db: MemorySongDatabase;
  library: SongLibrary;
  log: { level: 'info' | 'error'; text: string }[];
  decoded: string[];
}

function harness(options: { measure?: (name: string) => MeasuredMusic } = {}): Harness {
  const db = new MemorySongDatabase();
  const library = new SongLibrary([]);
  const log: Harness['log'] = [];
  const decoded: string[] = [];
  const importer = new Importer({
    db,
    library,
    async measureMusic(_key, bytes, name) {
      decoded.push(name);
      if (options.measure) return options.measure(name);
      if (bytes[0] !== 0x52) throw new Error('the music could not be decoded');
      return { duration: 14, gainDb: -2.345 };
    },
    messages: {
      imported: (title, d) =>
        log.push({
          level: 'info',
          text: `imported ${title} parts=${d.parts} click=${d.click} ${d.remarks.join('; ')}`,
        }),
      failed: (text) => log.push({ level: 'error', text }),
      full: (text) => log.push({ level: 'error', text: `FULL ${text}` }),
      unused: (name, alone) => log.push({ level: alone ? 'error' : 'info', text: `unused ${name}` }),
    },
  });
  return { importer, db, library, log, decoded };
}

function expectDuet(song: Song): void {
  expect(song.parts).toHaveLength(2);
  for (const p of [0, 1] as const) expect(difficultiesOf(song, p)).toEqual([...DIFFICULTIES]);
  for (const part of song.parts) {
    for (const d of DIFFICULTIES) expect(part.charts[d]?.length).toBeGreaterThan(0);
    expect(part.charts.expert?.some((n) => n.unison)).toBe(true);
  }
}

describe('import rules (pure)', () => {
  it('tells music, .osz and charts apart by name, with limits per kind', () => {
    expect(['a.mp3', 'b.OGG', 'c.wav', 'd.m4a'].map(kindOfFile)).toEqual(['audio', 'audio', 'audio', 'audio']);
    expect(kindOfFile('x.osz')).toBe('osz');
    expect(kindOfFile('x.tja')).toBe('chart');
    expect(kindOfFile('README')).toBe('chart');
    expect(sizeProblem('chart', 0)).toBe('the file is empty (0 bytes)');
    expect(sizeProblem('audio', 100 * 1048576)).toMatch(/100\.0 MB; music files over 64 MB are refused/);
    expect(sizeProblem('chart', 11 * 1048576)).toMatch(/chart files over 10 MB/);
    expect(sizeProblem('osz', 63 * 1048576)).toBeNull();
  });

  it("matches a chart's music by name, then by stem, then as the only pair", () => {
    expect(pickAudio('song.ogg', ['x.mp3', 'Song.OGG'], false)).toBe('Song.OGG');
    expect(pickAudio('audio/song.ogg', ['song.mp3'], false)).toBe('song.mp3');
    expect(pickAudio('song.ogg', ['other.mp3'], true)).toBe('other.mp3');
    expect(pickAudio('song.ogg', ['other.mp3'], false)).toBeNull();
    expect(pickAudio('song.ogg', ['a.mp3', 'b.mp3'], true)).toBeNull();
  });

  it('derives ids from content: imported- and 12 hex digits of SHA-256', async () => {
    const a = await contentId(new TextEncoder().encode('abc'));
    expect(a).toBe('imported-ba7816bf8f01');
    expect(await contentId(new TextEncoder().encode('abc'), 'audio')).toBe('audio-ba7816bf8f01');
    expect(idFromDigest(new Uint8Array(32).fill(255).buffer)).toBe('imported-ffffffffffff');
  });

  it('ends a song with its music, but within 8 s of its last note', () => {
    expect(songLength(10, null)).toBe(11.5);
    expect(songLength(10, 12)).toBe(12);
    expect(songLength(10, 240)).toBe(18);
    expect(songLength(10, 5)).toBe(11.5);
    expect(songLength(0, null)).toBe(1.5);
  });
});

describe('Importer', () => {
  it('imports a two-player TJA chosen with its music: a duet at four difficulties, stored and listed', async () => {
    const h = harness();
    const [song] = await h.importer.importFiles([file(duetTja()), file({ name: 'duet.wav', bytes: music(1) })]);
    expect(song?.id).toMatch(/^imported-[0-9a-f]{12}$/);
    expect(song?.title).toBe('Summit Duet');
    expect(song?.audio).toEqual({ kind: 'file', key: expect.stringMatching(/^audio-[0-9a-f]{12}$/), gainDb: -2.35 });
    expectDuet(song as Song);
    expect(h.library.get(song?.id as string)).toBe(song);
    const record = h.db.songs.get(song?.id as string);
    expect(record?.files).toEqual(['Summit Duet.tja', 'duet.wav']);
    expect(h.db.audios.size).toBe(1);
    expect(h.log).toEqual([
      { level: 'info', text: expect.stringMatching(/^imported Summit Duet parts=2 click=false/) },
    ]);
  });

  it('imports a taiko .osz with the music inside it', async () => {
    const h = harness();
    const [song] = await h.importer.importFiles([file(taikoOsz(2))]);
    expect(song?.title).toBe('Lantern Taiko');
    expect(song?.artist).toBe('Test Ensemble');
    expect(h.decoded).toEqual(['audio.wav']);
    expectDuet(song as Song);
    expect(
      h.db.audios.get((song as Song).audio.kind === 'file' ? ((song as Song).audio as { key: string }).key : '')?.name,
    ).toBe('audio.wav');
  });

  it('imports a Clone Hero chart without music as a click-track song, and says so', async () => {
    const h = harness();
    const [song] = await h.importer.importFiles([file(cloneHeroChart())]);
    expect(song?.audio).toEqual({ kind: 'click' });
    expect(song?.bpm).toBe(150);
    expectDuet(song as Song);
    expect(h.log[0]?.text).toMatch(/click=true/);
    expect(h.db.audios.size).toBe(0);
  });

  it('imports a General MIDI file as a complete song: its other tracks are the music', async () => {
    const h = harness();
    const [song] = await h.importer.importFiles([file(generalMidi())]);
    expect(song?.audio.kind).toBe('synth');
    if (song?.audio.kind !== 'synth') return;
    expect(song.audio.music.tracks.map((t) => t.instrument).sort()).toEqual(['bass', 'keys']);
    expect(song.audio.tempo?.toSeconds(4)).toBeCloseTo((4 * 60) / 110, 4);
    // 32 beats at 110 BPM, the piano's last chord ringing 4 beats: within 8 s of the last note
    expect(song.length).toBeGreaterThan((31 * 60) / 110);
    expectDuet(song);
  });

  it('the same chart imported twice is one song; its offset survives a re-import', async () => {
    const h = harness();
    const [a] = await h.importer.importFiles([file(cloneHeroChart())]);
    await h.importer.setOffset(a?.id as string, 35);
    const [b] = await h.importer.importFiles([file(cloneHeroChart())]);
    expect(b?.id).toBe(a?.id);
    expect(b?.offsetMs).toBe(35);
    expect(h.library.all).toHaveLength(1);
    expect(h.db.songs.size).toBe(1);
  });

  it('loads stored songs back, in import order, leaving out (and naming) a record that no longer validates', async () => {
    const h = harness();
    await h.importer.importFiles([file(cloneHeroChart()), file(generalMidi())]);
    const [first] = [...h.db.songs.values()];
    h.db.songs.set('imported-broken', {
      ...(first as NonNullable<typeof first>),
      id: 'imported-broken',
      song: { ...(first?.song as NonNullable<typeof first>['song']), id: 'imported-broken', length: -1 },
    });
    const fresh = new SongLibrary([]);
    const again = new Importer({
      db: h.db,
      library: fresh,
      measureMusic: async () => ({ duration: 1, gainDb: 0 }),
      messages: (h.importer as unknown as { deps: { messages: ImportMessages } }).deps.messages,
    });
    const { loaded, problems } = await again.load();
    expect(loaded.map((s) => s.title)).toEqual(['Deer Park Drums', 'Deer Park March']);
    expect(problems).toEqual([expect.stringMatching(/^song "imported-broken": length/)]);
  });

  it('deletes a song and its music (kept while another song plays it)', async () => {
    const h = harness();
    const wavFile = { name: 'duet.wav', bytes: music(1) };
    const [song] = await h.importer.importFiles([file(duetTja()), file(wavFile)]);
    await h.importer.delete(song?.id as string);
    expect(h.library.all).toEqual([]);
    expect(h.db.songs.size).toBe(0);
    expect(h.db.audios.size).toBe(0);
  });

  it.each([
    ['a 0-byte file', () => [file({ name: 'empty.tja', bytes: new Uint8Array(0) })], /^empty\.tja: the file is empty/],
    ['a 100 MB file, never read', () => [unread('huge.mp3', 100 * 1048576)], /^huge\.mp3: the file is 100\.0 MB/],
    ['a 100 MB chart, never read', () => [unread('huge.tja', 100 * 1048576)], /^huge\.tja: the file is 100\.0 MB/],
    ['a picture renamed .tja', () => [file(pictureAsTja())], /^cover\.tja: this is a PNG picture, not a chart/],
    [
      'an unknown format',
      () => [file({ name: 'notes.txt', bytes: new TextEncoder().encode('hello') })],
      /^notes\.txt: unknown chart format/,
    ],
    ['a zip bomb', () => [file(zipBomb())], /^bomb\.osz: .*zip bomb/],
    [
      'a truncated .osz',
      () => {
        const osz = taikoOsz(1);
        return [file({ name: osz.name, bytes: osz.bytes.subarray(0, Math.floor(osz.bytes.length / 2)) })];
      },
      /^Lantern Taiko\.osz: /,
    ],
    [
      'a truncated MIDI file',
      () => {
        const mid = generalMidi();
        return [file({ name: mid.name, bytes: mid.bytes.subarray(0, 40) })];
      },
      /^deer-park-march\.mid: /,
    ],
    [
      'a chart with no notes',
      () => [
        file({
          name: 'empty.tja',
          bytes: new TextEncoder().encode('TITLE:x\nBPM:120\nCOURSE:Oni\n#START\n0000,\n#END\n'),
        }),
      ],
      /^empty\.tja: the chart has no notes/,
    ],
    [
      'NaN timing, named with its line',
      () => [
        file({
          name: 'nan.tja',
          bytes: new TextEncoder().encode('TITLE:x\nBPM:NaN\nCOURSE:Oni\n#START\n1111,\n#END\n'),
        }),
      ],
      /^nan\.tja, line 2: /,
    ],
    [
      'an absurd BPM',
      () => [
        file({
          name: 'fast.tja',
          bytes: new TextEncoder().encode('TITLE:x\nBPM:100000\nCOURSE:Oni\n#START\n1111,\n#END\n'),
        }),
      ],
      /^fast\.tja, line 2: a BPM must be above 0 and at most 1000/,
    ],
    [
      'a missing music file',
      () => [file(duetTja())],
      /^Summit Duet\.tja: its music "duet\.wav" was not among the files/,
    ],
    [
      'music that cannot be decoded',
      () => [file(duetTja()), file({ name: 'duet.wav', bytes: new Uint8Array([1, 2, 3]) })],
      /^duet\.wav: the music could not be decoded/,
    ],
  ])('refuses %s with an error naming the file, importing nothing', async (_what, files, message) => {
    const h = harness();
    const before = await h.importer.importFiles([file(cloneHeroChart())]);
    const songs = await h.importer.importFiles(files());
    expect(songs).toEqual([]);
    expect(h.library.all).toEqual(before);
    expect(h.db.songs.size).toBe(1);
    expect(h.db.audios.size).toBe(0);
    const errors = h.log.filter((l) => l.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.text).toMatch(message);
  });

  it('a full quota: a clear message, nothing stored or listed', async () => {
    const h = harness();
    h.db.full = true;
    const songs = await h.importer.importFiles([file(duetTja()), file({ name: 'duet.wav', bytes: music(1) })]);
    expect(songs).toEqual([]);
    expect(h.library.all).toEqual([]);
    expect(h.log).toEqual([{ level: 'error', text: expect.stringMatching(/^FULL Summit Duet\.tja: storage is full/) }]);
  });

  it('imports the good files of a batch and names the bad ones; music alone is refused', async () => {
    const h = harness();
    const songs = await h.importer.importFiles([file(pictureAsTja()), file(cloneHeroChart()), file(generalMidi())]);
    expect(songs.map((s) => s.title)).toEqual(['Deer Park Drums', 'Deer Park March']);
    expect(h.log.filter((l) => l.level === 'error').map((l) => l.text)).toEqual([
      expect.stringMatching(/^cover\.tja: /),
    ]);
    const alone = harness();
    expect(await alone.importer.importFiles([file({ name: 'song.wav', bytes: music(1) })])).toEqual([]);
    expect(alone.log).toEqual([{ level: 'error', text: 'unused song.wav' }]);
  });

  it('reports progress for each step and ends with null', async () => {
    const h = harness();
    const seen: unknown[] = [];
    h.importer.on('progress', (p) => seen.push(p && `${p.index}/${p.total} ${p.stage} ${p.file}`));
    await h.importer.importFiles([file(duetTja()), file({ name: 'duet.wav', bytes: music(1) })]);
    expect(seen).toEqual([
      '1/1 reading Summit Duet.tja',
      '1/1 parsing Summit Duet.tja',
      '1/1 reading duet.wav',
      '1/1 decoding duet.wav',
      '1/1 saving Summit Duet.tja',
      null,
    ]);
  });

  it("builds the stored song with both parts, rounded times and the chart's artist", () => {
    const data = buildTimedSong({
      id: 'imported-000000000000',
      fileName: 'x.tja',
      parsed: {
        format: 'tja',
        title: '',
        artist: ' Someone ',
        audioFile: null,
        tempo: [{ time: 0.1234567891, bpm: 120 }],
        beatsPerBar: 4,
        parts: [],
        remarks: [],
      },
      duet: [
        { easy: [{ time: 1.0000001, lane: 'kick', unison: true }], normal: [], hard: [], expert: [] },
        { easy: [], normal: [], hard: [], expert: [{ time: 2, lane: 'hihat', unison: false }] },
      ],
      audio: { kind: 'click' },
      musicEnd: null,
    });
    expect(data.title).toBe('x');
    expect(data.artist).toBe('Someone');
    expect(data.tempo).toEqual([{ time: 0.123457, bpm: 120 }]);
    expect(data.parts[0].charts.easy).toEqual([{ time: 1, lane: 'kick', unison: true }]);
    expect(data.parts[1]?.character).toBe('lee');
    expect(data.length).toBe(3.5);
  });
});
