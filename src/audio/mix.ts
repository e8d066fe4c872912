import type { PlayerId, Seconds } from '../core/units';
import limiterUrl from './limiter.worklet.js?url';

/*
 * The game's mix, in plain Web Audio nodes of one context (live or offline):
 *
 *   backing tracks -> backing in -> mastering limiter (5 ms lookahead) -+
 *                                          count-in clicks --------------+-> music (user volume) -+
 *   hits -> [velocity] -> player pan -> drums (user volume) -----------------------------------+-> sum
 *   sum -> master limiter (no lookahead) -> master (user volume) -> safety clipper -> destination
 *
 * Gain staging does most of the work: each song's backing is mastered to about -16 LUFS, its
 * peaks held under -2.5 dBFS by a mastering limiter (the backing is scheduled ahead, so it can
 * afford to look 5 ms ahead; the engine starts it that much earlier), and every drum is
 * levelled by loudness (drumKit.ts), so the players' hits sit inside the music. The master
 * limiter (an AudioWorklet without lookahead: no latency on the live hits) only rides the
 * peaks where both kits land on a downbeat; the clipper after it is a last guard that keeps
 * every sample under -1 dBFS even where AudioWorklet is unavailable (an insecure page).
 */

/** Linear gains 0..1 for the three buses (the player's settings). */
export interface Volumes {
  master: number;
  music: number;
  drums: number;
}

const db = (x: number): number => 10 ** (x / 20);

/**
 * The master limiter: 1:1 up to the knee, then a soft bend that never reaches the ceiling. The
 * ceiling sits 1.3 dB under the clipper's, so that even the peaks between samples (its instant
 * gain changes overshoot a little there) stay under -1 dBFS at full master volume.
 */
export const LIMITER = { knee: db(-3), ceiling: db(-2.3), hold: 0.008, release: 0.1 } as const;
/** The backing's mastering limiter, before the music volume. */
export const MUSIC_LIMITER = {
  knee: db(-6.5),
  ceiling: db(-2.5),
  hold: 0.02,
  release: 0.25,
  lookahead: 0.005,
} as const;
/** The clipper's ceiling: no sample leaves the game above it (it stays under -1 dBFS). */
export const CLIP_CEILING = db(-1.05);
/** Where the clipper starts to bend: at the limiter's ceiling, so behind the limiter it is idle. */
const CLIP_KNEE = LIMITER.ceiling;
/** The clipper's curve covers inputs up to +-CLIP_RANGE; louder ones land on its end. */
const CLIP_RANGE = 4;
/** Volume changes glide with this time constant (about 0.1 s to settle): no zipper, no jump. */
const VOLUME_GLIDE: Seconds = 0.03;
/** The two drummers sit a little left and right, as on stage; their kits differ by sound, not by side. */
const PLAYER_PAN: readonly [number, number] = [-0.3, 0.3];

/** What the limiter did so far (posted by its worklet). */
export interface LimiterStats {
  /** Smallest gain applied (1 = never limited). */
  readonly minGain: number;
  /** Samples it reduced by more than 1 dB. */
  readonly reduced: number;
  readonly samples: number;
}

/** The clipper's curve: identity up to the knee, a tanh bend towards CLIP_CEILING above it. */
function clipCurve(): Float32Array<ArrayBuffer> {
  const n = 8193;
  const curve = new Float32Array(n);
  const room = CLIP_CEILING - CLIP_KNEE;
  for (let i = 0; i < n; i++) {
    const x = ((i / (n - 1)) * 2 - 1) * CLIP_RANGE;
    const a = Math.abs(x);
    const y = a <= CLIP_KNEE ? a : CLIP_KNEE + room * Math.tanh((a - CLIP_KNEE) / room);
    curve[i] = (Math.sign(x) * y) / CLIP_RANGE;
  }
  return curve;
}

export class Mixer {
  /** Input for backing tracks (through the mastering limiter; see `musicDelay`). */
  readonly backing: GainNode;
  /** The music bus (user volume): the mastered backing and the count-in clicks. */
  readonly music: GainNode;
  /** The drums bus (both players' kits). */
  readonly drums: GainNode;
  private readonly pans: StereoPannerNode[];
  private readonly sum: GainNode;
  private readonly master: GainNode;
  private readonly clipIn: GainNode;
  private readonly clipper: WaveShaperNode;
  private readonly clipOut: GainNode;
  private limiter: AudioWorkletNode | null = null;
  private mastering: AudioWorkletNode | null = null;
  private latestStats: LimiterStats | null = null;
  private latestMusicStats: LimiterStats | null = null;
  /** Called with every report of the limiter (offline renders keep them all). */
  onLimiterStats: ((stats: LimiterStats) => void) | null = null;
  private disposed = false;

  constructor(
    readonly context: BaseAudioContext,
    destination: AudioNode,
    volumes: Volumes = { master: 1, music: 1, drums: 1 },
  ) {
    const c = context;
    this.backing = new GainNode(c);
    this.music = new GainNode(c, { gain: volumes.music });
    this.drums = new GainNode(c, { gain: volumes.drums });
    this.sum = new GainNode(c);
    this.master = new GainNode(c, { gain: volumes.master });
    this.clipIn = new GainNode(c, { gain: 1 / CLIP_RANGE });
    this.clipper = new WaveShaperNode(c, { curve: clipCurve(), oversample: 'none' });
    this.clipOut = new GainNode(c, { gain: CLIP_RANGE });
    this.pans = PLAYER_PAN.map((pan) => new StereoPannerNode(c, { pan }));
    for (const p of this.pans) p.connect(this.drums);
    // Until the limiters' worklet is loaded, the backing and the sum go straight on.
    this.backing.connect(this.music);
    this.music.connect(this.sum);
    this.drums.connect(this.sum);
    this.sum.connect(this.master);
    this.master.connect(this.clipIn).connect(this.clipper).connect(this.clipOut).connect(destination);
  }

  /**
   * Loads the limiters' worklet and puts the master limiter between the sum and the master,
   * the mastering limiter after the backing. Resolves false (the clipper alone guards the
   * output, the backing is not delayed) where AudioWorklet is unavailable.
   */
  async useLimiter(moduleUrl: string = limiterUrl): Promise<boolean> {
    if (this.limiter) return true;
    try {
      if (!this.context.audioWorklet) return false;
      await this.context.audioWorklet.addModule(moduleUrl);
      if (this.disposed) return false;
      const make = (options: Record<string, number>): AudioWorkletNode =>
        new AudioWorkletNode(this.context, 'drum-diplomacy-limiter', {
          numberOfInputs: 1,
          numberOfOutputs: 1,
          outputChannelCount: [2],
          processorOptions: options,
        });
      const node = make(LIMITER);
      node.port.onmessage = (e: MessageEvent<LimiterStats>) => {
        this.latestStats = e.data;
        this.onLimiterStats?.(e.data);
      };
      const mastering = make(MUSIC_LIMITER);
      mastering.port.onmessage = (e: MessageEvent<LimiterStats>) => {
        this.latestMusicStats = e.data;
      };
      this.sum.disconnect();
      this.sum.connect(node).connect(this.master);
      this.backing.disconnect();
      this.backing.connect(mastering).connect(this.music);
      this.limiter = node;
      this.mastering = mastering;
      return true;
    } catch {
      return false;
    }
  }

  /** True once the limiter runs (false: the clipper alone guards the output). */
  get limiting(): boolean {
    return this.limiter !== null;
  }

  /** What the master limiter did so far (null before its first report). */
  get limiterStats(): LimiterStats | null {
    return this.latestStats;
  }

  /** What the backing's mastering limiter did so far (null before its first report). */
  get musicLimiterStats(): LimiterStats | null {
    return this.latestMusicStats;
  }

  /** How late the backing comes out (its mastering limiter's lookahead): start it this much early. */
  get musicDelay(): Seconds {
    return this.mastering
      ? (Math.round(MUSIC_LIMITER.lookahead * this.context.sampleRate) + 1) / this.context.sampleRate
      : 0;
  }

  /** Sets the three volumes, gliding there from where they are. */
  setVolumes(v: Volumes): void {
    const now = this.context.currentTime;
    const glide = (param: AudioParam, value: number): void => {
      param.cancelScheduledValues(now);
      param.setValueAtTime(param.value, now);
      param.setTargetAtTime(Math.max(0, value), now, VOLUME_GLIDE);
    };
    glide(this.master.gain, v.master);
    glide(this.music.gain, v.music);
    glide(this.drums.gain, v.drums);
  }

  /**
   * Plays a one-shot buffer on a player's drum channel at `when` (context seconds; the past
   * means now), scaled by `gain`. One source node per hit, plus a gain node only if scaled.
   */
  playHit(buffer: AudioBuffer, player: PlayerId, when: Seconds, gain = 1): number {
    const pan = this.pans[player];
    if (!pan || this.disposed) return Number.NaN;
    const src = new AudioBufferSourceNode(this.context, { buffer });
    const at = Math.max(this.context.currentTime, when);
    if (gain === 1) {
      src.connect(pan);
    } else {
      const g = new GainNode(this.context, { gain });
      src.connect(g).connect(pan);
      src.onended = () => g.disconnect();
    }
    src.start(at);
    return at;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const nodes: AudioNode[] = [
      this.backing,
      this.music,
      this.drums,
      ...this.pans,
      this.sum,
      this.master,
      this.clipIn,
      this.clipper,
      this.clipOut,
    ];
    for (const worklet of [this.limiter, this.mastering]) {
      if (!worklet) continue;
      worklet.port.onmessage = null;
      worklet.port.close();
      nodes.push(worklet);
    }
    for (const n of nodes) n.disconnect();
  }
}
