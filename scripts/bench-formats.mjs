// Chart import benchmark: `node scripts/bench-formats.mjs` (or `npm run bench:formats`).
// Bundles src/formats/index.ts on the fly with Vite's build API (scripts/bench-kit.mjs), writes a
// 1,300-object chart in every format, and prints the median parse time of each, the time to make
// its duet, and the time to read an .osz of four such difficulties and 5 MB of audio.
import { createRequire } from 'node:module';
import { zipSync } from 'fflate';
import { loadModule, rng } from './bench-kit.mjs';

const { Midi } = createRequire(import.meta.url)('@tonejs/midi');

const OBJECTS = 1300;
const RUNS = 25;
const BPM = 160;
const SIXTEENTH = 60 / BPM / 4;

const text = (s) => new TextEncoder().encode(s);

function tja() {
  const random = rng(1);
  const measures = [];
  for (let placed = 0; placed < OBJECTS; ) {
    let m = '';
    for (let i = 0; i < 16; i++) {
      const note = placed < OBJECTS && random() < 0.7 ? '1234'[Math.floor(random() * 4)] : '0';
      if (note !== '0') placed++;
      m += note;
    }
    measures.push(`${m},`);
    if (measures.length % 16 === 0) measures.push('#BPMCHANGE 170\n#SCROLL 1.5');
  }
  return text(
    `TITLE:Bench\nBPM:${BPM}\nWAVE:bench.ogg\nOFFSET:-1.2\nCOURSE:Oni\n#START\n${measures.join('\n')}\n#END\n`,
  );
}

function osu(mode, version, objects = OBJECTS) {
  const random = rng(2 + objects);
  const lines = [];
  for (let i = 0; i < objects; i++) {
    const time = Math.round(1000 + i * SIXTEENTH * 1000 * (1 + Math.floor(random() * 2)));
    const x = Math.floor(random() * 512);
    lines.push(`${x},192,${time},1,${[0, 2, 4, 8][Math.floor(random() * 4)]},0:0:0:0:`);
  }
  lines.sort((a, b) => Number(a.split(',')[2]) - Number(b.split(',')[2]));
  return text(
    `osu file format v14\n\n[General]\nAudioFilename: audio.mp3\nAudioLeadIn: 500\nMode: ${mode}\n\n[Metadata]\nTitle:Bench\nArtist:Bench\nVersion:${version}\n\n[Difficulty]\nCircleSize:4\n\n[TimingPoints]\n1000,${60000 / BPM},4,1,0,100,1,0\n30000,-50,4,1,0,100,0,0\n\n[HitObjects]\n${lines.join('\n')}\n`,
  );
}

function cloneHeroChart() {
  const random = rng(3);
  const lines = [];
  for (let i = 0; i < OBJECTS; i++) {
    const tick = i * 48;
    lines.push(`  ${tick} = N ${Math.floor(random() * 5)} 0`);
    if (random() < 0.2) lines.push(`  ${tick} = N 66 0`);
  }
  return text(
    `[Song]\n{\n  Name = "Bench"\n  Resolution = 192\n  Offset = 0.1\n}\n[SyncTrack]\n{\n  0 = TS 4\n  0 = B ${BPM * 1000}\n  7680 = B 170000\n}\n[ExpertDrums]\n{\n${lines.join('\n')}\n}\n`,
  );
}

function cloneHeroMidi() {
  const random = rng(4);
  const midi = new Midi();
  midi.header.setTempo(BPM);
  const track = midi.addTrack();
  track.name = 'PART DRUMS';
  for (let i = 0; i < OBJECTS; i++) {
    track.addNote({ midi: 96 + Math.floor(random() * 5), ticks: i * 120, durationTicks: 60 });
  }
  for (let i = 0; i < OBJECTS; i += 32) track.addNote({ midi: 110, ticks: i * 120, durationTicks: 960 });
  return midi.toArray();
}

function generalMidi() {
  const random = rng(5);
  const midi = new Midi();
  midi.header.setTempo(BPM);
  const drums = midi.addTrack();
  drums.channel = 9;
  for (let i = 0; i < OBJECTS; i++) {
    drums.addNote({ midi: [36, 38, 42, 45, 49][Math.floor(random() * 5)], ticks: i * 120, durationTicks: 60 });
  }
  for (const [channel, program] of [
    [0, 33],
    [1, 0],
  ]) {
    const t = midi.addTrack();
    t.channel = channel;
    t.instrument.number = program;
    for (let i = 0; i < 400; i++) t.addNote({ midi: 40 + (i % 24), ticks: i * 240, durationTicks: 200 });
  }
  return midi.toArray();
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

function time(fn) {
  for (let i = 0; i < 3; i++) fn();
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    runs.push(performance.now() - t0);
  }
  return { median: median(runs), max: Math.max(...runs) };
}

const formats = await loadModule('src/formats/index.ts');
const cases = [
  ['bench.tja (taiko, 1,300 notes, tempo changes)', 'bench.tja', tja()],
  ['bench.osu (taiko, 1,300 objects)', 'bench.osu', osu(1, 'Oni')],
  ['mania.osu (4K mania, 1,300 objects)', 'mania.osu', osu(3, '4K')],
  ['notes.chart (ExpertDrums, 1,300 notes)', 'notes.chart', cloneHeroChart()],
  ['notes.mid (PART DRUMS, 1,300 notes)', 'notes.mid', cloneHeroMidi()],
  ['song.mid (GM drums 1,300 + 2 music tracks)', 'song.mid', generalMidi()],
];
console.log(`Chart import: median of ${RUNS} runs after 3 warm-ups, ms (max in brackets)\n`);
console.log(`${'file'.padEnd(48)}${'parse'.padStart(14)}${'makeDuet'.padStart(16)}${'notes'.padStart(8)}`);
for (const [label, name, bytes] of cases) {
  let parsed;
  const parse = time(() => {
    parsed = formats.parseChartFile(name, bytes);
  });
  const duet = time(() => formats.makeDuet(parsed));
  const notes = Object.values(parsed.parts[0]).reduce((n, c) => n + c.notes.length, 0);
  const fmt = (r) => `${r.median.toFixed(2)} (${r.max.toFixed(1)})`;
  console.log(`${label.padEnd(48)}${fmt(parse).padStart(14)}${fmt(duet).padStart(16)}${String(notes).padStart(8)}`);
}

const audio = new Uint8Array(5 * 1024 * 1024);
const random = rng(6);
for (let i = 0; i < audio.length; i++) audio[i] = (random() * 256) | 0; // incompressible, like MP3 data
const osz = zipSync({
  'a.osu': osu(1, 'Kantan', 300),
  'b.osu': osu(1, 'Futsuu', 600),
  'c.osu': osu(1, 'Muzukashii', 900),
  'd.osu': osu(1, 'Oni', OBJECTS),
  'audio.mp3': audio,
});
const oszTime = time(() => formats.readOsz('bench.osz', osz));
console.log(
  `\nbench.osz (4 difficulties, 5 MB audio, ${(osz.length / 1048576).toFixed(1)} MB): readOsz ${oszTime.median.toFixed(2)} ms (max ${oszTime.max.toFixed(1)})`,
);
