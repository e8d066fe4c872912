import type { PlayerId, Seconds } from '../core/units';
import limiterUrl from './limiter.worklet.js?url';

/*
 * The game's mix, in plain Web Audio nodes of one context (live or offline):
 *
 *   backing tracks, count-in clicks -> music (user volume) -+
 *   hits -> [velocity] -> player pan -> drums (user volume) -+-> sum -> limiter -> master (user volume)
 *                                                                       -> safety clipper -> destination
 *
 * Gain staging does most of the work: each song's backing is mastered to about -16 LUFS and
 * every drum is levelled by loudness (drumKit.ts), so the players' hits sit inside the music.
 * The limiter (an AudioWorklet, no lookahead, so no added latency) only rides the peaks where
 * both kits land on a downbeat; the clipper after it is a last guard that keeps every sample
 * under -1 dBFS even where AudioWorklet is unavailable (an insecure page).
 */

/** Linear gains 0..1 for the three buses (the player's settings). */
export interface Volumes {
  master: number;
  music: number;
  drums: number;
}

const db = (x: number): number => 10 ** (x / 20);

/** The limiter: 1:1 up to the knee, then a soft bend that never reaches the ceiling. */
export const LIMITER = { knee: db(-3.5), ceiling: db(-1.3), hold: 0.012, release: 0.15 } as const;
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
  /** Input of the music bus: backing tracks and count-in clicks. */
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
  private latestStats: LimiterStats | null = null;
  /** Called with every report of the limiter (offline renders keep them all). */
  onLimiterStats: ((stats: LimiterStats) => void) | null = null;
  private disposed = false;

  constructor(
    readonly context: BaseAudioContext,
    destination: AudioNode,
    volumes: Volumes = { master: 1, music: 1, drums: 1 },
  ) {
    const c = context;
    this.music = new GainNode(c, { gain: volumes.music });
    this.drums = new GainNode(c, { gain: volumes.drums });
    this.sum = new GainNode(c);
    this.master = new GainNode(c, { gain: volumes.master });
    this.clipIn = new GainNode(c, { gain: 1 / CLIP_RANGE });
    this.clipper = new WaveShaperNode(c, { curve: clipCurve(), oversample: 'none' });
    this.clipOut = new GainNode(c, { gain: CLIP_RANGE });
    this.pans = PLAYER_PAN.map((pan) => new StereoPannerNode(c, { pan }));
    for (const p of this.pans) p.connect(this.drums);
    this.music.connect(this.sum);
    this.drums.connect(this.sum);
    // Until the limiter's worklet is loaded, the sum goes straight to the master (the clipper guards it).
    this.sum.connect(this.master);
    this.master.connect(this.clipIn).connect(this.clipper).connect(this.clipOut).connect(destination);
  }

  /**
   * Loads the limiter's worklet and puts it between the sum and the master. Resolves false
   * (and keeps the clipper alone) where AudioWorklet is unavailable.
   */
  async useLimiter(moduleUrl: string = limiterUrl): Promise<boolean> {
    if (this.limiter) return true;
    try {
      if (!this.context.audioWorklet) return false;
      await this.context.audioWorklet.addModule(moduleUrl);
      if (this.disposed) return false;
      const node = new AudioWorkletNode(this.context, 'drum-diplomacy-limiter', {
        numberOfInputs: 1,
        numberOfOutputs: 1,
        outputChannelCount: [2],
        processorOptions: LIMITER,
      });
      node.port.onmessage = (e: MessageEvent<LimiterStats>) => {
        this.latestStats = e.data;
        this.onLimiterStats?.(e.data);
      };
      this.sum.disconnect();
      this.sum.connect(node).connect(this.master);
      this.limiter = node;
      return true;
    } catch {
      return false;
    }
  }

  /** True once the limiter runs (false: the clipper alone guards the output). */
  get limiting(): boolean {
    return this.limiter !== null;
  }

  /** What the limiter did so far (null before its first report). */
  get limiterStats(): LimiterStats | null {
    return this.latestStats;
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
      this.music,
      this.drums,
      ...this.pans,
      this.sum,
      this.master,
      this.clipIn,
      this.clipper,
      this.clipOut,
    ];
    if (this.limiter) {
      this.limiter.port.onmessage = null;
      this.limiter.port.close();
      nodes.push(this.limiter);
    }
    for (const n of nodes) n.disconnect();
  }
}
