import type { Seconds } from '../core/units';

/** Things shown once the song reaches their time (captions, lesson hints), in time order. */
export class CueTrack {
  private readonly cues: { time: Seconds; show: () => void }[] = [];
  private next = 0;
  private sorted = true;

  add(time: Seconds, show: () => void): void {
    this.cues.push({ time, show });
    this.sorted = false;
  }

  /** Shows every cue whose time has come. */
  update(t: Seconds): void {
    if (!this.sorted) {
      this.cues.sort((a, b) => a.time - b.time);
      this.sorted = true;
    }
    while (this.next < this.cues.length && (this.cues[this.next] as { time: Seconds }).time <= t) {
      this.cues[this.next]?.show();
      this.next++;
    }
  }
}
