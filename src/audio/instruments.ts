import {
  Chorus,
  Convolver,
  connect,
  Distortion,
  Filter,
  Gain,
  getContext,
  type InputNode,
  Panner,
  PingPongDelay,
  type ToneAudioNode,
  Vibrato,
  Volume,
} from 'tone';
import type { Instrument } from '../core/chart';
import { DEFAULT_BED_NOTE } from './drumKit';
import { velocityGain } from './hitSound';
import { SQUARE_8, TRIANGLE_8, type VoiceDesign, Voices } from './voices';

/*
 * The backing-track instruments. Every node is created in Tone's current context
 * (getContext()), so the same code plays live and renders offline.
 *
 * Signal flow of one backing:
 *   track voices -> track effects -> Volume(track dB) -> Panner -+-> mix.dry ---------------+
 *                                                                '-> send -> mix.reverb ----+-> song level -> gate -> output
 *
 * The gate is the backing's own fader: it fades the song out when it stops (no pop when a
 * run restarts) and opens again when it starts.
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
  /** Silences every note from `time` (sounding ones stop there, later ones never play). */
  releaseAll(time: number): void;
  dispose(): void;
}

/** The percussion one-shots of the groove bed, by GM drum note (see drumKit.ts). */
export type PercussionBank = ReadonlyMap<number, AudioBuffer>;

export interface InstrumentOptions {
  /** Track level in dB. */
  readonly volume: number;
  /** Seconds per beat at the song's start; sets tempo-related effect times (delays). */
  readonly beatSeconds: number;
  /** Stereo position -1..1 (the backing spreads its tracks; see createBacking). */
  readonly pan?: number;
  /** The groove bed's sounds, once rendered (null until then: the bed stays silent). */
  readonly percussion?: () => PercussionBank | null;
}

/** The effect bus shared by every track of one backing. */
export interface MixBus {
  /** Dry input of the song's mix. */
  readonly dry: ToneAudioNode;
  /** Input of the shared reverb. */
  readonly reverb: ToneAudioNode;
  /** The backing's fader (0 closed, 1 open), after everything else. */
  readonly gate: GainNode;
  dispose(): void;
}

export type InstrumentFactory = (bus: MixBus, options: InstrumentOptions) => InstrumentChain;

/** The backing's level into the music bus: sets every song's loudness together (see the songs' trims). */
export const BACKING_DB = 15.5;
const REVERB_SECONDS = 1.8;
const REVERB_RETURN_DB = -6;

const irCache = new Map<number, AudioBuffer>();

/**
 * A stereo reverb impulse response: decaying, darkening noise, independent in each channel
 * (so it widens what it receives). Computed once per sample rate in plain JS and shared.
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
  const predelay = Math.round(0.018 * sampleRate);
  for (let ch = 0; ch < 2; ch++) {
    const data = ir.getChannelData(ch);
    let lp = 0;
    for (let i = predelay; i < length; i++) {
      const t = (i - predelay) / sampleRate;
      const progress = i / length;
      // one-pole low-pass that closes as the tail decays: the tail gets darker
      const k = 0.85 - 0.65 * progress;
      lp += k * (random() * 2 - 1 - lp);
      const fadeIn = Math.min(1, t / 0.006);
      data[i] = lp * fadeIn * Math.exp(-t * 3.2) * (1 - progress);
    }
  }
  irCache.set(sampleRate, ir);
  return ir;
}

/** Creates the mix of one backing (dry, shared reverb, song level, gate), feeding `output`. */
export function createMixBus(output: InputNode): MixBus {
  const dry = new Gain(1);
  const level = new Gain(BACKING_DB, 'decibels');
  const reverbHighpass = new Filter({ frequency: 280, type: 'highpass' });
  const reverb = new Convolver({ url: reverbImpulse(dry.context.sampleRate), normalize: true });
  const reverbReturn = new Gain(REVERB_RETURN_DB, 'decibels');
  const gate = getContext().createGain();
  gate.gain.value = 0;
  dry.connect(level);
  reverbHighpass.chain(reverb, reverbReturn, level);
  level.connect(gate);
  gate.connect(output as AudioNode);
  const nodes: ToneAudioNode[] = [dry, level, reverbHighpass, reverb, reverbReturn];
  return {
    dry,
    reverb: reverbHighpass,
    gate,
    dispose() {
      for (const n of nodes) n.dispose();
      gate.disconnect();
    },
  };
}

/**
 * Connects `source` through `effects` to a track Volume and a Panner, which feeds the bus dry
 * and, by `send` (0..1), the shared reverb. Returns every node it made (for disposal).
 */
function route(
  bus: MixBus,
  volumeDb: number,
  pan: number,
  send: number,
  source: ToneAudioNode,
  effects: ToneAudioNode[],
): ToneAudioNode[] {
  const volume = new Volume(volumeDb);
  const panner = new Panner(pan);
  source.chain(...effects, volume, panner, bus.dry);
  const nodes: ToneAudioNode[] = [source, ...effects, volume, panner];
  if (send > 0) {
    const sendGain = new Gain(send);
    panner.chain(sendGain, bus.reverb);
    nodes.push(sendGain);
  }
  return nodes;
}

/**
 * An instrument of light voices (voices.ts) at `levelDb`, through `effects` to its track
 * volume and place in the mix.
 */
function voiceChain(
  bus: MixBus,
  design: VoiceDesign,
  levelDb: number,
  o: { volume: number; pan: number; send: number },
  effects: ToneAudioNode[],
): InstrumentChain {
  const source = new Gain(levelDb, 'decibels');
  const voices = new Voices(getContext().rawContext as BaseAudioContext, design, source.input as AudioNode);
  const nodes = route(bus, o.volume, o.pan, o.send, source, effects);
  let disposed = false;
  return {
    play(time, notes) {
      if (disposed) return;
      for (const n of notes) voices.play(time, n.midi, n.duration, n.velocity);
    },
    releaseAll(time) {
      voices.silence(time);
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      voices.dispose();
      for (const n of nodes) n.dispose();
    },
  };
}

/** Bass: a saw through a low-pass that opens on every note, a touch of drive so small speakers hear it. */
export const createBass: InstrumentFactory = (bus, { volume, pan = 0 }) => {
  const design: VoiceDesign = {
    oscillators: [{ type: 'sawtooth' }],
    envelope: { attack: 0.004, decay: 0.25, sustain: 0.7, release: 0.1 },
    filter: {
      type: 'lowpass',
      frequency: 140,
      Q: 1.5,
      octaves: 3,
      envelope: { attack: 0.003, decay: 0.2, sustain: 0.4, release: 0.2 },
    },
  };
  const drive = new Distortion({ distortion: 0.15, oversample: 'none' });
  const dcBlock = new Filter({ frequency: 30, type: 'highpass' });
  return voiceChain(bus, design, -12, { volume, pan, send: 0 }, [drive, dcBlock]);
};

/** Lead: a bright square with vibrato and a stereo echo (a dotted eighth, left and right). */
export const createLead: InstrumentFactory = (bus, { volume, beatSeconds, pan = 0 }) => {
  const design: VoiceDesign = {
    oscillators: [{ partials: SQUARE_8 }],
    envelope: { attack: 0.01, decay: 0.2, sustain: 0.65, release: 0.25 },
  };
  const tone = new Filter({ frequency: 6500, type: 'lowpass', Q: 0.6 });
  const vibrato = new Vibrato({ frequency: 5.2, depth: 0.06, wet: 1 });
  const delay = new PingPongDelay({ delayTime: Math.min(1, beatSeconds * 0.75), feedback: 0.25, wet: 0.2 });
  return voiceChain(bus, design, -10, { volume, pan, send: 0.18 }, [tone, vibrato, delay]);
};

/** Pad: three detuned saws a note, soft and wide through a stereo chorus, mostly in the reverb. */
export const createPad: InstrumentFactory = (bus, { volume, pan = 0 }) => {
  const design: VoiceDesign = {
    oscillators: [-11, 0, 11].map((detune) => ({ type: 'sawtooth', detune, level: 0.58 })),
    envelope: { attack: 0.4, decay: 0.6, sustain: 0.8, release: 0.7 },
  };
  const lowpass = new Filter({ frequency: 3200, type: 'lowpass', rolloff: -12, Q: 0.5 });
  const chorus = new Chorus({ frequency: 0.5, delayTime: 4.5, depth: 0.6, spread: 180, wet: 0.6 }).start();
  return voiceChain(bus, design, -14, { volume, pan, send: 0.4 }, [lowpass, chorus]);
};

/** Pluck: short, bright triangle-ish stabs with a stereo echo. */
export const createPluck: InstrumentFactory = (bus, { volume, beatSeconds, pan = 0 }) => {
  const design: VoiceDesign = {
    oscillators: [{ partials: TRIANGLE_8 }],
    envelope: { attack: 0.004, decay: 0.25, sustain: 0.35, release: 0.15 },
  };
  const lowpass = new Filter({ frequency: 6500, type: 'lowpass' });
  const delay = new PingPongDelay({ delayTime: Math.min(1, beatSeconds * 0.5), feedback: 0.2, wet: 0.14 });
  return voiceChain(bus, design, -8, { volume, pan, send: 0.22 }, [lowpass, delay]);
};

/** Bell: inharmonic FM with a long decay. */
export const createBell: InstrumentFactory = (bus, { volume, pan = 0 }) => {
  const design: VoiceDesign = {
    oscillators: [{ type: 'sine' }],
    envelope: { attack: 0.001, decay: 1.4, sustain: 0, release: 1.2 },
    fm: { harmonicity: 3.5, index: 8, envelope: { attack: 0.001, decay: 0.6, sustain: 0.1, release: 0.8 } },
  };
  return voiceChain(bus, design, -10, { volume, pan, send: 0.3 }, []);
};

/** Keys: an FM electric piano (tine-ish attack, mellow body). */
export const createKeys: InstrumentFactory = (bus, { volume, pan = 0 }) => {
  const design: VoiceDesign = {
    oscillators: [{ type: 'sine' }],
    envelope: { attack: 0.002, decay: 1.2, sustain: 0.35, release: 0.4 },
    fm: { harmonicity: 1, index: 6, envelope: { attack: 0.002, decay: 0.35, sustain: 0.2, release: 0.4 } },
  };
  const lowpass = new Filter({ frequency: 7500, type: 'lowpass' });
  return voiceChain(bus, design, -14, { volume, pan, send: 0.2 }, [lowpass]);
};

/**
 * Guitar: sawtooth chords (write power chords as root, fifth and octave) into distortion, a
 * DC blocker after it, and a speaker-cabinet low-pass. Double-tracked as metal guitars are:
 * two takes, a few cents apart and voiced a little differently, hard left and right. Being
 * two sources, not one signal delayed, they stay full when a phone sums them to mono.
 */
export const createGuitar: InstrumentFactory = (bus, { volume }) => {
  const chains = [
    { detune: -7, pan: -0.7, drive: 0.8, cabinet: 4600 },
    { detune: 7, pan: 0.7, drive: 0.75, cabinet: 5200 },
  ].map((t) => {
    const design: VoiceDesign = {
      oscillators: [{ type: 'sawtooth', detune: t.detune }],
      envelope: { attack: 0.003, decay: 0.15, sustain: 0.85, release: 0.08 },
    };
    const tight = new Filter({ frequency: 110, type: 'highpass' });
    const drive = new Distortion({ distortion: t.drive, oversample: '2x' });
    // Distortion makes a DC offset of its own: block it after the shaper, not before.
    const dcBlock = new Filter({ frequency: 35, type: 'highpass' });
    const cabinet = new Filter({ frequency: t.cabinet, type: 'lowpass', rolloff: -24, Q: 0.7 });
    return voiceChain(bus, design, -17, { volume, pan: t.pan, send: 0.08 }, [tight, drive, dcBlock, cabinet]);
  });
  return {
    play: (time, notes) => {
      for (const c of chains) c.play(time, notes);
    },
    releaseAll: (time) => {
      for (const c of chains) c.releaseAll(time);
    },
    dispose: () => {
      for (const c of chains) c.dispose();
    },
  };
};

/** Where each GM percussion note sits in the stereo field. */
const PERCUSSION_PAN: Readonly<Record<number, number>> = {
  42: 0.3,
  44: 0.3,
  46: 0.3,
  49: -0.35,
  51: 0.35,
  53: 0.35,
  54: 0.4,
  56: -0.2,
  60: 0.25,
  61: -0.25,
  62: 0.35,
  63: 0.35,
  64: -0.35,
  69: -0.4,
  70: -0.35,
  75: 0.45,
  76: -0.3,
  77: 0.3,
  81: 0.45,
  82: -0.35,
};

/**
 * Percussion (the groove bed): each note plays a one-shot by its GM drum note number (see
 * drumKit.ts; unknown pitches play the shaker), one buffer source per stroke, placed in the
 * stereo field per sound, at its velocity.
 */
export const createPercussion: InstrumentFactory = (bus, { volume, percussion }) => {
  const context = getContext();
  const vol = new Volume(volume);
  vol.connect(bus.dry);
  const send = new Gain(0.08);
  vol.chain(send, bus.reverb);
  const pans = new Map<number, StereoPannerNode>();
  const pending = new Set<AudioBufferSourceNode>();
  let disposed = false;
  const panFor = (note: number): StereoPannerNode => {
    let p = pans.get(note);
    if (!p) {
      p = context.createStereoPanner();
      p.pan.value = PERCUSSION_PAN[note] ?? 0;
      connect(p, vol);
      pans.set(note, p);
    }
    return p;
  };
  return {
    play(time, notes) {
      const bank = percussion?.();
      if (disposed || !bank) return;
      for (const n of notes) {
        const note = bank.has(n.midi) ? n.midi : DEFAULT_BED_NOTE;
        const buffer = bank.get(note);
        if (!buffer) continue;
        const src = context.createBufferSource();
        src.buffer = buffer;
        const g = context.createGain();
        g.gain.value = velocityGain(n.velocity);
        src.connect(g).connect(panFor(note));
        src.onended = () => {
          pending.delete(src);
          g.disconnect();
        };
        pending.add(src);
        src.start(time);
      }
    },
    releaseAll(time) {
      // strokes already scheduled past `time` are cut there (the gate has closed by then)
      for (const src of pending) src.stop(time);
      pending.clear();
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      for (const src of pending) src.disconnect();
      pending.clear();
      for (const p of pans.values()) p.disconnect();
      vol.dispose();
      send.dispose();
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
  // The song format's percussion instrument: the groove bed, by GM drum note.
  shaker: createPercussion,
};

/** Where each instrument sits by default; a second track of the same instrument takes the other side. */
const DEFAULT_PAN: Readonly<Record<Instrument, number>> = {
  bass: 0,
  lead: 0.08,
  pad: 0,
  pluck: -0.35,
  bell: 0.4,
  keys: 0.2,
  guitar: 0,
  shaker: 0,
};

/** The pan of the `nth` track (0-based) of an instrument in one song: alternate sides, a little wider. */
export function panFor(instrument: Instrument, nth: number): number {
  const base = DEFAULT_PAN[instrument];
  if (nth === 0) return base;
  const side = nth % 2 === 1 ? -1 : 1;
  const spread = base === 0 ? 0.3 : Math.abs(base) + 0.1 * Math.floor(nth / 2);
  return Math.max(-0.8, Math.min(0.8, side * Math.sign(base || 1) * spread));
}

/** Builds the chain for a track's instrument. */
export function createInstrument(kind: Instrument, bus: MixBus, options: InstrumentOptions): InstrumentChain {
  return INSTRUMENT_FACTORIES[kind](bus, options);
}
