import type { HitWindows } from './hitWindows';
import type { Judgement } from './judgement';
import type { Note } from './song';
import type { Lane, Ms, PlayerId, Seconds } from './units';

/** A drum press from any input device, in song seconds as the device stamped it. */
export interface DrumInput {
  readonly player: PlayerId;
  readonly lane: Lane;
  /** Song time of the event, before the player's input offset is applied. */
  readonly time: Seconds;
}

/** What the judge decided about one note. */
export interface NoteJudgement {
  readonly note: Note;
  readonly judgement: Judgement;
  /** Press time minus note time (positive = late); null for a note nobody pressed. */
  readonly offsetMs: Ms | null;
  /** Song time at which the judgement became final. */
  readonly time: Seconds;
}

/**
 * Offset of a press from its note, rounded to the microsecond so that a press exactly on a
 * window's edge is judged by the table, not by floating-point noise in seconds.
 */
export function offsetMsOf(pressTime: Seconds, noteTime: Seconds): Ms {
  // `+ 0` turns the -0 that rounding a tiny negative error gives into 0.
  return Math.round((pressTime - noteTime) * 1e6) / 1e3 + 0;
}

interface LaneTrack {
  readonly notes: Note[];
  readonly times: Float64Array;
  readonly judged: Uint8Array;
  /** Every note before this index is judged. */
  expiryCursor: number;
}

/**
 * Judges one player's chart. Presses are matched by binary search; notes whose Good window
 * has passed become Misses when time advances. Times given here are already offset-corrected.
 */
export class PlayerJudge {
  private readonly lanes = new Map<Lane, LaneTrack>();
  private remaining: number;

  constructor(
    readonly player: PlayerId,
    notes: readonly Note[],
    readonly windows: HitWindows,
  ) {
    const byLane = new Map<Lane, Note[]>();
    for (const n of notes) {
      const list = byLane.get(n.lane) ?? [];
      list.push(n);
      byLane.set(n.lane, list);
    }
    for (const [lane, list] of byLane) {
      list.sort((a, b) => a.time - b.time);
      this.lanes.set(lane, {
        notes: list,
        times: Float64Array.from(list, (n) => n.time),
        judged: new Uint8Array(list.length),
        expiryCursor: 0,
      });
    }
    this.remaining = notes.length;
  }

  /** Notes not yet judged. */
  get unjudged(): number {
    return this.remaining;
  }

  /**
   * Judges a press at `time`: it takes the earliest unjudged note of its lane whose window
   * contains the press. Returns null for a ghost hit, which changes nothing.
   */
  press(lane: Lane, time: Seconds): NoteJudgement | null {
    const track = this.lanes.get(lane);
    if (!track) return null;
    const lateLimit = this.windows.lateLimit / 1000;
    const earlyLimit = this.windows.earlyLimit / 1000;
    // A microsecond of slack either side; the exact window check is resultFor below.
    let i = lowerBound(track.times, time - lateLimit - 1e-6);
    for (; i < track.times.length && (track.times[i] as number) <= time + earlyLimit + 1e-6; i++) {
      if (track.judged[i]) continue;
      const offsetMs = offsetMsOf(time, track.times[i] as number);
      const judgement = this.windows.resultFor(offsetMs);
      if (judgement === null) continue;
      return this.mark(track, i, judgement, offsetMs, time);
    }
    return null;
  }

  /** Turns every note whose Good window closed before `time` into a Miss, in note order. */
  expire(time: Seconds): NoteJudgement[] {
    const out: NoteJudgement[] = [];
    for (const track of this.lanes.values()) {
      while (track.expiryCursor < track.times.length) {
        const i = track.expiryCursor;
        if (!track.judged[i]) {
          const noteTime = track.times[i] as number;
          if (this.windows.canBeHit(offsetMsOf(time, noteTime))) break;
          out.push(this.mark(track, i, 'miss', null, noteTime + this.windows.lateLimit / 1000));
        }
        track.expiryCursor++;
      }
    }
    if (out.length > 1) out.sort((a, b) => a.note.time - b.note.time);
    return out;
  }

  private mark(track: LaneTrack, i: number, judgement: Judgement, offsetMs: Ms | null, time: Seconds): NoteJudgement {
    track.judged[i] = 1;
    this.remaining--;
    return { note: track.notes[i] as Note, judgement, offsetMs, time };
  }
}

/** First index whose value is >= x (values sorted ascending). */
export function lowerBound(values: Float64Array, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
