import type Phaser from 'phaser';
import type { Note, Song } from '../core/song';
import type { Seconds } from '../core/units';
import { CENTER_X, captionSlot } from '../game/layout';
import { FONT } from '../game/theme';
import { keyLabel, type PlayerKeys } from '../input/bindings';
import { wrapStyle } from './captionBox';
import type { CueTrack } from './cueTrack';

export interface LessonHintsOptions {
  readonly song: Song;
  /** The chart the learner plays. */
  readonly notes: readonly Note[];
  /** Both key sets: either plays the learner's part. */
  readonly keys: readonly [PlayerKeys, PlayerKeys];
  readonly touch: boolean;
  readonly t: (
    key: 'lessonIntro' | 'lessonIntroTouch' | 'lessonLane' | 'lessonLaneTouch' | 'lessonGroove',
    vars?: Record<string, string>,
  ) => string;
  readonly drumName: (lane: Note['lane']) => string;
}

/** One hint per lesson section: which drum comes next and its keys, then the groove. */
export class LessonHints {
  constructor(scene: Phaser.Scene, cues: CueTrack, o: LessonHintsOptions) {
    const hint = scene.add
      .text(CENTER_X, captionSlot().top, '', {
        fontFamily: FONT,
        fontSize: '28px',
        fontStyle: 'bold',
        color: '#ffffff',
        backgroundColor: '#1d1b4fdd',
        padding: { x: 18, y: 10 },
        align: 'center',
        wordWrap: wrapStyle(Math.min(520, captionSlot().width - 36), true),
      })
      .setOrigin(0.5, 0);
    const say = (time: Seconds, text: string) => cues.add(time, () => hint.setText(text));
    say(-10, o.t(o.touch ? 'lessonIntroTouch' : 'lessonIntro'));
    const sections = o.song.sections;
    let grooveShown = false;
    sections.forEach((sec, i) => {
      const end = sections[i + 1]?.time ?? Number.POSITIVE_INFINITY;
      const inside = o.notes.filter((n) => n.time >= sec.time && n.time < end);
      const lanes = new Set(inside.map((n) => n.lane));
      const first = inside[0];
      if (sec.kind === 'intro' && lanes.size === 1 && first) {
        const drum = o.drumName(first.lane);
        say(
          sec.time - 1,
          o.touch
            ? o.t('lessonLaneTouch', { drum })
            : o.t('lessonLane', {
                drum,
                keys: `${keyLabel(o.keys[0][first.lane])} / ${keyLabel(o.keys[1][first.lane])}`,
              }),
        );
      } else if (sec.kind !== 'intro' && !grooveShown && lanes.size > 1) {
        grooveShown = true;
        say(sec.time - 1, o.t('lessonGroove'));
      }
    });
  }
}
