import { clampSpeed, type PracticeSetup } from '../core/practice';
import { DIFFICULTIES, type Difficulty, MODES, type Mode, type PlayerId } from '../core/units';

/** Scenes that make sense on their own and may be opened by URL (`?scene=Settings`). */
export const URL_SCENES = [
  'Title',
  'ModeSelect',
  'SongSelect',
  'Settings',
  'Bindings',
  'Calibration',
  'Devices',
  'About',
  'Practice',
  'Replays',
] as const;

/** What the page's URL asks for. */
export type Launch =
  /**
   * `?song=ID&mode=...&p1=...&p2=...`: that song, straight away; with `&practice=FROM-TO` (bars),
   * `&speed=50..100` (percent), `&ramp=1` (speed up after clean loops) and `&demo=1|2` (autoplay
   * of that player's part), practised.
   */
  | {
      readonly kind: 'song';
      readonly songId: string;
      readonly mode: Mode;
      readonly difficulties: [Difficulty, Difficulty];
      readonly practice: PracticeSetup | null;
    }
  /** `?scene=Name` (and numbers for it, e.g. `&player=1`). */
  | { readonly kind: 'scene'; readonly scene: (typeof URL_SCENES)[number]; readonly data: Record<string, number> }
  /** Nothing, or something that cannot be opened: the title (with `problem` to tell the player). */
  | { readonly kind: 'title'; readonly problem: { readonly what: 'song' | 'scene'; readonly value: string } | null };

/**
 * Reads the page's query string. Only songs that exist and scenes in URL_SCENES are honoured
 * (an own-property lookup: `constructor` or `__proto__` are just unknown names); anything else
 * falls back to the title with a problem to report.
 */
export function parseLaunch(search: string, songExists: (id: string) => boolean): Launch {
  const q = new URLSearchParams(search);
  const songId = q.get('song');
  if (songId !== null) {
    if (!songExists(songId)) return { kind: 'title', problem: { what: 'song', value: songId.slice(0, 60) } };
    const pick = <T extends string>(v: string | null, options: readonly T[], fallback: T): T =>
      options.includes(v as T) ? (v as T) : fallback;
    return {
      kind: 'song',
      songId,
      mode: pick(q.get('mode'), MODES, 'duet'),
      difficulties: [pick(q.get('p1'), DIFFICULTIES, 'normal'), pick(q.get('p2'), DIFFICULTIES, 'normal')],
      practice: parsePractice(q),
    };
  }
  const scene = q.get('scene');
  if (scene === null) return { kind: 'title', problem: null };
  const known = (URL_SCENES as readonly string[]).includes(scene);
  if (!known) return { kind: 'title', problem: { what: 'scene', value: scene.slice(0, 60) } };
  const data: Record<string, number> = {};
  for (const [k, v] of q) if (k !== 'scene' && /^-?\d{1,6}$/.test(v)) data[k] = Number(v);
  return { kind: 'scene', scene: scene as (typeof URL_SCENES)[number], data };
}

/** A practice setup from `practice=FROM-TO&speed=..&ramp=1&demo=1|2`; null without `practice`. */
function parsePractice(q: URLSearchParams): PracticeSetup | null {
  const range = /^(\d{1,4})(?:-(\d{1,4}))?$/.exec(q.get('practice') ?? '');
  if (!range) return null;
  const fromBar = Number(range[1]);
  const toBar = range[2] === undefined ? fromBar : Number(range[2]);
  const percent = Number(q.get('speed') ?? '100');
  const demo = q.get('demo');
  return {
    fromBar: Math.min(fromBar, toBar),
    toBar: Math.max(fromBar, toBar),
    speed: clampSpeed(Number.isFinite(percent) ? percent / 100 : 1),
    speedUp: q.get('ramp') === '1',
    demo: demo === '1' ? 0 : demo === '2' ? 1 : null,
  };
}

/** What a share link opens: a song, mode and difficulties, and maybe a practice setup. */
export interface ShareTarget {
  readonly songId: string;
  readonly mode: Mode;
  readonly difficulties: readonly [Difficulty, Difficulty];
  readonly practice?: PracticeSetup | null;
}

/**
 * The link that opens the same song, mode, difficulties (and practice setup) in a friend's
 * browser: this page's address with the query `parseLaunch` reads.
 * @param page the page's address (its query and hash are replaced).
 */
export function shareLink(page: string, target: ShareTarget): string {
  const url = new URL(page);
  const q = new URLSearchParams();
  q.set('song', target.songId);
  q.set('mode', target.mode);
  q.set('p1', target.difficulties[0]);
  q.set('p2', target.difficulties[1]);
  const p = target.practice;
  if (p) {
    q.set('practice', p.fromBar === p.toBar ? String(p.fromBar) : `${p.fromBar}-${p.toBar}`);
    q.set('speed', String(Math.round(p.speed * 100)));
    if (p.speedUp) q.set('ramp', '1');
    if (p.demo !== null) q.set('demo', String((p.demo as PlayerId) + 1));
  }
  url.search = q.toString();
  url.hash = '';
  return url.toString();
}
