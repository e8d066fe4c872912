import { breakCaption, type Caption, introCaption } from '../content/captions';
import { isLocal } from '../core/lineup';
import { PLAYERS } from '../core/units';
import { CENTER_X, captionSlot, touchLayout } from '../game/layout';
import type { Run } from '../run/run';
import type { BaseScene } from '../scenes/BaseScene';
import { CaptionBox } from './captionBox';
import type { CueTrack } from './cueTrack';
import { LessonHints } from './lessonHints';
import { Ticker } from './ticker';

/**
 * What a run shows besides the play itself, on the song clock: quotes from the article at the
 * intro and in the song's breaks (in their own slot between the highways, above the leaders and
 * below the meter, resting on its bottom; a lesson hint takes its top), the X reactions as a
 * ticker, and the lesson's hints.
 */
export function addRunCues(scene: BaseScene, cues: CueTrack, run: Run): void {
  const language = scene.app.settings.language;
  const song = run.song;
  const slot = captionSlot();
  const box = new CaptionBox(scene, {
    x: CENTER_X,
    y: (slot.top + slot.bottom) / 2,
    width: slot.width,
    fontSize: 20,
    language,
    calm: scene.calm,
    depth: 50,
  });
  const show = (caption: Caption, holdMs: number) => {
    box.show(caption, holdMs);
    box.rest(Math.max(slot.top + box.height / 2, slot.bottom - box.height / 2));
    box.show(caption, holdMs);
  };
  cues.add(-2, () => show(introCaption(song.id, run.setup.seed), 5000));
  const breaks = song.sections.filter((sec) => sec.kind === 'break');
  for (const [i, sec] of breaks.entries()) cues.add(sec.time, () => show(breakCaption(song.id, i), 4000));
  new Ticker(scene, { language, calm: scene.calm, depth: 40 });
  if (run.lineup.mode !== 'lesson') return;
  const learner = PLAYERS.find((p) => isLocal(run.lineup, p)) ?? 1;
  new LessonHints(scene, cues, {
    song,
    notes: run.charts[learner],
    keys: scene.app.settings.bindings.keyboard,
    touch: touchLayout,
    t: (key, vars) => scene.t(key, vars),
    drumName: (lane) => scene.t(lane),
  });
}
