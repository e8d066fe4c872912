import { DIFFICULTIES, type Difficulty, MODES, type Mode } from '../core/units';

/** Reads `?song=ID&mode=duet|battle|solo&p1=easy|...&p2=...`; null when no valid song is named. */
export function parseSongUrl(
  search: string,
  songExists: (id: string) => boolean,
): { songId: string; mode: Mode; difficulties: [Difficulty, Difficulty] } | null {
  const q = new URLSearchParams(search);
  const songId = q.get('song');
  if (!songId || !songExists(songId)) return null;
  const pick = <T extends string>(v: string | null, options: readonly T[], fallback: T): T =>
    options.includes(v as T) ? (v as T) : fallback;
  return {
    songId,
    mode: pick(q.get('mode'), MODES, 'duet'),
    difficulties: [pick(q.get('p1'), DIFFICULTIES, 'normal'), pick(q.get('p2'), DIFFICULTIES, 'normal')],
  };
}
