import type { Seconds } from '../core/units';

/*
 * Light synth voices for the backing: every note is a handful of plain Web Audio nodes
 * (oscillators, a gain envelope, maybe a filter and an FM modulator) made when it starts and let
 * go when it ends. Tone's PolySynth keeps every voice's control signals (constant sources)
 * running for the whole song and wraps each oscillator in several objects; with power chords,
 * doubled guitars and pad chords that cost more audio time than the whole old backing, and
 * left many live nodes behind. The effects after the voices (filters, chorus, echo, reverb)
 * are still Tone's.
 */

/** An ADSR envelope: seconds, and the sustain level 0..1 of the peak. */
export interface Envelope {
  readonly attack: Seconds;
  readonly decay: Seconds;
  readonly sustain: number;
  readonly release: Seconds;
}

/** One oscillator of a note. */
export interface OscillatorDesign {
  readonly type?: OscillatorType;
  /** Harmonic amplitudes (1st, 2nd, ...) for a custom wave instead of `type`. */
  readonly partials?: readonly number[];
  /** Cents off the note. */
  readonly detune?: number;
  /** Linear level of this oscillator in the note. */
  readonly level?: number;
}

export interface VoiceDesign {
  readonly oscillators: readonly OscillatorDesign[];
  readonly envelope: Envelope;
  /** A filter per note, its corner opening by `octaves` with its own envelope. */
  readonly filter?: {
    readonly type: BiquadFilterType;
    readonly frequency: number;
    readonly Q?: number;
    readonly octaves?: number;
    readonly envelope?: Envelope;
  };
  /** Frequency modulation of every oscillator by a sine at `harmonicity` times the note. */
  readonly fm?: { readonly harmonicity: number; readonly index: number; readonly envelope: Envelope };
}

/** Square and triangle waves with their first eight harmonics (Tone's "square8", "triangle8"). */
export const SQUARE_8: readonly number[] = [1, 0, 1 / 3, 0, 1 / 5, 0, 1 / 7, 0];
export const TRIANGLE_8: readonly number[] = [1, 0, -1 / 9, 0, 1 / 25, 0, -1 / 49, 0];

const waves = new WeakMap<BaseAudioContext, Map<string, PeriodicWave>>();

function periodicWave(context: BaseAudioContext, partials: readonly number[]): PeriodicWave {
  let cache = waves.get(context);
  if (!cache) {
    cache = new Map();
    waves.set(context, cache);
  }
  const key = partials.join(',');
  let wave = cache.get(key);
  if (!wave) {
    const imag = new Float32Array([0, ...partials]);
    wave = context.createPeriodicWave(new Float32Array(imag.length), imag);
    cache.set(key, wave);
  }
  return wave;
}

function midiToHz(midi: number): number {
  return 440 * 2 ** ((midi - 69) / 12);
}

/**
 * Schedules an envelope from `start` to `end` (note off) reaching `peak`, around `base`: attack
 * linear, decay and release exponential. Returns when it has fallen 70 dB.
 */
export function scheduleEnvelope(
  param: AudioParam,
  start: Seconds,
  end: Seconds,
  peak: number,
  e: Envelope,
  base = 0,
): Seconds {
  const attack = Math.max(0.001, e.attack);
  const decayTau = Math.max(0.001, e.decay / 4);
  const releaseTau = Math.max(0.001, e.release / 4);
  const sustain = base + (peak - base) * e.sustain;
  param.setValueAtTime(base, start);
  if (end <= start + attack) {
    param.linearRampToValueAtTime(base + ((peak - base) * (end - start)) / attack, end);
  } else {
    param.linearRampToValueAtTime(peak, start + attack);
    param.setTargetAtTime(sustain, start + attack, decayTau);
    // the value the decay reached at note off, set there so the release starts from it
    param.setValueAtTime(sustain + (peak - sustain) * Math.exp(-(end - start - attack) / decayTau), end);
  }
  param.setTargetAtTime(base, end, releaseTau);
  return end + 8 * releaseTau;
}

interface Sounding {
  readonly start: Seconds;
  readonly sources: OscillatorNode[];
  readonly nodes: AudioNode[];
}

/** A polyphonic instrument of light voices, feeding `output`. */
export class Voices {
  private readonly sounding = new Set<Sounding>();
  private disposed = false;

  constructor(
    private readonly context: BaseAudioContext,
    private readonly design: VoiceDesign,
    private readonly output: AudioNode,
  ) {}

  /** Plays a note of `duration` seconds at `time` (context seconds), velocity 0..1. */
  play(time: Seconds, midi: number, duration: Seconds, velocity: number): void {
    if (this.disposed) return;
    const c = this.context;
    const d = this.design;
    const f = midiToHz(midi);
    const end = time + Math.max(0.005, duration);
    const amp = new GainNode(c, { gain: 0 });
    let stopAt = scheduleEnvelope(amp.gain, time, end, velocity, d.envelope);
    const nodes: AudioNode[] = [amp];
    let into: AudioNode = amp;
    if (d.filter) {
      const flt = new BiquadFilterNode(c, { type: d.filter.type, frequency: d.filter.frequency, Q: d.filter.Q ?? 1 });
      if (d.filter.envelope) {
        const open = d.filter.frequency * 2 ** (d.filter.octaves ?? 0);
        scheduleEnvelope(flt.frequency, time, end, open, d.filter.envelope, d.filter.frequency);
      }
      flt.connect(amp);
      nodes.push(flt);
      into = flt;
    }
    const sources: OscillatorNode[] = [];
    for (const o of d.oscillators) {
      const osc = new OscillatorNode(c, { frequency: f, detune: o.detune ?? 0 });
      if (o.partials) osc.setPeriodicWave(periodicWave(c, o.partials));
      else osc.type = o.type ?? 'sine';
      if ((o.level ?? 1) !== 1) {
        const g = new GainNode(c, { gain: o.level });
        osc.connect(g).connect(into);
        nodes.push(g);
      } else {
        osc.connect(into);
      }
      sources.push(osc);
    }
    if (d.fm) {
      const mf = f * d.fm.harmonicity;
      const mod = new OscillatorNode(c, { frequency: mf });
      const depth = new GainNode(c, { gain: 0 });
      stopAt = Math.max(stopAt, scheduleEnvelope(depth.gain, time, end, d.fm.index * mf, d.fm.envelope));
      mod.connect(depth);
      for (const s of sources) depth.connect(s.frequency);
      nodes.push(depth);
      sources.push(mod);
    }
    amp.connect(this.output);
    const note: Sounding = { start: time, sources, nodes };
    this.sounding.add(note);
    for (const s of sources) {
      s.start(time);
      s.stop(stopAt);
    }
    (sources[0] as OscillatorNode).onended = () => this.release(note);
  }

  /** Silences every note from `time`: those sounding stop there, those not started yet never play. */
  silence(time: Seconds): void {
    for (const note of this.sounding) {
      for (const s of note.sources) s.stop(Math.max(time, note.start));
    }
  }

  private release(note: Sounding): void {
    if (!this.sounding.delete(note)) return;
    for (const s of note.sources) s.disconnect();
    for (const n of note.nodes) n.disconnect();
  }

  /** Notes playing or scheduled (for tests). */
  get size(): number {
    return this.sounding.size;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const note of [...this.sounding]) {
      for (const s of note.sources) {
        s.onended = null;
        try {
          s.stop();
        } catch {
          // never started: nothing to stop
        }
      }
      this.release(note);
    }
  }
}
