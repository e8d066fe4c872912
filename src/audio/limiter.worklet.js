// The master limiter: an AudioWorklet processor (plain JavaScript, loaded with
// audioWorklet.addModule, so it cannot import anything).
//
// A stereo-linked peak limiter without lookahead, so it adds no latency to the live hits:
// - the envelope follows the louder channel's peak at once (instant attack), holds it for a
//   few milliseconds (so it does not ride single waveform cycles of a kick), then releases;
// - the gain maps the envelope through a soft knee: 1:1 up to `knee`, then bending towards
//   `ceiling`, which it never reaches. Every output sample is at most the envelope times the
//   gain, and the envelope is never under the current sample, so no output sample can exceed
//   `ceiling`, whatever comes in.
// Every `STATS_EVERY` samples it posts what it did: the deepest gain reduction and how many
// samples it reduced by more than 1 dB (the bench reads these to show it stays transparent).

const STATS_EVERY = 16384;
const ONE_DB = 10 ** (-1 / 20);

class DrumDiplomacyLimiter extends AudioWorkletProcessor {
  constructor(options) {
    super();
    const o = options?.processorOptions ?? {};
    this.ceiling = o.ceiling ?? 0.86;
    this.knee = Math.min(o.knee ?? 0.6, this.ceiling * 0.95);
    this.holdSamples = Math.round((o.hold ?? 0.012) * sampleRate);
    this.release = Math.exp(-1 / ((o.release ?? 0.15) * sampleRate));
    this.env = 0;
    this.held = 0;
    this.minGain = 1;
    this.reduced = 0;
    this.samples = 0;
    this.sinceStats = 0;
  }

  /** Gain for an envelope level: 1 under the knee, then a tanh bend that stays under the ceiling. */
  gainFor(env) {
    if (env <= this.knee) return 1;
    const room = this.ceiling - this.knee;
    return (this.knee + room * Math.tanh((env - this.knee) / room)) / env;
  }

  process(inputs, outputs) {
    const input = inputs[0] ?? [];
    const output = outputs[0] ?? [];
    const frames = output[0]?.length ?? 128;
    const left = input[0];
    const right = input[1] ?? input[0];
    for (let i = 0; i < frames; i++) {
      const l = left ? left[i] : 0;
      const r = right ? right[i] : 0;
      const peak = Math.max(Math.abs(l), Math.abs(r));
      if (peak >= this.env) {
        this.env = peak;
        this.held = this.holdSamples;
      } else if (this.held > 0) {
        this.held--;
      } else {
        this.env = peak + (this.env - peak) * this.release;
      }
      const g = this.gainFor(this.env);
      if (g < this.minGain) this.minGain = g;
      if (g < ONE_DB) this.reduced++;
      if (output[0]) output[0][i] = l * g;
      if (output[1]) output[1][i] = r * g;
    }
    this.samples += frames;
    this.sinceStats += frames;
    if (this.sinceStats >= STATS_EVERY) {
      this.sinceStats = 0;
      this.port.postMessage({ minGain: this.minGain, reduced: this.reduced, samples: this.samples });
    }
    return true;
  }
}

registerProcessor('drum-diplomacy-limiter', DrumDiplomacyLimiter);
