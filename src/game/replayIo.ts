import type { StringKey } from '../content/strings';
import {
  encodeReplay,
  loadReplay,
  type OpenedReplay,
  type ReplayDoc,
  type ReplayProblem,
  replayFileName,
} from '../core/replay';
import type { Song } from '../core/song';
import { downloadText } from '../page/download';
import type { RunPlan } from './flow';

/** What opening a replay needs of the app (App is one; Node tests pass a fake). */
export interface ReplayHost {
  readonly library: { get(id: string): Song | undefined };
  readonly notices: { info(text: string, ms?: number): void; error(text: string, ms?: number): void };
  readonly flow: { setPlan(plan: RunPlan): void };
  readonly events: { emit(name: 'goTo', scene: string): void };
  t(key: StringKey, vars?: Record<string, string | number>): string;
}

/*
 * Replay files in and out: a file opened (imported) is checked and, if it can be watched,
 * watched at once; one that cannot is named in an error notice and changes nothing. A replay
 * is exported as a downloaded file.
 */

/** The player's message for a replay file that cannot be opened. */
export function replayProblemText(app: ReplayHost, problem: ReplayProblem, file: string): string {
  const t = (key: StringKey, vars: Record<string, string | number> = {}) => app.t(key, { file, ...vars });
  switch (problem.kind) {
    case 'corrupt':
      return t('replayCorrupt', { detail: problem.detail });
    case 'truncated':
      return t('replayTruncated');
    case 'future':
      return t('replayFuture', { version: problem.version });
    case 'invalid':
      return t('replayInvalid', { detail: problem.detail });
    case 'tampered':
      return t('replayTampered');
    case 'missing-song':
      return t('replayMissingSong', { title: problem.title });
    case 'chart-changed':
      return t('replayChartChanged', {
        title: problem.title,
        player: app.t(problem.slot === 0 ? 'player1' : 'player2'),
      });
  }
}

/** Says whether judging the replay again gave the results it recorded. */
export function tellDifferences(app: ReplayHost, differences: readonly string[]): void {
  if (differences.length === 0) app.notices.info(app.t('replaySame'));
  else app.notices.info(app.t('replayDiffers', { detail: differences.slice(0, 4).join('; ') }), 12_000);
}

/**
 * Opens a replay file's text for watching: checked, judged again, then shown in Play (whatever
 * scene is showing). A file that cannot be opened gets an error notice naming it, and nothing
 * else changes.
 * @returns the opened replay, or null.
 */
export function importReplay(app: ReplayHost, text: string, file: string): OpenedReplay | null {
  const r = loadReplay(text, (id) => app.library.get(id));
  if (!r.ok) {
    app.notices.error(replayProblemText(app, r.problem, file));
    return null;
  }
  watch(app, r.value);
  app.events.emit('goTo', 'Play');
  return r.value;
}

/** Sets the next run to watch an opened replay (and says whether it judged the same). */
export function watch(app: ReplayHost, replay: OpenedReplay, rate = 1): void {
  tellDifferences(app, replay.differences);
  app.flow.setPlan({ kind: 'watch', replay, rate });
}

/** Opens a stored or finished run's replay for watching or racing; null (with a notice) if it cannot be. */
export function reopen(app: ReplayHost, doc: ReplayDoc): OpenedReplay | null {
  const text = encodeReplay(doc);
  const r = loadReplay(text, (id) => app.library.get(id));
  if (r.ok) return r.value;
  app.notices.error(replayProblemText(app, r.problem, replayFileName(doc)));
  return null;
}

/** Downloads a replay as a file. */
export function exportReplay(app: ReplayHost, doc: ReplayDoc): void {
  const name = replayFileName(doc);
  downloadText(name, encodeReplay(doc));
  app.notices.info(app.t('replaySaved', { name }));
}
