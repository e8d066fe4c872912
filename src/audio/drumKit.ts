import { getContext, OfflineContext } from 'tone';
import type { Lane } from '../core/units';
import { dampen, fadeTail, levelWithPeak } from './hitSound';
import type { Lufs } from './loudness';

/** 'rock' = Takaichi's metal kit, 'pop' = Lee's lighter pop kit. */
export type KitName = 'rock' | 'pop';

/*
 * Every one-shot sound of the game is synthesised here, in ONE Tone OfflineContext with one
 * output channel per sound (a channel merger), rendered once, then cut into mono buffers: both
 * players' kits, the metronome clicks, and the groove bed's percussion. The first call starts
 * the render and later calls reuse it (per sample rate).
 *
 * The graph uses the OfflineContext's own node factories (plain Web Audio nodes, created in
 * microseconds), and the global Tone context is never switched, so a render can overlap with
 * anything else.
 *
 * Every drum starts at full level on sample 0 (no pre-delay): the transient is the hit.
 *
 * The two kits are told apart by ear, on a phone speaker too (through a 300 Hz high-pass):
 * - Takaichi (rock): a clicky, tight metal kick tuned low, a fat rim-shot snare that rings,
 *   a low floor tom, a darker, washier hi-hat.
 * - Lee (pop): a round, warm kick tuned higher, a short bright snare layered with a clap,
 *   a high electronic rack tom, a crisp, tight hi-hat.
 * Each drum is then levelled by loudness for its role (see LANE_LEVEL), not by its peak.
 */

/**
 * Loudness of one hit of each lane (LUFS as hitLoudness reads it). Snare and kick carry the
 * groove; the tom is rare but must not jump out; the hi-hat keeps time under them.
 */
export const LANE_LEVEL: Readonly<Record<Lane, Lufs>> = { snare: -20.5, kick: -21.5, tom: -22, hihat: -25.5 };
/** A Miss or ghost press: this many LU under the hit, duller and shorter. */
export const MUTED_RELATIVE = -12;
/** Count-in clicks (they go through the music bus). */
const CLICK_LEVEL = { accent: -20, normal: -24 };
/**
 * Loudness of one groove-bed stroke at full velocity before its track's volume: far under the
 * players' drums, so the bed keeps the pulse without masking them.
 */
const BED_LEVEL: Lufs = -26;

/** One second of seeded white noise: the kits sound the same every session. */
function noiseBuffer(sampleRate: number): AudioBuffer {
  const buffer = new AudioBuffer({ length: sampleRate, numberOfChannels: 1, sampleRate });
  const data = buffer.getChannelData(0);
  let seed = 0x2545f491;
  for (let i = 0; i < data.length; i++) {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    data[i] = ((seed >>> 0) / 4294967295) * 2 - 1;
  }
  return buffer;
}

/** Builds one sound's graph, feeding one input of the merger. */
class Patch {
  private readonly out: GainNode;

  constructor(
    private readonly context: OfflineContext,
    private readonly noiseSource: AudioBuffer,
    merger: ChannelMergerNode,
    channel: number,
    readonly duration: number,
  ) {
    this.out = context.createGain();
    this.out.connect(merger, 0, channel);
  }

  /**
   * A gain at `level` from `start` (reached over `attack` seconds), decaying exponentially
   * (time constant `tau`) after `hold`. A millisecond of attack on noise still sounds instant
   * but spares the mix a needle of a peak.
   */
  decay(level: number, tau: number, hold = 0, start = 0, attack = 0): GainNode {
    const g = this.context.createGain();
    g.gain.setValueAtTime(0, 0);
    if (attack > 0) g.gain.linearRampToValueAtTime(level, start + attack);
    else g.gain.setValueAtTime(level, start);
    g.gain.setTargetAtTime(0, start + attack + hold, tau);
    return g;
  }

  /** A gain rising over `attack` seconds to `level`, then decaying with `tau`. */
  swell(level: number, attack: number, tau: number): GainNode {
    const g = this.context.createGain();
    g.gain.setValueAtTime(0, 0);
    g.gain.linearRampToValueAtTime(level, attack);
    g.gain.setTargetAtTime(0, attack, tau);
    return g;
  }

  /** Several quick decaying bursts (a hand clap): [start, level] pairs, each decaying with `tau`. */
  bursts(points: readonly (readonly [number, number])[], tau: number, tailTau: number): GainNode {
    const g = this.context.createGain();
    g.gain.setValueAtTime(0, 0);
    points.forEach(([at, level], i) => {
      g.gain.setValueAtTime(level, at);
      g.gain.setTargetAtTime(0, at, i === points.length - 1 ? tailTau : tau);
    });
    return g;
  }

  /** An oscillator sweeping from `from` Hz to `to` Hz over `sweep` seconds (exponentially). */
  osc(type: OscillatorType, from: number, to = from, sweep = 0): OscillatorNode {
    const o = this.context.createOscillator();
    o.type = type;
    o.frequency.setValueAtTime(from, 0);
    if (sweep > 0 && from !== to) o.frequency.exponentialRampToValueAtTime(to, sweep);
    o.start(0);
    o.stop(this.duration);
    return o;
  }

  /** Seeded white noise from `offset` seconds into the (looped) noise buffer, for `length` seconds. */
  noise(offset: number, length = this.duration): AudioBufferSourceNode {
    const src = this.context.createBufferSource();
    src.buffer = this.noiseSource;
    src.loop = true;
    src.start(0, offset);
    src.stop(length);
    return src;
  }

  filter(type: BiquadFilterType, frequency: number, Q = 0.7): BiquadFilterNode {
    const f = this.context.createBiquadFilter();
    f.type = type;
    f.frequency.value = frequency;
    f.Q.value = Q;
    return f;
  }

  /** A tanh saturator: `drive` > 1 adds harmonics (body that a small speaker can play). */
  saturate(drive: number): WaveShaperNode {
    const shaper = this.context.createWaveShaper();
    const curve = new Float32Array(1025);
    for (let i = 0; i < curve.length; i++) {
      const x = (i / (curve.length - 1)) * 2 - 1;
      curve[i] = Math.tanh(drive * x) / Math.tanh(drive);
    }
    shaper.curve = curve;
    return shaper;
  }

  /** Connects `chain` in series into this sound's output. */
  wire(...chain: AudioNode[]): void {
    let prev: AudioNode | undefined;
    for (const node of chain) {
      prev?.connect(node);
      prev = node;
    }
    prev?.connect(this.out);
  }
}

/** A sound to render: its length, its level and its graph. */
interface SoundSpec {
  readonly seconds: number;
  readonly level: Lufs;
  /** Highest sample allowed (dBFS); spikier sounds have their first transient rounded off. */
  readonly peak?: number;
  build(p: Patch): void;
}

/**
 * The highest sample of one drum hit (dBFS): with both kits landing together on a unison
 * downbeat over the music, the sum still stays under the master limiter's knee.
 */
const DRUM_PEAK = -7;
/** The bed's strokes peak lower still: they never push the mix. */
const BED_PEAK = -10;
const CLICK_PEAK = -6;

/** The six square-wave partials of the classic analogue hi-hat (and cowbell pair), in Hz. */
const HAT_PARTIALS = [205.3, 304.4, 369.6, 522.7, 540, 800];

type KitSpec = Record<Lane, SoundSpec>;

const KITS: Record<KitName, KitSpec> = {
  rock: {
    // Tight and clicky for double-kick runs: a low body with a hard beater click and a knock.
    kick: {
      seconds: 0.3,
      level: LANE_LEVEL.kick,
      build(p) {
        p.wire(p.osc('sine', 160, 50, 0.045), p.decay(1, 0.075, 0.02));
        p.wire(p.osc('sine', 420, 300, 0.03), p.decay(0.3, 0.012));
        p.wire(p.noise(0.1, 0.03), p.filter('bandpass', 4500, 1.2), p.decay(0.8, 0.004, 0, 0, 0.001));
        p.wire(p.osc('square', 1800), p.filter('lowpass', 6000), p.decay(0.1, 0.003));
      },
    },
    // A fat rim-shot: low body, a ringing rim, a long bright crack of snares and a little room.
    snare: {
      seconds: 0.35,
      level: LANE_LEVEL.snare,
      build(p) {
        p.wire(p.osc('triangle', 200, 180, 0.02), p.decay(1, 0.075));
        p.wire(p.osc('sine', 330, 315, 0.03), p.decay(0.45, 0.04));
        p.wire(p.osc('sine', 910), p.decay(0.09, 0.09));
        p.wire(p.osc('sine', 1420), p.decay(0.05, 0.07));
        p.wire(p.noise(0.3), p.filter('bandpass', 2800, 0.55), p.decay(1.1, 0.12, 0, 0, 0.002));
        p.wire(p.noise(0.62), p.filter('lowpass', 5000), p.decay(0.16, 0.16, 0.02));
      },
    },
    // A big floor tom: low, long, with a woody mid knock and a stick attack.
    tom: {
      seconds: 0.5,
      level: LANE_LEVEL.tom,
      build(p) {
        p.wire(p.osc('sine', 118, 84, 0.12), p.saturate(1.6), p.decay(1, 0.2, 0.03));
        p.wire(p.osc('sine', 118 * 1.59, 84 * 1.59, 0.12), p.decay(0.3, 0.11));
        p.wire(p.osc('sine', 380, 330, 0.05), p.decay(0.3, 0.045));
        p.wire(p.noise(0.55, 0.04), p.filter('bandpass', 2400, 1), p.decay(1, 0.006, 0, 0, 0.001));
      },
    },
    // A darker, washier "chick": metallic partials low in the band, longer decay.
    hihat: {
      seconds: 0.22,
      level: LANE_LEVEL.hihat,
      build(p) {
        const metal = p.decay(1.3 / HAT_PARTIALS.length, 0.05, 0, 0, 0.001);
        for (const f of HAT_PARTIALS) p.osc('square', f).connect(metal);
        p.wire(metal, p.filter('bandpass', 6200, 0.5), p.filter('highpass', 3800));
        p.wire(p.noise(0.7), p.filter('bandpass', 7000, 0.7), p.decay(0.6, 0.045, 0, 0, 0.0015));
        p.wire(p.noise(0.85, 0.01), p.filter('bandpass', 3000, 1), p.decay(0.35, 0.002));
      },
    },
  },
  pop: {
    // Round and warm, tuned higher: a longer boom, saturated so its harmonics reach a phone.
    kick: {
      seconds: 0.35,
      level: LANE_LEVEL.kick,
      build(p) {
        p.wire(p.osc('sine', 115, 64, 0.08), p.saturate(2.2), p.decay(1, 0.11, 0.03));
        p.wire(p.noise(0.12, 0.03), p.filter('bandpass', 1200, 1), p.decay(0.5, 0.004, 0, 0, 0.001));
      },
    },
    // Short and bright, layered with a hand clap.
    snare: {
      seconds: 0.25,
      level: LANE_LEVEL.snare,
      build(p) {
        p.wire(p.osc('sine', 270, 235, 0.02), p.decay(0.7, 0.08));
        p.wire(p.noise(0.3), p.filter('highpass', 4500), p.decay(0.7, 0.06, 0, 0, 0.004));
        p.wire(
          p.noise(0.45),
          p.filter('bandpass', 1600, 1.8),
          p.bursts(
            [
              [0.004, 0.5],
              [0.013, 0.45],
              [0.022, 0.55],
            ],
            0.004,
            0.05,
          ),
        );
      },
    },
    // A high electronic rack tom: a pitch drop, short, with a bright tick.
    tom: {
      seconds: 0.35,
      level: LANE_LEVEL.tom,
      build(p) {
        p.wire(p.osc('sine', 310, 205, 0.1), p.decay(1, 0.12, 0.01));
        p.wire(p.osc('triangle', 310 * 1.59, 205 * 1.59, 0.1), p.decay(0.25, 0.06));
        p.wire(p.noise(0.55, 0.02), p.filter('bandpass', 5000, 1), p.decay(0.6, 0.003, 0, 0, 0.001));
      },
    },
    // A crisp, tight, bright closed hat.
    hihat: {
      seconds: 0.08,
      level: LANE_LEVEL.hihat,
      build(p) {
        const metal = p.decay(1.4 / HAT_PARTIALS.length, 0.02, 0, 0, 0.001);
        for (const f of HAT_PARTIALS) p.osc('square', f * 1.47).connect(metal);
        p.wire(metal, p.filter('highpass', 9000));
        p.wire(p.noise(0.7), p.filter('highpass', 10000), p.decay(0.7, 0.018, 0, 0, 0.0015));
      },
    },
  },
};

function click(frequency: number, level: Lufs): SoundSpec {
  return {
    seconds: 0.1,
    level,
    peak: CLICK_PEAK,
    build(p) {
      p.wire(p.osc('sine', frequency), p.decay(1, 0.025, 0.008));
      p.wire(p.osc('sine', frequency * 2.01), p.decay(0.25, 0.006));
      p.wire(p.noise(0.9, 0.01), p.filter('highpass', 4000), p.decay(0.5, 0.0015));
    },
  };
}

/*
 * The groove bed's percussion, by General MIDI drum note, so that a backing track can play it
 * by pitch (the `shaker` instrument). None of it is a player's drum: no kick, snare or tom.
 */

function bed(seconds: number, relative: number, build: (p: Patch) => void): SoundSpec {
  return { seconds, level: BED_LEVEL + relative, peak: BED_PEAK, build };
}

const shaker = (p: Patch): void => p.wire(p.noise(0.2), p.filter('bandpass', 8200, 0.8), p.swell(1, 0.008, 0.028));

/** GM drum note -> sound. */
const BED: ReadonlyMap<number, SoundSpec> = new Map([
  // hand clap: three quick bursts and a short tail
  [
    39,
    bed(0.3, 0, (p) => {
      p.wire(
        p.noise(0.05),
        p.filter('bandpass', 1250, 1.4),
        p.bursts(
          [
            [0, 1],
            [0.011, 0.9],
            [0.023, 1],
          ],
          0.004,
          0.07,
        ),
      );
      p.wire(p.noise(0.4), p.filter('bandpass', 2600, 1.2), p.decay(0.35, 0.04, 0, 0.023));
    }),
  ],
  // closed hat: a soft tick, thinner than either kit's
  [
    42,
    bed(0.06, -3, (p) => {
      p.wire(p.noise(0.25), p.filter('bandpass', 11000, 1.2), p.decay(1, 0.009));
    }),
  ],
  // pedal hat: a muffled chick
  [
    44,
    bed(0.08, -4, (p) => {
      p.wire(p.noise(0.27), p.filter('bandpass', 7500, 1.5), p.swell(1, 0.004, 0.015));
    }),
  ],
  // open hat: the disco "tss"
  [
    46,
    bed(0.45, -2, (p) => {
      const metal = p.decay(1 / HAT_PARTIALS.length, 0.14, 0.02);
      for (const f of HAT_PARTIALS) p.osc('square', f * 1.2).connect(metal);
      p.wire(metal, p.filter('highpass', 7500));
      p.wire(p.noise(0.5), p.filter('highpass', 8000), p.decay(0.7, 0.12, 0.02));
    }),
  ],
  // crash: a long wash for section starts
  [
    49,
    bed(1.8, 2, (p) => {
      p.wire(p.noise(0.0), p.filter('highpass', 4200), p.filter('lowpass', 12000), p.decay(1, 0.55, 0.01));
      const metal = p.decay(0.5 / HAT_PARTIALS.length, 0.4);
      for (const f of HAT_PARTIALS) p.osc('square', f * 2.3).connect(metal);
      p.wire(metal, p.filter('bandpass', 5000, 0.6));
    }),
  ],
  // ride: a ping with a shimmer
  [
    51,
    bed(0.8, -2, (p) => {
      p.wire(p.noise(0.33), p.filter('bandpass', 6500, 0.8), p.decay(0.5, 0.3, 0.005));
      for (const f of [3150, 4720, 6230]) p.wire(p.osc('sine', f), p.decay(0.12, 0.35));
    }),
  ],
  // ride bell: a clear bell tone
  [
    53,
    bed(0.8, -2, (p) => {
      for (const [f, l] of [
        [760, 0.5],
        [1140, 0.35],
        [2015, 0.25],
        [3320, 0.2],
      ] as const)
        p.wire(p.osc('sine', f), p.decay(l, 0.3));
      p.wire(p.noise(0.37, 0.02), p.filter('highpass', 5000), p.decay(0.3, 0.004));
    }),
  ],
  // tambourine: jingles
  [
    54,
    bed(0.3, -2, (p) => {
      p.wire(p.noise(0.6), p.filter('highpass', 6500), p.swell(0.8, 0.003, 0.07));
      for (const f of [5200, 7100, 8900, 11300]) p.wire(p.osc('sine', f), p.decay(0.08, 0.06));
    }),
  ],
  // cowbell: the two detuned squares of the classic drum machine
  [
    56,
    bed(0.3, -4, (p) => {
      const g = p.decay(0.5, 0.07, 0.01);
      p.osc('square', 562).connect(g);
      p.osc('square', 845).connect(g);
      p.wire(g, p.filter('bandpass', 2640, 1.2));
    }),
  ],
  // bongos, congas
  [60, bed(0.2, -2, (p) => p.wire(p.osc('sine', 420, 370, 0.03), p.decay(1, 0.05)))],
  [61, bed(0.25, -2, (p) => p.wire(p.osc('sine', 300, 262, 0.04), p.decay(1, 0.07)))],
  [62, bed(0.15, -3, (p) => p.wire(p.osc('sine', 360, 330, 0.02), p.decay(1, 0.03)))],
  [63, bed(0.35, -2, (p) => p.wire(p.osc('sine', 345, 320, 0.05), p.decay(1, 0.12)))],
  [64, bed(0.4, -2, (p) => p.wire(p.osc('sine', 232, 208, 0.06), p.decay(1, 0.14)))],
  // cabasa
  [69, bed(0.1, -3, (p) => p.wire(p.noise(0.15), p.filter('highpass', 9000), p.swell(1, 0.004, 0.02)))],
  // maracas / shaker
  [70, bed(0.12, -1, shaker)],
  // claves, wood blocks
  [75, bed(0.12, -3, (p) => p.wire(p.osc('sine', 2480), p.decay(1, 0.022)))],
  [76, bed(0.12, -3, (p) => p.wire(p.osc('triangle', 1750, 1680, 0.01), p.filter('lowpass', 5000), p.decay(1, 0.025)))],
  [77, bed(0.12, -3, (p) => p.wire(p.osc('triangle', 1180, 1120, 0.01), p.filter('lowpass', 4000), p.decay(1, 0.03)))],
  // open triangle
  [
    81,
    bed(1, -6, (p) => {
      for (const [f, l] of [
        [4180, 0.5],
        [6270, 0.3],
        [9770, 0.2],
      ] as const)
        p.wire(p.osc('sine', f), p.decay(l, 0.35));
    }),
  ],
  // shaker (GM 82): the same as the maracas
  [82, bed(0.12, -1, shaker)],
]);

/** The GM note played for a pitch the bed has no sound for: the shaker. */
export const DEFAULT_BED_NOTE = 70;

/** Muted variants: how much duller and shorter than the hit, per lane. */
const MUTED: Record<Lane, { cutoff: number; decay: number }> = {
  kick: { cutoff: 600, decay: 0.03 },
  snare: { cutoff: 1100, decay: 0.025 },
  tom: { cutoff: 800, decay: 0.035 },
  hihat: { cutoff: 3500, decay: 0.012 },
};

const LANE_ORDER: readonly Lane[] = ['hihat', 'snare', 'tom', 'kick'];
const KIT_ORDER: readonly KitName[] = ['rock', 'pop'];

/** Every one-shot sound, rendered. */
export interface Sounds {
  readonly sampleRate: number;
  /** Each player's kit: the hit of every lane. */
  readonly kits: Readonly<Record<KitName, Readonly<Record<Lane, AudioBuffer>>>>;
  /** The Miss / ghost-press sound of every lane of each kit. */
  readonly muted: Readonly<Record<KitName, Readonly<Record<Lane, AudioBuffer>>>>;
  readonly clicks: { readonly accent: AudioBuffer; readonly normal: AudioBuffer };
  /** The groove bed's percussion by GM drum note. */
  readonly bed: ReadonlyMap<number, AudioBuffer>;
}

const renders = new Map<number, Promise<Sounds>>();

/** Renders every sound once per sample rate (the rate of Tone's current context). */
export function renderSounds(): Promise<Sounds> {
  const sampleRate = getContext().sampleRate;
  let pending = renders.get(sampleRate);
  if (!pending) {
    pending = renderAllAt(sampleRate);
    // a failed render may be retried
    pending.catch(() => renders.delete(sampleRate));
    renders.set(sampleRate, pending);
  }
  return pending;
}

function monoBuffer(data: Float32Array, sampleRate: number): AudioBuffer {
  const buffer = new AudioBuffer({ length: data.length, numberOfChannels: 1, sampleRate });
  buffer.getChannelData(0).set(data);
  return buffer;
}

async function renderAllAt(sampleRate: number): Promise<Sounds> {
  const sounds: SoundSpec[] = [];
  for (const kit of KIT_ORDER) for (const lane of LANE_ORDER) sounds.push(KITS[kit][lane]);
  sounds.push(click(1760, CLICK_LEVEL.accent), click(1175, CLICK_LEVEL.normal));
  const bedNotes = [...BED.keys()];
  for (const n of bedNotes) sounds.push(BED.get(n) as SoundSpec);
  const seconds = Math.max(...sounds.map((x) => x.seconds));

  const context = new OfflineContext(sounds.length, seconds, sampleRate);
  const merger = context.createChannelMerger(sounds.length);
  merger.connect(context.rawContext.destination);
  const noise = noiseBuffer(sampleRate);
  sounds.forEach((sound, channel) => {
    sound.build(new Patch(context, noise, merger, channel, sound.seconds));
  });
  const rendered = (await context.render(false)).get();
  context.dispose();
  if (!rendered || rendered.numberOfChannels < sounds.length) throw new Error('sound render failed');

  const data = sounds.map((sound, channel) => {
    const d = rendered.getChannelData(channel).slice(0, Math.round(sound.seconds * sampleRate));
    fadeTail(d, sampleRate);
    levelWithPeak(d, sampleRate, sound.level, 10 ** ((sound.peak ?? DRUM_PEAK) / 20));
    return d;
  });
  let next = 0;
  const take = (): Float32Array => data[next++] as Float32Array;
  const kits = {} as Record<KitName, Record<Lane, AudioBuffer>>;
  const muted = {} as Record<KitName, Record<Lane, AudioBuffer>>;
  for (const kit of KIT_ORDER) {
    kits[kit] = {} as Record<Lane, AudioBuffer>;
    muted[kit] = {} as Record<Lane, AudioBuffer>;
    for (const lane of LANE_ORDER) {
      const hit = take();
      kits[kit][lane] = monoBuffer(hit, sampleRate);
      muted[kit][lane] = monoBuffer(dampen(hit, sampleRate, { ...MUTED[lane], relative: MUTED_RELATIVE }), sampleRate);
    }
  }
  const clicks = { accent: monoBuffer(take(), sampleRate), normal: monoBuffer(take(), sampleRate) };
  const bedBuffers = new Map(bedNotes.map((n) => [n, monoBuffer(take(), sampleRate)]));
  return { sampleRate, kits, muted, clicks, bed: bedBuffers };
}

/** A player's kit: the hit of every lane (mono buffers at the current context's rate). */
export async function renderKit(kit: KitName): Promise<Record<Lane, AudioBuffer>> {
  return { ...(await renderSounds()).kits[kit] };
}

/** A metronome click pair (accent + normal) for count-ins and calibration. */
export async function renderClicks(): Promise<{ accent: AudioBuffer; normal: AudioBuffer }> {
  return { ...(await renderSounds()).clicks };
}
