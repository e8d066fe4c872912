// Benchmarks. `npm run bench` runs each section in turn and prints its figures.
// Section 1: the pure judging core (src/core), bundled on the fly with Vite's build API.
import { loadModule, rng } from './bench-kit.mjs';

const LANES = ['hihat', 'snare', 'tom', 'kick'];
const SIXTEENTH = 60 / 150 / 4; // 0.1 s at 150 BPM: 10 notes/s, 2.5 notes/s in each lane

/** n notes for one player: 16th notes cycling through the four lanes, a unison every bar. */
function chart(player, n) {
  return Array.from({ length: n }, (_, i) => ({
    id: `p${player}-hard-${i}`,
    time: 1 + i * SIXTEENTH,
    beat: i / 4,
    lane: LANES[(i + player) % 4],
    unison: i % 16 === 0,
  }));
}

/**
 * One press per note for each player, in time order: most within ±60 ms of their note, one
 * in ten a ghost between two notes instead (which leaves that note to a forced Miss).
 */
function presses(charts, random) {
  const out = [];
  for (const [player, notes] of charts.entries()) {
    for (const n of notes) {
      if (random() < 0.1) out.push({ player, lane: LANES[Math.floor(random() * 4)], time: n.time + SIXTEENTH / 2 });
      else out.push({ player, lane: n.lane, time: n.time + (random() * 120 - 60) / 1000 });
    }
  }
  return out.sort((a, b) => a.time - b.time);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

/** Judges `inputs` on a fresh Match, calling advance every 8 presses; returns ns per press and per advance. */
function runOnce(core, setup, inputs) {
  const match = new core.Match(setup);
  let pressNs = 0n;
  let advanceNs = 0n;
  let advances = 0;
  let t0 = process.hrtime.bigint();
  for (let k = 0; k < inputs.length; k++) {
    match.press(inputs[k]);
    if ((k & 7) === 7) {
      const t1 = process.hrtime.bigint();
      pressNs += t1 - t0;
      match.advance(inputs[k].time);
      t0 = process.hrtime.bigint();
      advanceNs += t0 - t1;
      advances++;
    }
  }
  pressNs += process.hrtime.bigint() - t0;
  match.advance(Number.POSITIVE_INFINITY);
  // every note of both players judged once
  const judged = match.judged(0).length + match.judged(1).length;
  const notes = setup.charts[0].length + setup.charts[1].length;
  if (judged !== notes) throw new Error(`bench run judged ${judged} of ${notes} notes`);
  return { nsPerPress: Number(pressNs) / inputs.length, nsPerAdvance: Number(advanceNs) / advances, match };
}

/** ns per PlayerJudge.press alone: the binary-search lookup, without scoring or events. */
function lookupOnce(core, setup, inputs) {
  const judges = [0, 1].map(
    (p) => new core.PlayerJudge(p, setup.charts[p], core.HitWindows.for(setup.difficulties[p])),
  );
  const t0 = process.hrtime.bigint();
  for (const input of inputs) judges[input.player].press(input.lane, input.time);
  return Number(process.hrtime.bigint() - t0) / inputs.length;
}

async function coreBench() {
  const core = await loadModule('src/core/index.ts');
  const random = rng(20260126);
  const rows = [];
  for (const n of [1_000, 10_000, 100_000]) {
    const charts = [chart(0, n), chart(1, n)];
    const setup = {
      songId: 'bench',
      mode: 'duet',
      charts,
      difficulties: ['hard', 'normal'],
      inputOffsetsMs: [0, 12],
    };
    const inputs = presses(charts, random);
    const count = inputs.length;
    const tBuild = process.hrtime.bigint();
    new core.Match(setup);
    const buildMs = Number(process.hrtime.bigint() - tBuild) / 1e6;
    // repeat small sizes so every size judges about 400k presses in total; the first run only warms up
    const repeats = Math.max(3, Math.round(400_000 / count));
    const runs = [];
    let last;
    for (let r = 0; r <= repeats; r++) {
      last = runOnce(core, setup, inputs);
      if (r > 0) runs.push(last);
    }
    const lookups = [];
    for (let r = 0; r <= repeats; r++) {
      const ns = lookupOnce(core, setup, inputs);
      if (r > 0) lookups.push(ns);
    }
    const res = last.match.results();
    rows.push({
      n,
      presses: count,
      nsPerPress: median(runs.map((x) => x.nsPerPress)),
      nsPerAdvance: median(runs.map((x) => x.nsPerAdvance)),
      nsPerLookup: median(lookups),
      buildMs,
      missShare: (res.players[0].counts.miss + res.players[1].counts.miss) / (2 * n),
    });
  }
  return rows;
}

function printCore(rows) {
  console.log(`Core judging (src/core, Node ${process.version})`);
  console.log('  notes/player  presses  ns/press (Match)  ns/press (lookup)  ns/advance  new Match (ms)  misses');
  for (const r of rows) {
    console.log(
      `  ${String(r.n).padStart(12)}  ${String(r.presses).padStart(7)}  ${r.nsPerPress.toFixed(0).padStart(16)}` +
        `  ${r.nsPerLookup.toFixed(0).padStart(17)}  ${r.nsPerAdvance.toFixed(0).padStart(10)}` +
        `  ${r.buildMs.toFixed(2).padStart(14)}  ${(100 * r.missShare).toFixed(0).padStart(5)}%`,
    );
  }
  const first = rows[0];
  const last = rows[rows.length - 1];
  console.log(
    `  growth ${first.n} -> ${last.n} notes: x${(last.nsPerPress / first.nsPerPress).toFixed(2)} per Match press,` +
      ` x${(last.nsPerLookup / first.nsPerLookup).toFixed(2)} per lookup (binary search, O(log n))`,
  );
}

const started = Date.now();
printCore(await coreBench());
console.log(`  (core section took ${((Date.now() - started) / 1000).toFixed(1)} s)`);

// Section 2: the built game in headless Chromium (scripts/bench-browser.mjs).
const { browserBench } = await import('./bench-browser.mjs');
await browserBench();
await (await import('./bench-audio.mjs')).audioBench();
// Section 4: a long session, 20 songs in one page (scripts/bench-session.mjs).
await (await import('./bench-session.mjs')).benchSession();
// Section 5: imported music, decoded and measured (scripts/bench-decode.mjs).
await (await import('./bench-decode.mjs')).decodeBench();
