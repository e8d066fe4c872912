import {
  Convolver,
  Distortion,
  FeedbackDelay,
  Filter,
  FMSynth,
  Gain,
  MonoSynth,
  NoiseSynth,
  PolySynth,
  Synth,
  type ToneAudioNode,
  Vibrato,
  Volume,
  WaveShaper,
} from 'tone';
import type { Instrument } from '../core/chart';

/*
 * The backing-track instruments. Every node is created in Tone's current context
 * (getContext()), so the same code plays live and renders inside Offline.
 *
 * Signal flow of one backing:
 *   track synth -> track effects -> Volume(track dB) -+-> mix.dry ----------------> master
 *                                                     '-> send Gain -> mix.reverb -> master
 *   master: Gain(headroom) -> soft clipper (peak always < 1, no latency) -> output
 */

/** One note as the backing plays it: seconds, not beats. */
export interface PlayedNote {
  readonly midi: number;
  /** Seconds. */
  readonly duration: number;
  /** 0..1 */
  readonly velocity: number;
}

/** A track's synth chain. */
export interface InstrumentChain {
  /** Plays notes that start together at `time` (AudioContext seconds, from the Transport callback). */
  play(time: number, notes: readonly PlayedNote[]): void;
  /** Releases every sounding note at `time` (on Transport pause/stop). */
  releaseAll(time: number): void;
  dispose(): void;
}

export interface InstrumentOptions {
  /** Track level in dB. */
  readonly volume: number;
  /** Seconds per beat at the song's start; sets tempo-related effect times (delays). */
  readonly beatSeconds: number;
}

/** The effect bus shared by every track of one backing. */
export interface MixBus {
  /** Dry input of the master. */
  readonly dry: ToneAudioNode;
  /** Input of the shared reverb. */
  readonly reverb: ToneAudioNode;
  dispose(): void;
}

export type InstrumentFactory = (bus: MixBus, options: InstrumentOptions) => InstrumentChain;

/** Master level before the soft clipper: headroom for eight tracks playing at once. */
const MASTER_DB = -7;
/** Where the soft clipper starts to bend; below this the master is perfectly linear. */
const CLIP_KNEE = 0.7;
const REVERB_SECONDS = 1.8;

const irCache = new Map<number, AudioBuffer>();

/**
 * A stereo reverb impulse response: decaying, darkening noise. Computed once per sample
 * rate in plain JS (a few ms) and shared by every backing, so no per-scene IR rendering.
 */
function reverbImpulse(sampleRate: number): AudioBuffer {
  const cached = irCache.get(sampleRate);
  if (cached) return cached;
  const length = Math.round(REVERB_SECONDS * sampleRate);
  const ir = new AudioBuffer({ length, numberOfChannels: 2, sampleRate });
  let seed = 0x9e3779b9;
  const random = (): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const predelay = Math.round(0.012 * sampleRate);
  for (let ch = 0; ch < 2; ch++) {
    const data = ir.getChannelData(ch);
    let lp = 0;
    for (let i = predelay; i < length; i++) {
      const t = (i - predelay) / sampleRate;
      const progress = i / length;
      // one-pole low-pass that closes as the tail decays: the tail gets darker
      const k = 0.75 - 0.6 * progress;
      lp += k * (random() * 2 - 1 - lp);
      const fadeIn = Math.min(1, t / 0.004);
      data[i] = lp * fadeIn * Math.exp(-t * 3.6) * (1 - progress);
    }
  }
  irCache.set(sampleRate, ir);
  return ir;
}

/** Soft clipper: identity below the knee, tanh bend above it, never reaching 1. */
function softClip(x: number): number {
  const a = Math.abs(x);
  if (a <= CLIP_KNEE) return x;
  const room = 0.99 - CLIP_KNEE;
  return Math.sign(x) * (CLIP_KNEE + room * Math.tanh((a - CLIP_KNEE) / room));
}

/** Creates the master and the shared reverb of one backing, feeding `output`. */
export function createMixBus(output: ToneAudioNode): MixBus {
  const master = new Gain(MASTER_DB, 'decibels');
  const clipper = new WaveShaper(softClip, 4096);
  const reverbHighpass = new Filter({ frequency: 250, type: 'highpass' });
  const reverb = new Convolver({ url: reverbImpulse(master.context.sampleRate), normalize: true });
  const reverbReturn = new Gain(-4, 'decibels');
  master.chain(clipper, output);
  reverbHighpass.chain(reverb, reverbReturn, master);
  const nodes: ToneAudioNode[] = [master, clipper, reverbHighpass, reverb, reverbReturn];
  return {
    dry: master,
    reverb: reverbHighpass,
    dispose() {
      for (const n of nodes) n.dispose();
    },
  };
}

function midiToHz(midi: number): number {
  return 440 * 2 ** ((midi - 69) / 12);
}

/**
 * Connects `source` through `effects` to a track Volume, which feeds the bus dry and, by
 * `send` (0..1), the shared reverb. Returns every node it made (for disposal).
 */
function route(
  bus: MixBus,
  volumeDb: number,
  send: number,
  source: ToneAudioNode,
  effects: ToneAudioNode[],
): ToneAudioNode[] {
  const volume = new Volume(volumeDb);
  source.chain(...effects, volume, bus.dry);
  const nodes: ToneAudioNode[] = [source, ...effects, volume];
  if (send > 0) {
    const sendGain = new Gain(send);
    volume.chain(sendGain, bus.reverb);
    nodes.push(sendGain);
  }
  return nodes;
}

// biome-ignore lint/suspicious/noExplicitAny: PolySynth's voice type parameter
type AnyPoly = PolySynth<any>;

/** A chain around a PolySynth: every note gets its own voice, so chords never collide. */
function polyChain(synth: AnyPoly, nodes: ToneAudioNode[]): InstrumentChain {
  let disposed = false;
  return {
    play(time, notes) {
      if (disposed) return;
      for (const n of notes) synth.triggerAttackRelease(midiToHz(n.midi), n.duration, time, n.velocity);
    },
    releaseAll(time) {
      if (!disposed) synth.releaseAll(time);
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      for (const n of nodes) n.dispose();
    },
  };
}

/** Bass: saw MonoSynth voices with a resonant, enveloped low-pass. */
export const createBass: InstrumentFactory = (bus, { volume }) => {
  const synth = new PolySynth({
    voice: MonoSynth,
    maxPolyphony: 3,
    volume: -8,
    options: {
      oscillator: { type: 'sawtooth' },
      filter: { Q: 2, type: 'lowpass', rolloff: -24 },
      envelope: { attack: 0.004, decay: 0.25, sustain: 0.7, release: 0.12 },
      filterEnvelope: {
        attack: 0.003,
        decay: 0.18,
        sustain: 0.35,
        release: 0.2,
        baseFrequency: 110,
        octaves: 3.2,
      },
    },
  });
  return polyChain(synth, route(bus, volume, 0, synth, []));
};

/** Lead: bright square/saw with vibrato and a dotted-eighth echo. */
export const createLead: InstrumentFactory = (bus, { volume, beatSeconds }) => {
  const synth = new PolySynth({
    voice: Synth,
    maxPolyphony: 4,
    volume: -12,
    options: {
      oscillator: { type: 'square8' },
      envelope: { attack: 0.01, decay: 0.2, sustain: 0.6, release: 0.25 },
    },
  });
  const tone = new Filter({ frequency: 4200, type: 'lowpass', Q: 0.7 });
  const vibrato = new Vibrato({ frequency: 5.2, depth: 0.06, wet: 1 });
  const delay = new FeedbackDelay({ delayTime: Math.min(1, beatSeconds * 0.75), feedback: 0.28, wet: 0.18 });
  return polyChain(synth, route(bus, volume, 0.15, synth, [tone, vibrato, delay]));
};

/** Pad: slow, fat, low-passed sawtooth chords, mostly in the reverb. */
export const createPad: InstrumentFactory = (bus, { volume }) => {
  const synth = new PolySynth({
    voice: Synth,
    maxPolyphony: 8,
    volume: -16,
    options: {
      oscillator: { type: 'fatsawtooth', count: 3, spread: 24 },
      envelope: { attack: 0.5, decay: 0.6, sustain: 0.8, release: 1.2 },
    },
  });
  const lowpass = new Filter({ frequency: 1600, type: 'lowpass', rolloff: -24 });
  return polyChain(synth, route(bus, volume, 0.45, synth, [lowpass]));
};

/** Pluck: short triangle-ish stabs. */
export const createPluck: InstrumentFactory = (bus, { volume }) => {
  const synth = new PolySynth({
    voice: Synth,
    maxPolyphony: 6,
    volume: -8,
    options: {
      oscillator: { type: 'triangle8' },
      envelope: { attack: 0.002, decay: 0.22, sustain: 0, release: 0.12 },
    },
  });
  const lowpass = new Filter({ frequency: 3500, type: 'lowpass' });
  return polyChain(synth, route(bus, volume, 0.2, synth, [lowpass]));
};

/** Bell: inharmonic FM with a long decay. (Tone's FMSynth is ~10 dB quieter than Synth: hence volume 0.) */
export const createBell: InstrumentFactory = (bus, { volume }) => {
  const synth = new PolySynth({
    voice: FMSynth,
    maxPolyphony: 6,
    volume: 0,
    options: {
      harmonicity: 3.5,
      modulationIndex: 8,
      oscillator: { type: 'sine' },
      modulation: { type: 'sine' },
      envelope: { attack: 0.001, decay: 1.4, sustain: 0, release: 1.2 },
      modulationEnvelope: { attack: 0.001, decay: 0.6, sustain: 0.1, release: 0.8 },
    },
  });
  return polyChain(synth, route(bus, volume, 0.3, synth, []));
};

/** Keys: an FM electric piano (tine-ish attack, mellow body). */
export const createKeys: InstrumentFactory = (bus, { volume }) => {
  const synth = new PolySynth({
    voice: FMSynth,
    maxPolyphony: 6,
    volume: -6,
    options: {
      harmonicity: 1,
      modulationIndex: 5,
      oscillator: { type: 'sine' },
      modulation: { type: 'sine' },
      envelope: { attack: 0.002, decay: 1.2, sustain: 0.35, release: 0.4 },
      modulationEnvelope: { attack: 0.002, decay: 0.35, sustain: 0.15, release: 0.4 },
    },
  });
  const lowpass = new Filter({ frequency: 5000, type: 'lowpass' });
  return polyChain(synth, route(bus, volume, 0.15, synth, [lowpass]));
};

/** Guitar: sawtooth power chords into distortion and a speaker-cabinet low-pass. */
export const createGuitar: InstrumentFactory = (bus, { volume }) => {
  const synth = new PolySynth({
    voice: Synth,
    maxPolyphony: 6,
    volume: -12,
    options: {
      oscillator: { type: 'sawtooth' },
      envelope: { attack: 0.003, decay: 0.15, sustain: 0.85, release: 0.1 },
    },
  });
  const highpass = new Filter({ frequency: 90, type: 'highpass' });
  const drive = new Distortion({ distortion: 0.85, oversample: '2x' });
  const cabinet = new Filter({ frequency: 3000, type: 'lowpass', rolloff: -24, Q: 0.8 });
  const trim = new Gain(-4, 'decibels');
  return polyChain(synth, route(bus, volume, 0.1, synth, [highpass, drive, cabinet, trim]));
};

/**
 * Shaker: one NoiseSynth through a high-pass. A NoiseSynth is monophonic, so simultaneous
 * or out-of-order hits are merged or skipped instead of restarting the source at one time.
 */
export const createShaker: InstrumentFactory = (bus, { volume }) => {
  const synth = new NoiseSynth({
    volume: -20,
    noise: { type: 'white' },
    envelope: { attack: 0.002, decay: 0.06, sustain: 0, release: 0.03 },
  });
  const highpass = new Filter({ frequency: 6500, type: 'highpass' });
  const nodes = route(bus, volume, 0.05, synth, [highpass]);
  let last = Number.NEGATIVE_INFINITY;
  let disposed = false;
  return {
    play(time, notes) {
      if (disposed || notes.length === 0 || time <= last) return;
      last = time;
      const velocity = Math.max(...notes.map((n) => n.velocity));
      synth.triggerAttackRelease(0.03, time, velocity);
    },
    releaseAll() {
      // the hits are 60 ms long: nothing to release
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      for (const n of nodes) n.dispose();
    },
  };
};

/** One factory per instrument of the song format. */
export const INSTRUMENT_FACTORIES: Readonly<Record<Instrument, InstrumentFactory>> = {
  bass: createBass,
  lead: createLead,
  pad: createPad,
  pluck: createPluck,
  bell: createBell,
  keys: createKeys,
  guitar: createGuitar,
  shaker: createShaker,
};

/** Builds the chain for a track's instrument. */
export function createInstrument(kind: Instrument, bus: MixBus, options: InstrumentOptions): InstrumentChain {
  return INSTRUMENT_FACTORIES[kind](bus, options);
}
