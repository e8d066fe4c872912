import { getContext, OfflineContext } from 'tone';
import type { Lane } from '../core/units';

/** 'rock' = Takaichi's heavier kit, 'pop' = Lee's lighter kit. */
export type KitName = 'rock' | 'pop';

/*
 * Every drum of both kits and both clicks are synthesised in ONE Tone OfflineContext with
 * one output channel per sound (a channel merger), rendered once, then cut into mono
 * buffers. That costs one render instead of ten; the first call of either function starts
 * it and later calls reuse it (per sample rate).
 *
 * The graph uses the OfflineContext's own node factories (plain Web Audio nodes, which are
 * created in microseconds, where Tone's wrapper nodes cost milliseconds each on slow
 * machines), and the global Tone context is never switched (as Tone's `Offline()` helper
 * does), so a render can overlap with anything else without nodes landing in the wrong
 * context.
 *
 * Every sound starts at full level on sample 0 (instant attack, no pre-delay): the
 * transient is what players feel as "the hit".
 */

const DRUM_PEAK = 10 ** (-3 / 20);
const CLICK_ACCENT_PEAK = 10 ** (-3 / 20);
const CLICK_NORMAL_PEAK = 10 ** (-7 / 20);
/** Linear fade over the last few milliseconds, so every buffer ends on silence. */
const TAIL_FADE = 0.004;

/** One second of seeded white noise: the kit sounds the same every session. */
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

  /** A gain stage at `level` from sample 0, decaying exponentially (time constant `tau`) after `hold`. */
  decay(level: number, tau: number, hold = 0): GainNode {
    const g = this.context.createGain();
    g.gain.setValueAtTime(level, 0);
    g.gain.setTargetAtTime(0, hold, tau);
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

  /** Seeded white noise, `offset` seconds into the noise buffer, for `length` seconds. */
  noise(offset: number, length = this.duration): AudioBufferSourceNode {
    const src = this.context.createBufferSource();
    src.buffer = this.noiseSource;
    src.start(0, offset, length);
    return src;
  }

  filter(type: BiquadFilterType, frequency: number, Q = 0.7): BiquadFilterNode {
    const f = this.context.createBiquadFilter();
    f.type = type;
    f.frequency.value = frequency;
    f.Q.value = Q;
    return f;
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

/** Fades the last few ms to zero and scales the peak to `peak`. */
function finish(data: Float32Array, sampleRate: number, peak: number): void {
  const fade = Math.min(data.length, Math.round(TAIL_FADE * sampleRate));
  for (let i = 0; i < fade; i++) {
    const idx = data.length - fade + i;
    data[idx] = (data[idx] as number) * (1 - (i + 1) / fade);
  }
  let max = 0;
  for (let i = 0; i < data.length; i++) max = Math.max(max, Math.abs(data[i] as number));
  if (max === 0) throw new Error('drum render was silent');
  const gain = peak / max;
  for (let i = 0; i < data.length; i++) data[i] = (data[i] as number) * gain;
}

interface KitSpec {
  kick: { from: number; to: number; sweep: number; tau: number; click: number };
  snare: { body: number; tau: number; noiseTau: number; noiseLevel: number; noiseLow: number };
  tom: { from: number; to: number; tau: number };
  hihat: { scale: number; tau: number; noiseLow: number };
}

const KITS: Record<KitName, KitSpec> = {
  // Takaichi: deep kick, fat snare, low floor tom, darker hat
  rock: {
    kick: { from: 175, to: 46, sweep: 0.07, tau: 0.075, click: 0.55 },
    snare: { body: 180, tau: 0.05, noiseTau: 0.06, noiseLevel: 0.85, noiseLow: 1300 },
    tom: { from: 115, to: 84, tau: 0.1 },
    hihat: { scale: 1, tau: 0.02, noiseLow: 7000 },
  },
  // Lee: tighter kick, brighter snare, higher rack tom, crisp hat
  pop: {
    kick: { from: 210, to: 58, sweep: 0.05, tau: 0.055, click: 0.7 },
    snare: { body: 215, tau: 0.035, noiseTau: 0.045, noiseLevel: 0.75, noiseLow: 2000 },
    tom: { from: 170, to: 132, tau: 0.08 },
    hihat: { scale: 1.12, tau: 0.014, noiseLow: 8500 },
  },
};

/** A sound to render: its length, target peak and graph. */
interface SoundSpec {
  readonly seconds: number;
  readonly peak: number;
  build(p: Patch): void;
}

/** The six square-wave partials of the classic analogue hi-hat, in Hz. */
const HAT_PARTIALS = [205.3, 304.4, 369.6, 522.7, 540, 800];

function kick(s: KitSpec['kick']): SoundSpec {
  return {
    seconds: 0.3,
    peak: DRUM_PEAK,
    build(p) {
      p.wire(p.osc('sine', s.from, s.to, s.sweep), p.decay(1, s.tau, 0.025));
      // beater click: a few ms of band-passed noise right on sample 0
      p.wire(p.noise(0.1, 0.03), p.filter('bandpass', 3200, 0.8), p.decay(s.click * 2.5, 0.004));
    },
  };
}

function snare(s: KitSpec['snare']): SoundSpec {
  return {
    seconds: 0.2,
    peak: DRUM_PEAK,
    build(p) {
      p.wire(p.osc('triangle', s.body * 1.15, s.body, 0.03), p.decay(0.9, s.tau));
      p.wire(p.osc('sine', s.body * 1.8, s.body * 1.7, 0.02), p.decay(0.3, s.tau * 0.6));
      p.wire(
        p.noise(0.3),
        p.filter('highpass', s.noiseLow),
        p.filter('lowpass', 9500),
        p.decay(s.noiseLevel * 1.6, s.noiseTau),
      );
    },
  };
}

function tom(s: KitSpec['tom']): SoundSpec {
  return {
    seconds: 0.35,
    peak: DRUM_PEAK,
    build(p) {
      p.wire(p.osc('sine', s.from * 1.35, s.to, 0.1), p.decay(1, s.tau, 0.02));
      p.wire(p.osc('sine', s.from * 2.6, s.to * 2.4, 0.08), p.decay(0.15, s.tau * 0.4));
      // stick attack
      p.wire(p.noise(0.55, 0.04), p.filter('bandpass', 1800, 1), p.decay(0.9, 0.006));
    },
  };
}

function hihat(s: KitSpec['hihat']): SoundSpec {
  return {
    seconds: 0.08,
    peak: DRUM_PEAK,
    build(p) {
      const metal = p.decay(1.4 / HAT_PARTIALS.length, s.tau);
      for (const f of HAT_PARTIALS) p.osc('square', f * s.scale).connect(metal);
      p.wire(metal, p.filter('bandpass', 10000, 0.9), p.filter('highpass', 7000));
      p.wire(p.noise(0.7), p.filter('highpass', s.noiseLow), p.decay(0.7, s.tau * 0.8));
    },
  };
}

function click(frequency: number, peak: number): SoundSpec {
  return {
    seconds: 0.06,
    peak,
    build(p) {
      p.wire(p.osc('sine', frequency), p.decay(1, 0.012, 0.004));
      p.wire(p.osc('sine', frequency * 2.01), p.decay(0.25, 0.006));
      p.wire(p.noise(0.9, 0.01), p.filter('highpass', 4000), p.decay(0.5, 0.0015));
    },
  };
}

const LANE_ORDER: readonly Lane[] = ['hihat', 'snare', 'tom', 'kick'];
const KIT_ORDER: readonly KitName[] = ['rock', 'pop'];

interface Rendered {
  readonly kits: Record<KitName, Record<Lane, AudioBuffer>>;
  readonly clicks: { accent: AudioBuffer; normal: AudioBuffer };
}

const renders = new Map<number, Promise<Rendered>>();

/** Renders every sound once per sample rate (the rate of Tone's current context). */
function renderAll(): Promise<Rendered> {
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

async function renderAllAt(sampleRate: number): Promise<Rendered> {
  const sounds: SoundSpec[] = [];
  for (const kit of KIT_ORDER) {
    const k = KITS[kit];
    sounds.push(hihat(k.hihat), snare(k.snare), tom(k.tom), kick(k.kick));
  }
  sounds.push(click(1760, CLICK_ACCENT_PEAK), click(1175, CLICK_NORMAL_PEAK));
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
  if (!rendered || rendered.numberOfChannels < sounds.length) throw new Error('drum render failed');

  const buffers = sounds.map((sound, channel) => {
    const length = Math.round(sound.seconds * sampleRate);
    const data = rendered.getChannelData(channel).slice(0, length);
    finish(data, sampleRate, sound.peak);
    const buffer = new AudioBuffer({ length, numberOfChannels: 1, sampleRate });
    buffer.copyToChannel(data, 0);
    return buffer;
  });
  const take = (): AudioBuffer => buffers.shift() as AudioBuffer;
  const kits = {} as Record<KitName, Record<Lane, AudioBuffer>>;
  for (const kit of KIT_ORDER) {
    kits[kit] = Object.fromEntries(LANE_ORDER.map((lane) => [lane, take()])) as Record<Lane, AudioBuffer>;
  }
  return { kits, clicks: { accent: take(), normal: take() } };
}

/**
 * Renders each drum once into mono buffers with Tone's OfflineContext (fast, at unlock
 * time) at the sample rate of Tone's current context. Repeated calls return the same buffers.
 */
export async function renderKit(kit: KitName): Promise<Record<Lane, AudioBuffer>> {
  return (await renderAll()).kits[kit];
}

/** Renders a metronome click pair (accent + normal) for count-ins and calibration. */
export async function renderClicks(): Promise<{ accent: AudioBuffer; normal: AudioBuffer }> {
  return (await renderAll()).clicks;
}
