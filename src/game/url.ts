import { DIFFICULTIES, type Difficulty, MODES, type Mode } from '../core/units';

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
] as const;

/** What the page's URL asks for. */
export type Launch =
  /** `?song=ID&mode=...&p1=...&p2=...`: that song, straight away. */
  | {
      readonly kind: 'song';
      readonly songId: string;
      readonly mode: Mode;
      readonly difficulties: [Difficulty, Difficulty];
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
