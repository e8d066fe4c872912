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
//
// With `lookahead` (seconds) it is a mastering limiter instead, for music that is scheduled
// ahead and can afford the delay: the output is late by the lookahead, and the gain comes down
// in a straight line over that time before a peak arrives rather than at the peak itself
// (the gain for the sample going out is the least of each coming sample's need, eased in
// linearly by how far ahead it is), then recovers after a hold with the same release.
//
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
    this.look = Math.max(0, Math.round((o.lookahead ?? 0) * sampleRate));
    if (this.look > 0) {
      const n = this.look + 1;
      this.ringL = new Float32Array(n);
      this.ringR = new Float32Array(n);
      this.need = new Float32Array(n).fill(1);
      this.at = 0;
      this.gain = 1;
    }
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
    if (this.look > 0) return this.processAhead(inputs, outputs);
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
    this.count(frames);
    return true;
  }

  /** Counts processed frames; every STATS_EVERY of them, reports the gain reduction so far. */
  count(frames) {
    this.samples += frames;
    this.sinceStats += frames;
    if (this.sinceStats >= STATS_EVERY) {
      this.sinceStats = 0;
      this.port.postMessage({ minGain: this.minGain, reduced: this.reduced, samples: this.samples });
    }
  }
}

DrumDiplomacyLimiter.prototype.processAhead = function (inputs, outputs) {
  const input = inputs[0] ?? [];
  const output = outputs[0] ?? [];
  const frames = output[0]?.length ?? 128;
  const left = input[0];
  const right = input[1] ?? input[0];
  const n = this.look + 1;
  for (let i = 0; i < frames; i++) {
    const l = left ? left[i] : 0;
    const r = right ? right[i] : 0;
    // the oldest slot holds the sample going out now; the new sample takes its place after
    const out = this.at;
    const outL = this.ringL[out];
    const outR = this.ringR[out];
    // the need of the sample going out now in full, and of each one going out in j samples
    // eased in by j / n: the gain slopes down to a peak over the lookahead
    let g = this.need[out];
    for (let j = 1; j < n; j++) {
      const k = (out + j) % n;
      const eased = this.need[k] + ((1 - this.need[k]) * j) / n;
      if (eased < g) g = eased;
    }
    // newest sample enters the window
    this.ringL[out] = l;
    this.ringR[out] = r;
    this.need[out] = this.gainFor(Math.max(Math.abs(l), Math.abs(r)));
    this.at = (out + 1) % n;
    // the gain can fall at once (the ramp above already eased it) and recovers after a hold
    if (g < this.gain) {
      this.gain = g;
      this.held = this.holdSamples;
    } else if (this.held > 0) {
      this.held--;
    } else {
      this.gain = Math.min(g, 1 - (1 - this.gain) * this.release);
    }
    const applied = Math.min(this.gain, g);
    if (applied < this.minGain) this.minGain = applied;
    if (applied < ONE_DB) this.reduced++;
    if (output[0]) output[0][i] = outL * applied;
    if (output[1]) output[1][i] = outR * applied;
  }
  this.count(frames);
  return true;
};

registerProcessor('drum-diplomacy-limiter', DrumDiplomacyLimiter);
